import { randomUUID } from 'node:crypto';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import { DepotSignature } from '../../signature';
import { reponseAccusee, reponsePartie, reponsePreparee, reponseRejetee } from '../../demandes';
import type { Envoi, EtatEnvoi } from '../../../shared/contract/sync';
import { erreurs } from '../../../shared/errors';

/**
 * The outbox, persisted at each step: brouillon -> signe -> envoi -> accepte | rejete.
 *
 * Built on the card's batch-signing state (migration 0003): a draft IS a `documents_signature`
 * row to sign, and "signed" is that row's `signe` state with its frozen `xml_signe` (a trigger
 * forbids touching it again). The outbox row (`envois`, state 'preparation' until the first
 * send) adds what sending needs:
 * - the idempotency key, made when the row is created, before any send, and never changed:
 *   whatever happens between "sent" and "receipt read" (a cut cable, a crash, a 5xx after
 *   storage), sending again with the same key makes the platform return the ORIGINAL receipt;
 * - 'envoi', written BEFORE the request leaves: after a crash, 'envoi' means "maybe sent" and is
 *   resent with its key (safe), while 'preparation' was never sent;
 * - every transition guarded by the expected current state (compare-and-set), and recorded in
 *   `envois_etapes` in the same transaction, with the request's step of its life cycle (the
 *   requests room, electron/demandes/, writes it).
 */
export interface LigneEnvoi {
  id: number;
  nature: 'reponse' | 'demande';
  demande_id: number | null;
  document_signature_id: number;
  cle_idempotence: string;
  etat: 'preparation' | 'envoi' | 'accepte' | 'rejete';
  etat_signature: 'a_signer' | 'en_cours' | 'signe' | 'echec';
  xml_signe: string | null;
  sens: 'positive' | 'negative' | null;
  document_id: string;
  essais: number;
  prochain_essai_le: string | null;
  derniere_erreur: string | null;
  recepisse: string | null;
  motif_rejet: string | null;
  message_rejet: string | null;
  modifie_le: string;
}

const SELECTION = `SELECT e.*, d.etat AS etat_signature, d.xml_signe FROM envois e JOIN documents_signature d ON d.id = e.document_signature_id`;

/** The outbox state as the user sees it: drafts and signed documents come from the signing state. */
export function etatVisible(l: Pick<LigneEnvoi, 'etat' | 'etat_signature'>): EtatEnvoi {
  if (l.etat === 'preparation') return l.etat_signature === 'signe' ? 'signe' : 'brouillon';
  return l.etat;
}

export function versEnvoi(l: LigneEnvoi): Envoi {
  return {
    id: l.id,
    nature: l.nature,
    demandeId: l.demande_id,
    etat: etatVisible(l),
    essais: l.essais,
    prochainEssai: l.prochain_essai_le,
    recepisse: l.recepisse,
    motifRejet: l.motif_rejet ? (l.message_rejet ?? l.motif_rejet) : null,
    modifieLe: l.modifie_le,
  };
}

function etape(db: Base, id: number, etat: string, le: string, detail: string | null): void {
  db.prepare('INSERT INTO envois_etapes (envoi_id, etat, le, detail) VALUES (?, ?, ?, ?)').run(id, etat, le, detail);
}

type Colonne =
  | 'essais'
  | 'prochain_essai_le'
  | 'derniere_erreur'
  | 'recepisse'
  | 'recepisse_xml'
  | 'demande_plateforme'
  | 'motif_rejet'
  | 'message_rejet';

function passer(
  db: Base,
  id: number,
  depuis: readonly LigneEnvoi['etat'][],
  vers: LigneEnvoi['etat'],
  le: Date,
  champs: Partial<Record<Colonne, unknown>>,
  detail: string | null,
): void {
  const noms = Object.keys(champs) as Colonne[];
  const set = ['etat = @vers', 'modifie_le = @le', ...noms.map((n) => `${n} = @${n}`)].join(', ');
  const params: Record<string, unknown> = { id, vers, le: le.toISOString(), ...champs };
  depuis.forEach((d, i) => (params[`d${i}`] = d));
  const r = db
    .prepare(`UPDATE envois SET ${set} WHERE id = @id AND etat IN (${depuis.map((_, i) => `@d${i}`).join(', ')})`)
    .run(params);
  if (r.changes !== 1) {
    const actuel = db.prepare('SELECT etat FROM envois WHERE id = ?').get(id) as { etat: string } | undefined;
    if (!actuel) throw erreurs.introuvable('Envoi', id);
    throw erreurs.conflit(`Cet envoi est déjà dans l’état « ${actuel.etat} » : action impossible.`);
  }
  etape(db, id, vers, le.toISOString(), detail);
}

export interface NouveauBrouillon {
  nature: 'reponse' | 'demande';
  demandeId: number | null;
  sens: 'positive' | 'negative' | null;
  /** The `Id` of the document's root element (what the receipt names). */
  documentId: string;
  xml: string;
}

/** A draft: a document to sign (0003) and its outbox row with its idempotency key, in one transaction. */
export function creerBrouillon(db: Base, horloge: Horloge, n: NouveauBrouillon): LigneEnvoi {
  const le = horloge.maintenant().toISOString();
  return db
    .transaction(() => {
      const cle = randomUUID();
      const [docId] = new DepotSignature(() => db, horloge).ajouter([
        { reference: `${n.nature}:${cle}`, nature: n.nature, xml: n.xml },
      ]);
      const r = db
        .prepare(
          `INSERT INTO envois (nature, demande_id, document_signature_id, cle_idempotence, etat, sens, document_id, cree_le, modifie_le)
           VALUES (?, ?, ?, ?, 'preparation', ?, ?, ?, ?)`,
        )
        .run(n.nature, n.demandeId, docId, cle, n.sens, n.documentId, le, le);
      const id = Number(r.lastInsertRowid);
      etape(db, id, 'brouillon', le, null);
      if (n.nature === 'reponse' && n.demandeId !== null) reponsePreparee(db, n.demandeId);
      return lire(db, id);
    })
    .immediate();
}

/** Written BEFORE the request leaves (see above). Only a signed document can leave. */
export function commencerEnvoi(db: Base, id: number, le: Date): LigneEnvoi {
  return db
    .transaction(() => {
      const e = lire(db, id);
      if (e.etat === 'preparation' && e.etat_signature !== 'signe')
        throw erreurs.conflit('Ce document n’est pas encore signé : il ne peut pas partir.');
      passer(
        db,
        id,
        ['preparation', 'envoi'],
        'envoi',
        le,
        { essais: e.essais + 1, prochain_essai_le: null },
        `essai ${e.essais + 1}`,
      );
      if (e.nature === 'reponse' && e.demande_id !== null) reponsePartie(db, e.demande_id, e.sens);
      return lire(db, id);
    })
    .immediate();
}

/** A network failure or a 5xx: still 'envoi' (maybe received), retried at `prochainEssai`. */
export function reporter(db: Base, id: number, raison: string, prochainEssai: Date, le: Date): void {
  db.transaction(() => {
    passer(
      db,
      id,
      ['envoi'],
      'envoi',
      le,
      { derniere_erreur: raison.slice(0, 500), prochain_essai_le: prochainEssai.toISOString() },
      `reporté : ${raison.slice(0, 200)}`,
    );
  }).immediate();
}

export function accepter(
  db: Base,
  id: number,
  recepisse: { numero: string; xml: string; demandePlateforme: string },
  le: Date,
): void {
  db.transaction(() => {
    passer(
      db,
      id,
      ['envoi'],
      'accepte',
      le,
      {
        recepisse: recepisse.numero,
        recepisse_xml: recepisse.xml,
        demande_plateforme: recepisse.demandePlateforme,
        derniere_erreur: null,
        prochain_essai_le: null,
      },
      recepisse.numero,
    );
    const e = lire(db, id);
    if (e.nature === 'reponse' && e.demande_id !== null) reponseAccusee(db, e.demande_id);
  }).immediate();
}

/** A refusal (4xx) is final: shown to the officer, never sent again as is. */
export function rejeter(db: Base, id: number, motif: string, message: string, le: Date): void {
  db.transaction(() => {
    passer(
      db,
      id,
      ['envoi'],
      'rejete',
      le,
      { motif_rejet: motif, message_rejet: message.slice(0, 2000), prochain_essai_le: null },
      motif,
    );
    const e = lire(db, id);
    // The request is open again: the officer reads the reason and answers anew.
    if (e.nature === 'reponse' && e.demande_id !== null) reponseRejetee(db, e.demande_id);
  }).immediate();
}

export function lire(db: Base, id: number): LigneEnvoi {
  const l = db.prepare(`${SELECTION} WHERE e.id = ?`).get(id) as LigneEnvoi | undefined;
  if (!l) throw erreurs.introuvable('Envoi', id);
  return l;
}

/** Rows to send now: signed and never sent, or in 'envoi' whose retry time has come (or was never set: a crash). */
export function aEnvoyer(db: Base, maintenant: Date, limite = 200): LigneEnvoi[] {
  return db
    .prepare(
      `${SELECTION} WHERE (e.etat = 'preparation' AND d.etat = 'signe')
         OR (e.etat = 'envoi' AND (e.prochain_essai_le IS NULL OR e.prochain_essai_le <= ?))
       ORDER BY e.id LIMIT ?`,
    )
    .all(maintenant.toISOString(), limite) as LigneEnvoi[];
}

export function enAttente(db: Base): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM envois e JOIN documents_signature d ON d.id = e.document_signature_id
         WHERE e.etat = 'envoi' OR (e.etat = 'preparation' AND d.etat = 'signe')`,
      )
      .get() as { n: number }
  ).n;
}

export function prochainEssai(db: Base): string | null {
  return (
    db.prepare("SELECT min(prochain_essai_le) AS p FROM envois WHERE etat = 'envoi'").get() as { p: string | null }
  ).p;
}

const CONDITION_ETAT: Record<EtatEnvoi, string> = {
  brouillon: "(e.etat = 'preparation' AND d.etat <> 'signe')",
  signe: "(e.etat = 'preparation' AND d.etat = 'signe')",
  envoi: "e.etat = 'envoi'",
  accepte: "e.etat = 'accepte'",
  rejete: "e.etat = 'rejete'",
};

export function lister(db: Base, filtre: { etats?: EtatEnvoi[]; demandeId?: number; limite: number }): Envoi[] {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filtre.etats?.length) conditions.push(`(${filtre.etats.map((e) => CONDITION_ETAT[e]).join(' OR ')})`);
  if (filtre.demandeId !== undefined) {
    conditions.push('e.demande_id = ?');
    params.push(filtre.demandeId);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const lignes = db
    .prepare(`${SELECTION} ${where} ORDER BY e.modifie_le DESC, e.id DESC LIMIT ?`)
    .all(...params, filtre.limite) as LigneEnvoi[];
  return lignes.map(versEnvoi);
}

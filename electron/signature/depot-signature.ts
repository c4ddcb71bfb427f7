import { createHash, randomUUID } from 'node:crypto';
import { erreurs } from '../../shared/errors';
import type { Base } from '../db';
import type { Horloge } from '../horloge';

export type EtatDocument = 'a_signer' | 'en_cours' | 'signe' | 'echec';
export type NatureDocument = 'reponse' | 'demande' | 'essai';

export interface DocumentSignature {
  readonly id: number;
  readonly reference: string;
  readonly nature: NatureDocument;
  readonly etat: EtatDocument;
  readonly empreinte: string;
  readonly lotId: string | null;
  readonly signeLe: string | null;
  readonly certificat: string | null;
  readonly natureSignataire: 'carte' | 'formation' | null;
  readonly erreurCode: string | null;
  readonly creeLe: string;
}

interface Ligne {
  id: number;
  reference: string;
  nature: NatureDocument;
  etat: EtatDocument;
  empreinte: string;
  lot_id: string | null;
  signe_le: string | null;
  certificat: string | null;
  nature_signataire: 'carte' | 'formation' | null;
  erreur_code: string | null;
  cree_le: string;
}

const COLONNES =
  'id, reference, nature, etat, empreinte, lot_id, signe_le, certificat, nature_signataire, erreur_code, cree_le';

function versDocument(l: Ligne): DocumentSignature {
  return {
    id: l.id,
    reference: l.reference,
    nature: l.nature,
    etat: l.etat,
    empreinte: l.empreinte,
    lotId: l.lot_id,
    signeLe: l.signe_le,
    certificat: l.certificat,
    natureSignataire: l.nature_signataire,
    erreurCode: l.erreur_code,
    creeLe: l.cree_le,
  };
}

export const empreinteContenu = (xml: string) => createHash('sha256').update(xml, 'utf8').digest('hex');

/**
 * The persisted state of batch signing (table documents_signature, migration 0003). Every state
 * change is one guarded UPDATE (`WHERE etat = ...`): two batches can never both take a document,
 * and a signed document can never be taken again (the table's trigger refuses it too).
 */
export class DepotSignature {
  constructor(
    private readonly db: () => Base,
    private readonly horloge: Horloge,
  ) {}

  private get maintenant(): string {
    return this.horloge.maintenant().toISOString();
  }

  /**
   * Adds documents to sign (or refreshes a pending one). Adding again a document already
   * signed with the same content returns it unchanged; with another content, refuses.
   */
  ajouter(documents: readonly { reference: string; nature: NatureDocument; xml: string }[]): number[] {
    const db = this.db();
    const lire = db.prepare('SELECT id, etat, empreinte FROM documents_signature WHERE reference = ?');
    const inserer = db.prepare(
      `INSERT INTO documents_signature (reference, nature, contenu, empreinte, cree_le, modifie_le) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const rafraichir = db.prepare(
      `UPDATE documents_signature SET contenu = ?, empreinte = ?, nature = ?, etat = 'a_signer', erreur_code = NULL, lot_id = NULL, modifie_le = ?
       WHERE id = ? AND etat IN ('a_signer', 'echec')`,
    );
    return db.transaction(() =>
      documents.map((d) => {
        const empreinte = empreinteContenu(d.xml);
        const existant = lire.get(d.reference) as { id: number; etat: EtatDocument; empreinte: string } | undefined;
        const t = this.maintenant;
        if (!existant) return Number(inserer.run(d.reference, d.nature, d.xml, empreinte, t, t).lastInsertRowid);
        if (existant.etat === 'signe') {
          if (existant.empreinte === empreinte) return existant.id;
          throw erreurs.conflit(`Le document ${d.reference} est déjà signé : il ne peut plus être modifié.`);
        }
        if (existant.etat === 'en_cours')
          throw erreurs.conflit(`Le document ${d.reference} est en cours de signature.`);
        rafraichir.run(d.xml, empreinte, d.nature, t, existant.id);
        return existant.id;
      }),
    )();
  }

  lister(options: { etat?: EtatDocument; limite?: number } = {}): DocumentSignature[] {
    const limite = options.limite ?? 500;
    const lignes = options.etat
      ? this.db()
          .prepare(`SELECT ${COLONNES} FROM documents_signature WHERE etat = ? ORDER BY id LIMIT ?`)
          .all(options.etat, limite)
      : this.db().prepare(`SELECT ${COLONNES} FROM documents_signature ORDER BY id LIMIT ?`).all(limite);
    return (lignes as Ligne[]).map(versDocument);
  }

  lire(id: number): DocumentSignature & { contenu: string; xmlSigne: string | null } {
    const l = this.db()
      .prepare(`SELECT ${COLONNES}, contenu, xml_signe FROM documents_signature WHERE id = ?`)
      .get(id) as (Ligne & { contenu: string; xml_signe: string | null }) | undefined;
    if (!l) throw erreurs.introuvable('Document à signer', id);
    return { ...versDocument(l), contenu: l.contenu, xmlSigne: l.xml_signe };
  }

  /** Ids waiting to be signed, among `ids` if given. */
  aSigner(ids?: readonly number[], limite = 1000): number[] {
    const tous = (
      this.db()
        .prepare(`SELECT id FROM documents_signature WHERE etat = 'a_signer' ORDER BY id LIMIT ?`)
        .all(limite) as { id: number }[]
    ).map((l) => l.id);
    if (!ids) return tous;
    const voulus = new Set(ids);
    return tous.filter((id) => voulus.has(id));
  }

  /**
   * After a crash: documents left `en_cours` had no stored signature, so none was released.
   * They go back to a_signer; their batches are marked interrupted.
   */
  reprendre(): { documents: number; lots: number } {
    const db = this.db();
    return db.transaction(() => {
      const t = this.maintenant;
      const documents = db
        .prepare(
          `UPDATE documents_signature SET etat = 'a_signer', lot_id = NULL, modifie_le = ? WHERE etat = 'en_cours'`,
        )
        .run(t).changes;
      const lots = db
        .prepare(
          `UPDATE lots_signature SET etat = 'interrompu', termine_le = ?, motif = 'reprise après arrêt' WHERE etat = 'en_cours'`,
        )
        .run(t).changes;
      return { documents, lots };
    })();
  }

  creerLot(total: number): string {
    const id = randomUUID();
    this.db()
      .prepare(`INSERT INTO lots_signature (id, cree_le, etat, total) VALUES (?, ?, 'en_cours', ?)`)
      .run(id, this.maintenant, total);
    return id;
  }

  /** Takes a pending document for a batch; returns its content, or null if someone else took it. */
  reserver(id: number, lotId: string): { contenu: string; empreinte: string } | null {
    const db = this.db();
    const pris = db
      .prepare(
        `UPDATE documents_signature SET etat = 'en_cours', lot_id = ?, modifie_le = ? WHERE id = ? AND etat = 'a_signer'`,
      )
      .run(lotId, this.maintenant, id).changes;
    if (pris !== 1) return null;
    return db.prepare('SELECT contenu, empreinte FROM documents_signature WHERE id = ?').get(id) as {
      contenu: string;
      empreinte: string;
    };
  }

  enregistrerSigne(
    id: number,
    lotId: string,
    s: { xml: string; certificat: string; nature: 'carte' | 'formation'; signeLe: Date },
  ): void {
    const fait = this.db()
      .prepare(
        `UPDATE documents_signature SET etat = 'signe', xml_signe = ?, certificat = ?, nature_signataire = ?, signe_le = ?, erreur_code = NULL, modifie_le = ?
         WHERE id = ? AND etat = 'en_cours' AND lot_id = ?`,
      )
      .run(s.xml, s.certificat, s.nature, s.signeLe.toISOString(), this.maintenant, id, lotId).changes;
    if (fait !== 1) throw erreurs.interne('document à signer dans un état inattendu');
  }

  /** Gives a document back (card pulled out, PIN refused): it stays to sign. */
  remettre(id: number, lotId: string): void {
    this.db()
      .prepare(
        `UPDATE documents_signature SET etat = 'a_signer', lot_id = NULL, modifie_le = ? WHERE id = ? AND etat = 'en_cours' AND lot_id = ?`,
      )
      .run(this.maintenant, id, lotId);
  }

  echouer(id: number, lotId: string, code: string): void {
    this.db()
      .prepare(
        `UPDATE documents_signature SET etat = 'echec', erreur_code = ?, modifie_le = ? WHERE id = ? AND etat = 'en_cours' AND lot_id = ?`,
      )
      .run(code, this.maintenant, id, lotId);
  }

  terminerLot(
    lotId: string,
    r: { etat: 'termine' | 'interrompu'; signes: number; echecs: number; motif: string | null },
  ): void {
    this.db()
      .prepare(`UPDATE lots_signature SET etat = ?, signes = ?, echecs = ?, motif = ?, termine_le = ? WHERE id = ?`)
      .run(r.etat, r.signes, r.echecs, r.motif, this.maintenant, lotId);
  }
}

import type { BoiteDemandesEnvoyees, BoiteReponses, EnvoiDemande, EnvoiReponse } from '../../demandes';
import { lireAccuse } from '../../comedec';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import { DepotSignature } from '../../signature';
import { erreurs } from '../../../shared/errors';
import { creerBrouillon, etatVisible, lire, type LigneEnvoi } from './envois';

/**
 * Changing and discarding a draft of the outbox (envois.ts): only while it is a draft, i.e.
 * never sent ('preparation') and not signed nor being signed. Both guards are compare-and-set
 * in one transaction; the signed document's trigger (0003) refuses any edit besides.
 */
function exigerBrouillon(e: LigneEnvoi): void {
  const quoi = e.nature === 'demande' ? 'Cette demande' : 'Cette réponse';
  if (e.etat !== 'preparation' || e.etat_signature === 'signe')
    throw erreurs.conflit(`${quoi} est déjà signée : elle ne peut plus être modifiée ni abandonnée.`);
  if (e.etat_signature === 'en_cours')
    throw erreurs.conflit(`${quoi} est en cours de signature : attendez la fin du lot.`);
}

export function modifierBrouillon(
  db: Base,
  horloge: Horloge,
  id: number,
  // A request sent has no sense (null): only an answer is positive or negative.
  m: { sens: 'positive' | 'negative' | null; xml: string },
): void {
  const le = horloge.maintenant().toISOString();
  db.transaction(() => {
    const e = lire(db, id);
    exigerBrouillon(e);
    const depot = new DepotSignature(() => db, horloge);
    depot.ajouter([{ reference: depot.lire(e.document_signature_id).reference, nature: e.nature, xml: m.xml }]);
    const r = db
      .prepare(`UPDATE envois SET sens = ?, modifie_le = ? WHERE id = ? AND etat = 'preparation'`)
      .run(m.sens, le, id);
    if (r.changes !== 1) throw erreurs.conflit('Cet envoi vient de changer d’état : action impossible.');
    db.prepare('INSERT INTO envois_etapes (envoi_id, etat, le, detail) VALUES (?, ?, ?, ?)').run(
      id,
      'brouillon',
      le,
      'modifié',
    );
  }).immediate();
}

/** The draft was never signed nor sent: its outbox row and its document to sign are deleted. */
export function abandonnerBrouillon(db: Base, id: number): void {
  db.transaction(() => {
    const e = lire(db, id);
    exigerBrouillon(e);
    if (db.prepare(`DELETE FROM envois WHERE id = ? AND etat = 'preparation'`).run(id).changes !== 1)
      throw erreurs.conflit('Cet envoi vient de changer d’état : action impossible.');
    const d = db
      .prepare(`DELETE FROM documents_signature WHERE id = ? AND etat IN ('a_signer', 'echec')`)
      .run(e.document_signature_id);
    if (d.changes !== 1)
      throw erreurs.conflit(
        `${e.nature === 'demande' ? 'Cette demande' : 'Cette réponse'} vient d’être signée : elle ne peut plus être abandonnée.`,
      );
  }).immediate();
}

function versEnvoiReponse(l: LigneEnvoi, contenu: string): EnvoiReponse {
  return {
    id: l.id,
    documentSignatureId: l.document_signature_id,
    etat: etatVisible(l),
    contenu,
    xmlSigne: l.xml_signe,
    recepisse: l.recepisse,
    motifRejet: l.motif_rejet,
    messageRejet: l.message_rejet,
  };
}

function lireAvecContenu(db: Base, horloge: Horloge, id: number): EnvoiReponse {
  const l = lire(db, id);
  return versEnvoiReponse(l, new DepotSignature(() => db, horloge).lire(l.document_signature_id).contenu);
}

/** The outbox as the answers room uses it (handed to it by app.ts). */
export function boiteReponses(horloge: Horloge): BoiteReponses {
  return {
    creer: (db, h, n) => {
      try {
        const l = creerBrouillon(db, h, { nature: 'reponse', ...n });
        return lireAvecContenu(db, h, l.id);
      } catch (e) {
        // The outbox keeps one live answer per request (envois_une_reponse).
        if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw erreurs.conflit('Une réponse à cette demande est déjà dans la boîte d’envoi.');
        throw e;
      }
    },
    modifier: (db, h, id, m) => modifierBrouillon(db, h, id, m),
    abandonner: (db, id) => abandonnerBrouillon(db, id),
    lire: (db, id) => lireAvecContenu(db, horloge, id),
  };
}

function lireDemande(db: Base, horloge: Horloge, id: number): EnvoiDemande {
  const l = lire(db, id);
  if (l.nature !== 'demande') throw erreurs.introuvable('Demande envoyée', id);
  const extra = db.prepare('SELECT recepisse_xml, demande_plateforme FROM envois WHERE id = ?').get(id) as {
    recepisse_xml: string | null;
    demande_plateforme: string | null;
  };
  return {
    ...versEnvoiReponse(l, new DepotSignature(() => db, horloge).lire(l.document_signature_id).contenu),
    demandePlateforme: extra.demande_plateforme,
    // The receipt was checked when it came back (envoi.ts): its instant is the platform's.
    accuseLe: extra.recepisse_xml ? lireAccuse(extra.recepisse_xml).recuLe : null,
  };
}

/** The outbox as the requests-sent area uses it (handed to it by app.ts), with the answers kept. */
export function boiteDemandesEnvoyees(horloge: Horloge): BoiteDemandesEnvoyees {
  return {
    creer: (db, h, n) => {
      const l = creerBrouillon(db, h, { nature: 'demande', demandeId: null, sens: null, ...n });
      return lireDemande(db, h, l.id);
    },
    modifier: (db, h, id, xml) => {
      if (lire(db, id).nature !== 'demande') throw erreurs.introuvable('Demande envoyée', id);
      modifierBrouillon(db, h, id, { sens: null, xml });
    },
    abandonner: (db, id) => abandonnerBrouillon(db, id),
    lire: (db, id) => lireDemande(db, horloge, id),
    reponseGardee: (db, demandePlateforme) => {
      const r = db
        .prepare('SELECT document, signataire, recue_le FROM reponses_recues WHERE demande_plateforme = ?')
        .get(demandePlateforme) as { document: string; signataire: string; recue_le: string } | undefined;
      return r ? { document: r.document, signataire: r.signataire, recueLe: r.recue_le } : null;
    },
  };
}

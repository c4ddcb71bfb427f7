import type { MotifDemandeEnvoyee, SaisieDemandeEnvoyeeValidee } from '../../../shared/contract/demandes-envoyees';
import type { DocumentQuarantaine } from '../../../shared/contract/demandes';
import { erreurs } from '../../../shared/errors';
import type { Base } from '../../db';

/**
 * The table of the requests sent (migration 0011): written here only. The document and its
 * sending are the outbox's; this row keeps what the officer wrote, for the list and the file.
 */
export interface LigneDemandeEnvoyee {
  id: number;
  envoi_id: number | null;
  document_id: string;
  motif: MotifDemandeEnvoyee;
  reference: string;
  date_procedure: string | null;
  destinataire_insee: string;
  destinataire_nom: string;
  destinataire_departement: string;
  type_acte: 'naissance';
  saisie: string;
  preparee_par: string;
  preparee_le: string;
  abandonnee_le: string | null;
}

export interface NouvelleDemandeEnvoyee {
  envoiId: number;
  documentId: string;
  saisie: SaisieDemandeEnvoyeeValidee;
  destinataire: { codeInsee: string; nom: string; departement: string };
  par: string;
  le: string;
}

export function inserer(db: Base, n: NouvelleDemandeEnvoyee): number {
  const r = db
    .prepare(
      `INSERT INTO demandes_envoyees (envoi_id, document_id, motif, reference, date_procedure, destinataire_insee,
         destinataire_nom, destinataire_departement, type_acte, saisie, preparee_par, preparee_le)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      n.envoiId,
      n.documentId,
      n.saisie.motif,
      n.saisie.reference,
      n.saisie.dateProcedure,
      n.destinataire.codeInsee,
      n.destinataire.nom,
      n.destinataire.departement,
      n.saisie.typeActe,
      JSON.stringify(n.saisie),
      n.par,
      n.le,
    );
  return Number(r.lastInsertRowid);
}

/**
 * The draft changed: what the officer wrote now (who prepared it and when stay: the outbox's steps
 * record the change). Only while its outbox row is there (the caller checked it is a draft).
 */
export function remplacerSaisie(
  db: Base,
  id: number,
  m: Pick<NouvelleDemandeEnvoyee, 'saisie' | 'destinataire'>,
): void {
  const r = db
    .prepare(
      `UPDATE demandes_envoyees SET motif = ?, reference = ?, date_procedure = ?, destinataire_insee = ?,
         destinataire_nom = ?, destinataire_departement = ?, type_acte = ?, saisie = ?
       WHERE id = ? AND envoi_id IS NOT NULL`,
    )
    .run(
      m.saisie.motif,
      m.saisie.reference,
      m.saisie.dateProcedure,
      m.destinataire.codeInsee,
      m.destinataire.nom,
      m.destinataire.departement,
      m.saisie.typeActe,
      JSON.stringify(m.saisie),
      id,
    );
  if (r.changes !== 1) throw erreurs.conflit('Cette demande est abandonnée : elle ne peut plus être modifiée.');
}

export function lire(db: Base, id: number): LigneDemandeEnvoyee {
  const l = db.prepare('SELECT * FROM demandes_envoyees WHERE id = ?').get(id) as LigneDemandeEnvoyee | undefined;
  if (!l) throw erreurs.introuvable('Demande envoyée', id);
  return l;
}

/** The most recent first. */
export function lister(db: Base, limite: number): LigneDemandeEnvoyee[] {
  return db
    .prepare('SELECT * FROM demandes_envoyees ORDER BY preparee_le DESC, id DESC LIMIT ?')
    .all(limite) as LigneDemandeEnvoyee[];
}

/** The draft is discarded: its row stays, without its outbox row (deleted by the caller, after). */
export function marquerAbandonnee(db: Base, id: number, le: string): void {
  const r = db
    .prepare('UPDATE demandes_envoyees SET envoi_id = NULL, abandonnee_le = ? WHERE id = ? AND envoi_id IS NOT NULL')
    .run(le, id);
  if (r.changes !== 1) throw erreurs.conflit('Cette demande est déjà abandonnée.');
}

/**
 * Answers to this request that were refused on arrival (the sync files them in the quarantine
 * under the delivery `reponse:<platform id>`, reception-reponses.ts): their reasons, never their content.
 */
export function refusDe(db: Base, idPlateforme: string): Pick<DocumentQuarantaine, 'motif' | 'raison' | 'recueLe'>[] {
  return (
    db
      .prepare('SELECT motif, raison, recue_le FROM quarantaine WHERE livraison = ? ORDER BY id')
      .all(`reponse:${idPlateforme}`) as { motif: DocumentQuarantaine['motif']; raison: string; recue_le: string }[]
  ).map((q) => ({ motif: q.motif, raison: q.raison, recueLe: q.recue_le }));
}

import type { CycleDemande } from '../../../shared/domain/cycle-demande';
import { erreurs } from '../../../shared/errors';
import type { Demande, FormeReponse, MotifNegatif } from '../../comedec';
import type { Base } from '../../db';
import { lireDonneesDemande } from '../stockage/donnees';

/**
 * The answers room's tables (migration 0007) and what it reads of a request. The outbox rows
 * themselves are reached through `BoiteReponses` (types.ts).
 */

export interface DemandeARepondre {
  id: number;
  idPlateforme: string;
  specimen: boolean;
  cycle: CycleDemande;
  jourLimite: string;
  purgeLe: string;
  donnees: Demande;
}

export function lireDemandeARepondre(db: Base, id: number): DemandeARepondre {
  const l = db
    .prepare('SELECT id, id_plateforme, specimen, cycle, jour_limite, purge_le, donnees FROM demandes WHERE id = ?')
    .get(id) as
    | {
        id: number;
        id_plateforme: string;
        specimen: 0 | 1;
        cycle: CycleDemande;
        jour_limite: string;
        purge_le: string;
        donnees: string;
      }
    | undefined;
  if (!l) throw erreurs.introuvable('Demande', id);
  return {
    id: l.id,
    idPlateforme: l.id_plateforme,
    specimen: l.specimen === 1,
    cycle: l.cycle,
    jourLimite: l.jour_limite,
    purgeLe: l.purge_le,
    donnees: lireDonneesDemande(l.donnees),
  };
}

export interface LigneReponse {
  id: number;
  demande_id: number;
  envoi_id: number | null;
  sens: 'positive' | 'negative';
  acte_id: number | null;
  forme: FormeReponse | null;
  motif: MotifNegatif | null;
  commentaire: string | null;
  preparee_par: string | null;
  preparee_le: string;
  modifiee_le: string;
  abandonnee_le: string | null;
  // joined from the request
  id_plateforme: string;
  specimen: 0 | 1;
  jour_limite: string;
}

const SELECTION = `SELECT r.*, d.id_plateforme, d.specimen, d.jour_limite FROM reponses_preparees r JOIN demandes d ON d.id = r.demande_id`;

/** The answers of a request still attached to the outbox, newest first (at most one is live: the others were refused). */
export function reponsesDeLaDemande(db: Base, demandeId: number): LigneReponse[] {
  return db
    .prepare(`${SELECTION} WHERE r.demande_id = ? AND r.envoi_id IS NOT NULL ORDER BY r.id DESC`)
    .all(demandeId) as LigneReponse[];
}

export function lireReponse(db: Base, id: number): LigneReponse {
  const l = db.prepare(`${SELECTION} WHERE r.id = ?`).get(id) as LigneReponse | undefined;
  if (!l) throw erreurs.introuvable('Réponse', id);
  return l;
}

/** Prepared answers still attached to the outbox, newest first. */
export function listerReponses(db: Base, limite: number): LigneReponse[] {
  return db
    .prepare(`${SELECTION} WHERE r.envoi_id IS NOT NULL ORDER BY r.modifiee_le DESC, r.id DESC LIMIT ?`)
    .all(limite) as LigneReponse[];
}

export interface ContenuReponse {
  sens: 'positive' | 'negative';
  acteId: number | null;
  forme: FormeReponse | null;
  motif: MotifNegatif | null;
  commentaire: string | null;
}

export function insererReponse(
  db: Base,
  r: ContenuReponse & { demandeId: number; envoiId: number; par: string | null; le: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO reponses_preparees (demande_id, envoi_id, sens, acte_id, forme, motif, commentaire, preparee_par, preparee_le, modifiee_le)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.demandeId, r.envoiId, r.sens, r.acteId, r.forme, r.motif, r.commentaire, r.par, r.le, r.le)
      .lastInsertRowid,
  );
}

/** A changed draft: its new content; the confirmations of the former one no longer apply. */
export function remplacerReponse(db: Base, id: number, r: ContenuReponse & { le: string }): void {
  db.prepare('DELETE FROM confirmations_negatives WHERE reponse_id = ?').run(id);
  db.prepare(
    'UPDATE reponses_preparees SET sens = ?, acte_id = ?, forme = ?, motif = ?, commentaire = ?, modifiee_le = ? WHERE id = ?',
  ).run(r.sens, r.acteId, r.forme, r.motif, r.commentaire, r.le, id);
}

/** Detached from the outbox before its row is deleted: kept as a record. */
export function marquerAbandonnee(db: Base, id: number, le: string): void {
  db.prepare(
    'UPDATE reponses_preparees SET abandonnee_le = ?, envoi_id = NULL, modifiee_le = ? WHERE id = ? AND abandonnee_le IS NULL',
  ).run(le, le, id);
}

export interface Confirmation {
  acteId: number;
  designation: string;
  confirmeePar: string;
  certificat: string;
  confirmeeLe: string;
}

export function enregistrerConfirmations(db: Base, reponseId: number, liste: readonly Confirmation[]): void {
  const inserer = db.prepare(
    'INSERT INTO confirmations_negatives (reponse_id, acte_id, designation, confirmee_par, certificat, confirmee_le) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const c of liste) inserer.run(reponseId, c.acteId, c.designation, c.confirmeePar, c.certificat, c.confirmeeLe);
}

export function confirmationsDe(db: Base, reponseId: number): Confirmation[] {
  return db
    .prepare(
      'SELECT acte_id AS acteId, designation, confirmee_par AS confirmeePar, certificat, confirmee_le AS confirmeeLe FROM confirmations_negatives WHERE reponse_id = ? ORDER BY id',
    )
    .all(reponseId) as Confirmation[];
}

export interface DeCote {
  commentaire: string;
  par: string | null;
  le: string;
}

export function deCote(db: Base, demandeId: number): DeCote | null {
  return (
    (db.prepare('SELECT commentaire, par, le FROM demandes_de_cote WHERE demande_id = ?').get(demandeId) as
      DeCote | undefined) ?? null
  );
}

export function mettreDeCote(db: Base, demandeId: number, c: DeCote): void {
  const r = db
    .prepare(
      'INSERT INTO demandes_de_cote (demande_id, commentaire, par, le) VALUES (?, ?, ?, ?) ON CONFLICT (demande_id) DO NOTHING',
    )
    .run(demandeId, c.commentaire, c.par, c.le);
  if (r.changes !== 1) throw erreurs.conflit('Cette demande est déjà mise de côté.');
}

export function reprendre(db: Base, demandeId: number): void {
  if (db.prepare('DELETE FROM demandes_de_cote WHERE demande_id = ?').run(demandeId).changes !== 1)
    throw erreurs.conflit('Cette demande n’est pas mise de côté.');
}

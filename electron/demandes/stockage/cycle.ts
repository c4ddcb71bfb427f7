import { transition, type CycleDemande, type SensReponse } from '../../../shared/domain/cycle-demande';
import { erreurs } from '../../../shared/errors';
import type { Base } from '../../db';

/**
 * The request's life cycle as the outbox drives it (shared/domain/cycle-demande.ts says what
 * is allowed). Each step runs inside the caller's transaction (the outbox row and the request
 * change together) and is compare-and-set on the state it read. Steps are named for what
 * happened to the answer; a step that finds the request already there changes nothing (a
 * resent answer, a new draft after a refusal); one the cycle forbids is a typed error.
 */
function passer(db: Base, demandeId: number, vers: CycleDemande, sens?: SensReponse | null): void {
  const de = db.prepare('SELECT cycle FROM demandes WHERE id = ?').pluck().get(demandeId) as CycleDemande | undefined;
  if (de === undefined) throw erreurs.introuvable('Demande', demandeId);
  if (transition(de, vers) === 'rien') return;
  const r =
    sens === undefined
      ? db.prepare('UPDATE demandes SET cycle = ? WHERE id = ? AND cycle = ?').run(vers, demandeId, de)
      : db
          .prepare('UPDATE demandes SET cycle = ?, sens_reponse = ? WHERE id = ? AND cycle = ?')
          .run(vers, sens, demandeId, de);
  if (r.changes !== 1) throw erreurs.conflit('Cette demande vient de changer d’état : action impossible.');
}

/**
 * A draft answer was made: the request is being answered. (A draft while an answer is on its
 * way cannot exist: the outbox keeps one answer per request, `envois_une_reponse`.)
 */
export function reponsePreparee(db: Base, demandeId: number): void {
  passer(db, demandeId, 'en_cours');
}

/** The signed answer is leaving (written before it leaves): the request is answered, with its direction. */
export function reponsePartie(db: Base, demandeId: number, sens: SensReponse | null): void {
  passer(db, demandeId, 'repondue', sens);
}

/** The platform acknowledged the answer. */
export function reponseAccusee(db: Base, demandeId: number): void {
  passer(db, demandeId, 'accusee');
}

/** The platform refused the answer (final): the request is open again, the officer answers anew. */
export function reponseRejetee(db: Base, demandeId: number): void {
  passer(db, demandeId, 'en_cours', null);
}

/** The id the platform gave the request (what an answer is filed under), or null when unknown. */
export function idPlateformeDe(db: Base, demandeId: number): string | null {
  return (
    (db.prepare('SELECT id_plateforme FROM demandes WHERE id = ?').pluck().get(demandeId) as string | undefined) ?? null
  );
}

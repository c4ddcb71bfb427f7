import { erreurs } from '../errors';

/**
 * The life cycle of a received request, written once: where it may go from each step (in the
 * manner of OpenCRVS's AVAILABLE_ACTIONS_BY_EVENT_STATUS). The store of the requests room
 * (electron/demandes/) applies it; anything else is refused with a typed error.
 * - recue: stored by a sync, nothing done yet;
 * - en_cours: an answer is being prepared (a draft exists), or a refused answer reopened it;
 * - repondue: the signed answer has left (or may have: it is resent with the same key);
 * - accusee: the platform acknowledged the answer. Final.
 */
export const CyclesDemande = ['recue', 'en_cours', 'repondue', 'accusee'] as const;
export type CycleDemande = (typeof CyclesDemande)[number];
export type SensReponse = 'positive' | 'negative';

export const TRANSITIONS_CYCLE = {
  recue: ['en_cours', 'repondue'],
  en_cours: ['repondue'],
  // A refusal by the platform (4xx) reopens the request: the officer answers anew.
  repondue: ['accusee', 'en_cours'],
  accusee: [],
} as const satisfies Record<CycleDemande, readonly CycleDemande[]>;

/** Requests still waiting for an answer (the ones matching keeps up to date). */
export const CyclesEnAttente = ['recue', 'en_cours'] as const satisfies readonly CycleDemande[];

const LIBELLES: Record<CycleDemande, string> = {
  recue: 'reçue',
  en_cours: 'en cours',
  repondue: 'répondue',
  accusee: 'accusée',
};

export function transitionPermise(de: CycleDemande, vers: CycleDemande): boolean {
  return (TRANSITIONS_CYCLE[de] as readonly CycleDemande[]).includes(vers);
}

/**
 * What a step asks of a request in state `de`: nothing (already there: a resent answer, a new
 * draft after a refusal), the move, or a typed refusal.
 */
export function transition(de: CycleDemande, vers: CycleDemande): 'rien' | 'passer' {
  if (de === vers) return 'rien';
  if (transitionPermise(de, vers)) return 'passer';
  throw erreurs.transitionRefusee(
    de,
    vers,
    `Cette demande est déjà ${LIBELLES[de]} : elle ne peut pas redevenir ${LIBELLES[vers]}.`,
  );
}

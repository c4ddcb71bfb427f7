import { erreurs } from '../errors';

/**
 * The life cycle of an answer, written once (the request's own cycle is cycle-demande.ts):
 * - brouillon: drafted, waiting for the signing batch; it may be changed or discarded;
 * - signee: signed by an officer's card: frozen (migration 0003's trigger forbids touching it);
 * - envoyee: leaving or left (resent with the same idempotency key until a receipt or a refusal);
 * - acceptee: the platform's receipt came back. Final;
 * - rejetee: the platform refused it (final for this document: the officer answers anew);
 * - abandonnee: discarded before signing. Final.
 */
export const EtatsReponse = ['brouillon', 'signee', 'envoyee', 'acceptee', 'rejetee', 'abandonnee'] as const;
export type EtatReponse = (typeof EtatsReponse)[number];

export const TRANSITIONS_REPONSE = {
  // brouillon -> brouillon: the draft is changed (another act, another reason, a comment).
  brouillon: ['brouillon', 'signee', 'abandonnee'],
  signee: ['envoyee'],
  envoyee: ['envoyee', 'acceptee', 'rejetee'],
  acceptee: [],
  rejetee: [],
  abandonnee: [],
} as const satisfies Record<EtatReponse, readonly EtatReponse[]>;

/** What the officer may do to an answer, and the state each action leads to. */
export const ACTIONS_REPONSE = { modifier: 'brouillon', abandonner: 'abandonnee' } as const satisfies Record<
  string,
  EtatReponse
>;
export type ActionReponse = keyof typeof ACTIONS_REPONSE;

const LIBELLES: Record<EtatReponse, string> = {
  brouillon: 'en brouillon',
  signee: 'signée',
  envoyee: 'envoyée',
  acceptee: 'accusée par la plateforme',
  rejetee: 'rejetée par la plateforme',
  abandonnee: 'abandonnée',
};

export function libelleEtatReponse(e: EtatReponse): string {
  return LIBELLES[e];
}

export function transitionReponsePermise(de: EtatReponse, vers: EtatReponse): boolean {
  return (TRANSITIONS_REPONSE[de] as readonly EtatReponse[]).includes(vers);
}

/** Throws a typed refusal when `action` is not allowed on an answer in state `de`. */
export function exigerActionReponse(de: EtatReponse, action: ActionReponse): void {
  const vers = ACTIONS_REPONSE[action];
  if (transitionReponsePermise(de, vers)) return;
  const quoi = action === 'modifier' ? 'modifiée' : 'abandonnée';
  throw erreurs.transitionRefusee(de, vers, `Cette réponse est ${LIBELLES[de]} : elle ne peut plus être ${quoi}.`);
}

/** The outbox's visible states (shared/contract/sync.ts, EtatEnvoi) as answer states. */
export function etatReponseDeLEnvoi(etat: 'brouillon' | 'signe' | 'envoi' | 'accepte' | 'rejete'): EtatReponse {
  const table = {
    brouillon: 'brouillon',
    signe: 'signee',
    envoi: 'envoyee',
    accepte: 'acceptee',
    rejete: 'rejetee',
  } as const;
  return table[etat];
}

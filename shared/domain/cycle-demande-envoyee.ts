import { erreurs } from '../errors';
import { echeancesDe, joursRestants } from './echeances';

/**
 * The life cycle of a request this commune SENDS to another one (marriage or PACS file), written
 * once (the received request's cycle is cycle-demande.ts, an answer's cycle-reponse.ts):
 * - brouillon: written, waiting for the signing batch; it may be changed or discarded;
 * - signee: signed by an officer's card, frozen; it leaves at the next sync;
 * - envoyee: leaving or left (resent with the same idempotency key until a receipt or a refusal);
 * - accusee: the platform's receipt came back: the commune of destination has it;
 * - repondue: its answer arrived and its XAdES signature was verified. Final;
 * - rejetee: the platform refused it (final for this document: the officer writes it anew);
 * - abandonnee: discarded before signing. Final.
 */
export const CyclesDemandeEnvoyee = [
  'brouillon',
  'signee',
  'envoyee',
  'accusee',
  'repondue',
  'rejetee',
  'abandonnee',
] as const;
export type CycleDemandeEnvoyee = (typeof CyclesDemandeEnvoyee)[number];

export const TRANSITIONS_DEMANDE_ENVOYEE = {
  // brouillon -> brouillon: the draft is changed (another commune, another reference, a name).
  brouillon: ['brouillon', 'signee', 'abandonnee'],
  signee: ['envoyee'],
  envoyee: ['envoyee', 'accusee', 'rejetee'],
  accusee: ['repondue'],
  repondue: [],
  rejetee: [],
  abandonnee: [],
} as const satisfies Record<CycleDemandeEnvoyee, readonly CycleDemandeEnvoyee[]>;

/** What the officer may do to a request sent, and the state each action leads to. */
export const ACTIONS_DEMANDE_ENVOYEE = { modifier: 'brouillon', abandonner: 'abandonnee' } as const satisfies Record<
  string,
  CycleDemandeEnvoyee
>;
export type ActionDemandeEnvoyee = keyof typeof ACTIONS_DEMANDE_ENVOYEE;

/** What the office sees: the cycle, and "en retard" while a receipted request waits past its last day. */
export const EtatsSuiviDemandeEnvoyee = [...CyclesDemandeEnvoyee, 'en_retard'] as const;
export type EtatSuiviDemandeEnvoyee = (typeof EtatsSuiviDemandeEnvoyee)[number];

const LIBELLES: Record<EtatSuiviDemandeEnvoyee, string> = {
  brouillon: 'à signer',
  signee: 'signée, à envoyer',
  envoyee: 'en cours d’envoi',
  accusee: 'reçue par la commune',
  repondue: 'répondue',
  rejetee: 'rejetée par la plateforme',
  abandonnee: 'abandonnée',
  en_retard: 'en retard',
};

export function libelleSuiviDemandeEnvoyee(e: EtatSuiviDemandeEnvoyee): string {
  return LIBELLES[e];
}

export function transitionDemandeEnvoyeePermise(de: CycleDemandeEnvoyee, vers: CycleDemandeEnvoyee): boolean {
  return (TRANSITIONS_DEMANDE_ENVOYEE[de] as readonly CycleDemandeEnvoyee[]).includes(vers);
}

/** Throws a typed refusal when a request in state `de` cannot move to `vers`. */
export function exigerTransitionDemandeEnvoyee(de: CycleDemandeEnvoyee, vers: CycleDemandeEnvoyee): void {
  if (transitionDemandeEnvoyeePermise(de, vers)) return;
  throw erreurs.transitionRefusee(
    de,
    vers,
    `Cette demande est ${LIBELLES[de]} : elle ne peut pas devenir ${LIBELLES[vers]}.`,
  );
}

/** Throws a typed refusal when `action` is not allowed on a request in state `de` (never once signed). */
export function exigerActionDemandeEnvoyee(de: CycleDemandeEnvoyee, action: ActionDemandeEnvoyee): void {
  const vers = ACTIONS_DEMANDE_ENVOYEE[action];
  if (transitionDemandeEnvoyeePermise(de, vers)) return;
  const quoi = action === 'modifier' ? 'modifiée' : 'abandonnée';
  throw erreurs.transitionRefusee(de, vers, `Cette demande est ${LIBELLES[de]} : elle ne peut plus être ${quoi}.`);
}

/**
 * The cycle as the outbox and the answers received tell it (nothing stores it twice): the
 * outbox's visible state (shared/contract/sync.ts, EtatEnvoi), then an answer verified and kept.
 */
export function cycleDemandeEnvoyee(
  etatEnvoi: 'brouillon' | 'signe' | 'envoi' | 'accepte' | 'rejete' | null,
  repondue: boolean,
): CycleDemandeEnvoyee {
  if (etatEnvoi === null) return 'abandonnee';
  if (repondue) return 'repondue';
  const table = {
    brouillon: 'brouillon',
    signe: 'signee',
    envoi: 'envoyee',
    accepte: 'accusee',
    rejete: 'rejetee',
  } as const;
  return table[etatEnvoi];
}

export interface SuiviDemandeEnvoyee {
  etat: EtatSuiviDemandeEnvoyee;
  /** Last Paris day for the commune of destination to answer (aaaa-mm-jj), once receipted. */
  jourLimite: string | null;
  /** Paris calendar days left until that day (negative once late). */
  joursRestants: number | null;
}

/**
 * Lateness, our reading of domain.md for the request we send: the 20-day deadline is the
 * answering commune's, and it runs from the moment the platform made the request available to
 * it, i.e. the receipt (the sandbox and the platform deliver at once). The last day is the
 * earlier of that day + 20 Paris calendar days and the procedure's own date (the wedding or the
 * PACS cannot wait for a later answer), computed by the same rule as the requests received
 * (echeances.ts). From 00:00 Paris the day after, a receipted request with no answer is "en
 * retard". Nothing is late before it has been receipted, and an answered request never is.
 */
export function suiviDemandeEnvoyee(
  d: { cycle: CycleDemandeEnvoyee; accuseeLe: string | null; dateProcedure: string | null },
  maintenant: Date,
): SuiviDemandeEnvoyee {
  if (!d.accuseeLe) return { etat: d.cycle, jourLimite: null, joursRestants: null };
  const e = echeancesDe(d.accuseeLe, d.dateProcedure);
  const restants = joursRestants(e.jourLimite, maintenant);
  const enRetard = d.cycle === 'accusee' && maintenant.getTime() >= e.retardDes.getTime();
  return { etat: enRetard ? 'en_retard' : d.cycle, jourLimite: e.jourLimite, joursRestants: restants };
}

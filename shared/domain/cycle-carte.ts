import { erreurs } from '../errors';

/**
 * The life of an agent's card, written once (as cycle-demande.ts is for a request):
 * - commandee: ordered by the card manager on the State's card platform;
 * - remise: handed over to its holder, face to face, against an identity document;
 * - activee: its holder chose a PIN; changing or unblocking the PIN keeps it active (history only);
 * - revoquee: the agent left, or the card was lost, stolen, broken or faulty: at once and for good;
 * - expiree: its 6 years are over; renouvelee: replaced by the next card before that.
 * The directory's store (electron/annuaire/) applies it; anything else is a typed refusal.
 */
export const EtatsCarte = ['commandee', 'remise', 'activee', 'revoquee', 'expiree', 'renouvelee'] as const;
export type EtatCarte = (typeof EtatsCarte)[number];

export const MotifsRevocation = ['depart', 'perte', 'vol', 'casse', 'dysfonctionnement'] as const;
export type MotifRevocation = (typeof MotifsRevocation)[number];

export const ActionsCarte = [
  'remettre',
  'activer',
  'changer_pin',
  'debloquer_pin',
  'revoquer',
  'constater_expiration',
  'renouveler',
] as const;
export type ActionCarte = (typeof ActionsCarte)[number];

/** From each state, the actions allowed and where they lead. */
export const TRANSITIONS_CARTE = {
  // A card lost in the post or faulty on arrival is revoked before it is ever handed over.
  commandee: { remettre: 'remise', revoquer: 'revoquee' },
  remise: { activer: 'activee', revoquer: 'revoquee', constater_expiration: 'expiree', renouveler: 'renouvelee' },
  activee: {
    changer_pin: 'activee',
    debloquer_pin: 'activee',
    revoquer: 'revoquee',
    constater_expiration: 'expiree',
    renouveler: 'renouvelee',
  },
  revoquee: {},
  expiree: {},
  renouvelee: {},
} as const satisfies Record<EtatCarte, Partial<Record<ActionCarte, EtatCarte>>>;

/** States in which the card may open a session in Registre (a revoked card never does). */
export const EtatsCarteEnService = ['remise', 'activee'] as const satisfies readonly EtatCarte[];

export function carteEnService(etat: EtatCarte): boolean {
  return (EtatsCarteEnService as readonly EtatCarte[]).includes(etat);
}

const LIBELLES_ETAT: Record<EtatCarte, string> = {
  commandee: 'commandée',
  remise: 'remise à son titulaire',
  activee: 'activée',
  revoquee: 'révoquée',
  expiree: 'expirée',
  renouvelee: 'renouvelée',
};

const LIBELLES_ACTION: Record<ActionCarte, string> = {
  remettre: 'remise',
  activer: 'activée',
  changer_pin: 'changer de PIN',
  debloquer_pin: 'débloquer son PIN',
  revoquer: 'révoquée',
  constater_expiration: 'déclarée expirée',
  renouveler: 'renouvelée',
};

export const LIBELLES_MOTIF_REVOCATION: Record<MotifRevocation, string> = {
  depart: 'départ de l’agent',
  perte: 'perte',
  vol: 'vol',
  casse: 'casse',
  dysfonctionnement: 'dysfonctionnement',
};

export function libelleEtatCarte(e: EtatCarte): string {
  return LIBELLES_ETAT[e];
}

/** Where `action` leads a card in state `de`, or a typed refusal naming both. */
export function transitionCarte(de: EtatCarte, action: ActionCarte): EtatCarte {
  const vers = (TRANSITIONS_CARTE[de] as Partial<Record<ActionCarte, EtatCarte>>)[action];
  if (vers) return vers;
  const verbe =
    action === 'changer_pin' || action === 'debloquer_pin'
      ? LIBELLES_ACTION[action]
      : `être ${LIBELLES_ACTION[action]}`;
  throw erreurs.transitionRefusee(de, action, `Cette carte est ${LIBELLES_ETAT[de]} : elle ne peut pas ${verbe}.`);
}

// ---- validity and renewal ----

/** An ANTS card is valid 6 years; the manager is warned 60 days before it ends. */
export const ANNEES_VALIDITE_CARTE = 6;
export const JOURS_ALERTE_RENOUVELLEMENT = 60;

/** aaaa-mm-jj plus `annees` years (29 February becomes 28 February in a common year). */
export function ajouterAnnees(jour: string, annees: number): string {
  const a = Number(jour.slice(0, 4)) + annees;
  const m = jour.slice(5, 7);
  let j = jour.slice(8, 10);
  if (m === '02' && j === '29' && !(a % 4 === 0 && (a % 100 !== 0 || a % 400 === 0))) j = '28';
  return `${String(a).padStart(4, '0')}-${m}-${j}`;
}

/** Whole days from `de` to `a` (both aaaa-mm-jj, calendar days: no time zone moves them). */
export function joursEntre(de: string, a: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${de}T00:00:00Z`)) / 86_400_000);
}

/**
 * The day a card stops being valid: its certificates' end when they are known (the card says it),
 * else 6 years after its handover (or its order, before it is handed over).
 */
export function finValiditeCarte(c: {
  finCertificats: string | null;
  remiseLe: string | null;
  commandeeLe: string;
}): string {
  return c.finCertificats ?? ajouterAnnees(c.remiseLe ?? c.commandeeLe, ANNEES_VALIDITE_CARTE);
}

export type AlerteRenouvellement =
  { niveau: 'a_renouveler'; joursRestants: number } | { niveau: 'expiree'; joursDepuis: number } | null;

/** Renewal watch: nothing, "to renew" within 60 days of its end, or "expired". Only a card in service is watched. */
export function alerteRenouvellement(etat: EtatCarte, finValidite: string, aujourdhui: string): AlerteRenouvellement {
  if (!carteEnService(etat)) return null;
  const restants = joursEntre(aujourdhui, finValidite);
  if (restants < 0) return { niveau: 'expiree', joursDepuis: -restants };
  if (restants <= JOURS_ALERTE_RENOUVELLEMENT) return { niveau: 'a_renouveler', joursRestants: restants };
  return null;
}

import { ajouterAnnees, ANNEES_VALIDITE_CARTE } from './cycle-carte';

/**
 * What a card costs the commune (convention with ANTS): one card per agent per 6 years is free;
 * a replacement after a loss, a theft, a breakage or a forgotten PIN, or a card beyond that
 * quota, costs 30 EUR HT. Amounts are in euro cents, to add without rounding.
 *
 * Our reading, written down in docs/annuaire.md: a card replaced because it was faulty
 * (dysfonctionnement) is the maker's fault: free, and it does not use the agent's quota.
 */
export const MotifsCommande = [
  'premiere',
  'renouvellement',
  'perte',
  'vol',
  'casse',
  'pin_oublie',
  'dysfonctionnement',
] as const;
export type MotifCommande = (typeof MotifsCommande)[number];

export const PRIX_REMPLACEMENT_HT_CENTIMES = 3000;

export const LIBELLES_MOTIF_COMMANDE: Record<MotifCommande, string> = {
  premiere: 'première carte',
  renouvellement: 'renouvellement (6 ans)',
  perte: 'remplacement après perte',
  vol: 'remplacement après vol',
  casse: 'remplacement après casse',
  pin_oublie: 'remplacement, PIN oublié',
  dysfonctionnement: 'remplacement, carte défectueuse',
};

const REMPLACEMENTS_PAYANTS: ReadonlySet<MotifCommande> = new Set(['perte', 'vol', 'casse', 'pin_oublie']);
const DANS_LE_QUOTA: ReadonlySet<MotifCommande> = new Set(['premiere', 'renouvellement']);

/** One card already ordered for the agent: when, why, what it cost. */
export interface CommandePassee {
  commandeeLe: string;
  motif: MotifCommande;
  coutHtCentimes: number;
}

export type RaisonCout = 'quota' | 'remplacement' | 'hors_quota' | 'defaut';

export interface Cout {
  coutHtCentimes: number;
  raison: RaisonCout;
}

/**
 * The cost of a card ordered on `le` (aaaa-mm-jj) for `motif`, knowing the agent's earlier orders:
 * the quota is one free card (first or renewal) in the 6 years before the order.
 */
export function coutCommande(motif: MotifCommande, le: string, passees: readonly CommandePassee[]): Cout {
  if (REMPLACEMENTS_PAYANTS.has(motif))
    return { coutHtCentimes: PRIX_REMPLACEMENT_HT_CENTIMES, raison: 'remplacement' };
  if (motif === 'dysfonctionnement') return { coutHtCentimes: 0, raison: 'defaut' };
  const depuis = ajouterAnnees(le, -ANNEES_VALIDITE_CARTE);
  const quotaPris = passees.some(
    (p) => DANS_LE_QUOTA.has(p.motif) && p.coutHtCentimes === 0 && p.commandeeLe > depuis && p.commandeeLe <= le,
  );
  return quotaPris
    ? { coutHtCentimes: PRIX_REMPLACEMENT_HT_CENTIMES, raison: 'hors_quota' }
    : { coutHtCentimes: 0, raison: 'quota' };
}

export interface LigneCoutsAnnee {
  annee: number;
  commandees: number;
  gratuites: number;
  payantes: number;
  montantHtCentimes: number;
}

/** The yearly table: cards ordered, free or charged, and the amount; the latest year first. */
export function tableauCoutsAnnuels(
  commandes: readonly Pick<CommandePassee, 'commandeeLe' | 'coutHtCentimes'>[],
): LigneCoutsAnnee[] {
  const parAnnee = new Map<number, LigneCoutsAnnee>();
  for (const c of commandes) {
    const annee = Number(c.commandeeLe.slice(0, 4));
    const l = parAnnee.get(annee) ?? { annee, commandees: 0, gratuites: 0, payantes: 0, montantHtCentimes: 0 };
    l.commandees++;
    if (c.coutHtCentimes === 0) l.gratuites++;
    else l.payantes++;
    l.montantHtCentimes += c.coutHtCentimes;
    parAnnee.set(annee, l);
  }
  return [...parAnnee.values()].sort((a, b) => b.annee - a.annee);
}

/** 3000 -> "30,00 € HT". */
export function formaterMontantHt(centimes: number): string {
  return `${(centimes / 100).toFixed(2).replace('.', ',')} € HT`;
}

import type { TypeActe } from '../acte';
import { aucunPrenomCommun } from './prenoms';
import { NaturesAnodines, type ChampComparable, type ComparaisonChamp, type NatureVariante } from './types';

/**
 * How much each field weighs in the score. The person's identity (name, given names, the
 * date) weighs most; parents and spouse tell namesakes apart; places weigh little because a
 * request is routed to the commune of the act, so the place nearly always agrees.
 */
const POIDS: Record<ChampComparable, number> = {
  nom: 20,
  prenoms: 20,
  sexe: 6,
  dateNaissance: 20,
  lieuNaissance: 4,
  dateEvenement: 20,
  lieuEvenement: 4,
  'pere.nom': 6,
  'pere.prenoms': 5,
  'mere.nom': 6,
  'mere.prenoms': 5,
  'conjoint.nom': 8,
  'conjoint.prenoms': 6,
};

/** What a variant keeps of the field's weight. */
const FACTEUR: Record<NatureVariante, number> = {
  graphie: 0.97,
  prenom_manquant: 0.9,
  ordre_prenoms: 0.7,
  phonetique: 0.8,
  faute_de_frappe: 0.8,
  jour_mois_inverses: 0.8,
  date_voisine: 0.75,
  nom_usage: 0.85,
  nom_partiel: 0.75,
  // Two spellings of one place are the same place: they weigh like a spelling of a name.
  meme_lieu: 0.97,
  ancienne_commune: 0.97,
  lieu_moins_precis: 0.9,
};

/** Below this score an act is not put before the officer as a candidate. */
export const SCORE_MIN_CANDIDAT = 55;

/** The fields that say who the person is: a candidate may differ on one of them, not two. */
const CHAMPS_IDENTITE: ReadonlySet<ChampComparable> = new Set(['nom', 'prenoms', 'dateNaissance', 'dateEvenement']);

function facteur(c: ComparaisonChamp): number {
  if (c.verdict === 'identique') return 1;
  if (c.verdict === 'different') return 0;
  return c.natures.reduce((f, n) => f * FACTEUR[n], 1);
}

/** 0 to 100: the weighted share of the fields compared (given by both sides) that agree. */
export function score(comparaisons: readonly ComparaisonChamp[]): number {
  let total = 0;
  let acquis = 0;
  for (const c of comparaisons) {
    if (c.verdict === 'absent') continue;
    total += POIDS[c.champ];
    acquis += POIDS[c.champ] * facteur(c);
  }
  return total === 0 ? 0 : Math.round((100 * acquis) / total);
}

/** Identical, or a variant that cannot change who the act is about (or nothing to compare). */
export function estAnodin(c: ComparaisonChamp): boolean {
  if (c.verdict === 'identique' || c.verdict === 'absent') return true;
  return c.verdict === 'variante' && c.natures.every((n) => NaturesAnodines.has(n));
}

/** The other fields that tell two people of the same name apart: parents, spouse. */
const CHAMPS_FILIATION: ReadonlySet<ChampComparable> = new Set([
  'pere.nom',
  'pere.prenoms',
  'mere.nom',
  'mere.prenoms',
  'conjoint.nom',
  'conjoint.prenoms',
]);

/**
 * Next to an act that agrees with the request, could this other act still be the one asked
 * for? Yes when a single slip in the request would explain it: the identifying date agrees,
 * at most one of name, given names and date is not a harmless variant, and no parent or
 * spouse is different. A twin (same parents and day, other given names), a duplicate act, a
 * namesake born the same day whose parents the request does not give: yes. A sibling born
 * another day, a namesake with other parents: no.
 */
export function estRival(type: TypeActe, comparaisons: readonly ComparaisonChamp[]): boolean {
  const date = dateQuiIdentifie(type, comparaisons);
  if (date && date.verdict === 'different') return false;
  if (comparaisons.some((c) => CHAMPS_FILIATION.has(c.champ) && c.verdict === 'different')) return false;
  const identite: ComparaisonChamp[] = comparaisons.filter(
    (c) => (c.champ === 'nom' || c.champ === 'prenoms') && c.verdict !== 'absent',
  );
  if (date) identite.push(date);
  return identite.filter((c) => !estAnodin(c)).length <= 1;
}

/**
 * The date that identifies the act: the birth for a birth act, the event for a marriage or a
 * death (the person's birth date when the request does not give the event's).
 */
function dateQuiIdentifie(type: TypeActe, comparaisons: readonly ComparaisonChamp[]): ComparaisonChamp | undefined {
  const compare = (champ: ChampComparable) => comparaisons.find((c) => c.champ === champ && c.verdict !== 'absent');
  return type === 'naissance' ? compare('dateNaissance') : (compare('dateEvenement') ?? compare('dateNaissance'));
}

/**
 * Every field agrees (identical or harmless variant) AND the request gave enough to be sure:
 * the name, the given names and the identifying date were all compared.
 */
export function estConcordant(type: TypeActe, comparaisons: readonly ComparaisonChamp[]): boolean {
  const compare = (champ: ChampComparable) => comparaisons.some((c) => c.champ === champ && c.verdict !== 'absent');
  if (!compare('nom') || !compare('prenoms') || !dateQuiIdentifie(type, comparaisons)) return false;
  return comparaisons.every(estAnodin);
}

/**
 * Worth showing the officer: a good enough score, at most one identity field different,
 * and at least two identity fields that agree (a shared surname alone is not a lead).
 */
export function estPlausible(comparaisons: readonly ComparaisonChamp[], valeur: number): boolean {
  if (valeur < SCORE_MIN_CANDIDAT) return false;
  const identite = comparaisons.filter((c) => CHAMPS_IDENTITE.has(c.champ) && c.verdict !== 'absent');
  const differents = identite.filter((c) => c.verdict === 'different').length;
  return differents <= 1 && identite.length - differents >= 2;
}

/**
 * Every field the request gives is the register's to the letter (accents, case and spacing
 * aside): no given name missing, no variant of any kind.
 */
export function estIdentique(comparaisons: readonly ComparaisonChamp[]): boolean {
  return comparaisons.every(
    (c) =>
      c.verdict === 'identique' ||
      c.verdict === 'absent' ||
      (c.verdict === 'variante' && c.natures.every((n) => n === 'graphie')),
  );
}

/** This act's given names share none with the request's (a twin of the act asked for, not it). */
export function jumeauAutresPrenoms(comparaisons: readonly ComparaisonChamp[]): boolean {
  const prenoms = comparaisons.find((c) => c.champ === 'prenoms');
  if (!prenoms?.demande || !prenoms.registre || prenoms.verdict !== 'different') return false;
  return aucunPrenomCommun([prenoms.demande], [prenoms.registre]);
}

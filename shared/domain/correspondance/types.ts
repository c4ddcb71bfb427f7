import { z } from 'zod';
import { TypeActeSchema } from '../acte';

/**
 * What matching a request with the register produces, as zod schemas so that the contract
 * (shared/contract/rapprochement.ts), the stored results and the CLI share one definition.
 */

/**
 * Verdict on one field: the request's value against the register's.
 * - `identique`: the same text;
 * - `variante`: not the same text but plausibly the same value (see `natures`);
 * - `different`: another value;
 * - `absent`: the request or the register does not give it (nothing to compare).
 */
export const Verdicts = ['identique', 'variante', 'different', 'absent'] as const;
export const VerdictSchema = z.enum(Verdicts);
export type Verdict = z.infer<typeof VerdictSchema>;

/** Why a field is a variant rather than identical. */
export const NaturesVariante = [
  /** Accents, case, hyphens, spaces, apostrophes: the same letters. */
  'graphie',
  /** One list of given names lacks a given name the other has (same first given name). */
  'prenom_manquant',
  /** The same given names in another order, or the first one missing. */
  'ordre_prenoms',
  /** Spelled differently, pronounced the same (French phonetic key). */
  'phonetique',
  /** One letter or digit added, missing, changed, or two neighbours swapped (Damerau). */
  'faute_de_frappe',
  /** Day and month swapped (03/05 for 05/03). */
  'jour_mois_inverses',
  /** The day before or after, or the same day a year before or after. */
  'date_voisine',
  /** A usage name (a spouse's name) given instead of the birth name. */
  'nom_usage',
  /** Part of a compound surname ("MARTIN" for "MARTIN DUPONT"). */
  'nom_partiel',
  /** The same place written another way: "Paris 20e" / "75120", "Puy-en-Velay (Le)", "St-Étienne". */
  'meme_lieu',
  /** A former commune (déléguée, associée) and the commune nouvelle it is now part of. */
  'ancienne_commune',
  /** The city without its arrondissement ("Paris" for "Paris 20e"): compatible, less precise. */
  'lieu_moins_precis',
] as const;
export const NatureVarianteSchema = z.enum(NaturesVariante);
export type NatureVariante = z.infer<typeof NatureVarianteSchema>;

/**
 * Variants that cannot change who the act is about: a match made only of identical fields
 * and these may be called "sûr". Every other variant asks a human to look.
 */
export const NaturesAnodines: ReadonlySet<NatureVariante> = new Set([
  'graphie',
  'prenom_manquant',
  'meme_lieu',
  'ancienne_commune',
  'lieu_moins_precis',
]);

export const ChampsComparables = [
  'nom',
  'prenoms',
  'sexe',
  'dateNaissance',
  'lieuNaissance',
  'dateEvenement',
  'lieuEvenement',
  'pere.nom',
  'pere.prenoms',
  'mere.nom',
  'mere.prenoms',
  'conjoint.nom',
  'conjoint.prenoms',
] as const;
export const ChampComparableSchema = z.enum(ChampsComparables);
export type ChampComparable = z.infer<typeof ChampComparableSchema>;

export const ComparaisonChampSchema = z.object({
  champ: ChampComparableSchema,
  /** French label ("Date de naissance", "Prénoms de la mère"). */
  libelle: z.string(),
  /** The value as the request gives it, for display (null: not given). */
  demande: z.string().nullable(),
  /** The value as the register holds it (null: not recorded). */
  registre: z.string().nullable(),
  verdict: VerdictSchema,
  /** Empty unless `verdict` is `variante`. */
  natures: z.array(NatureVarianteSchema),
});
export type ComparaisonChamp = z.infer<typeof ComparaisonChampSchema>;

export const Issues = ['sur', 'a_verifier', 'aucun'] as const;
export const IssueSchema = z.enum(Issues);
export type Issue = z.infer<typeof IssueSchema>;

export const CandidatSchema = z.object({
  acteId: z.number().int(),
  type: TypeActeSchema,
  annee: z.number().int(),
  numero: z.number().int(),
  /** 0 to 100: the weighted share of the compared fields that agree. */
  score: z.number().int().min(0).max(100),
  /** Every key field identical or a harmless variant (graphie, prénom manquant). */
  concordant: z.boolean(),
  comparaisons: z.array(ComparaisonChampSchema),
});
export type Candidat = z.infer<typeof CandidatSchema>;

export const ResultatRapprochementSchema = z.object({
  issue: IssueSchema,
  /** In French, for the officer: why this outcome, which fields differ. */
  explication: z.string(),
  /** Plausible acts, best first. Empty when the outcome is `aucun`. */
  candidats: z.array(CandidatSchema),
});
export type ResultatRapprochement = z.infer<typeof ResultatRapprochementSchema>;

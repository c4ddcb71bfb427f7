import { z } from 'zod';

/**
 * The civil-status act as both processes see it. The shape is deliberately uniform across
 * act types (persons carry a role) so that search, matching and extracts walk one structure;
 * what each type requires is checked by `validerActe` (validation.ts), not by the shape.
 */

export const TypesActe = ['naissance', 'mariage', 'deces'] as const;
export const TypeActeSchema = z.enum(TypesActe);
export type TypeActe = z.infer<typeof TypeActeSchema>;

export const Origines = ['saisie', 'import', 'demande'] as const;
export const OrigineSchema = z.enum(Origines);
export type Origine = z.infer<typeof OrigineSchema>;

/**
 * Roles of persons in an act. Marriage spouses are `epoux1`/`epoux2` (marriage is open to
 * couples of the same sex since 2013: no husband/wife roles). Parents keep the register's
 * words `pere`/`mere` because that is how acts and the other software's exports name them.
 */
export const Roles = [
  'titulaire', // naissance: l'enfant ; décès: le défunt
  'pere',
  'mere',
  'epoux1',
  'epoux2',
  'pere_epoux1',
  'mere_epoux1',
  'pere_epoux2',
  'mere_epoux2',
  'conjoint', // décès: conjoint du défunt
] as const;
export const RoleSchema = z.enum(Roles);
export type Role = z.infer<typeof RoleSchema>;

export const SexeSchema = z.enum(['M', 'F']);
export type Sexe = z.infer<typeof SexeSchema>;

/** ISO calendar date (aaaa-mm-jj). Whether it exists is checked by validation.ts. */
export const DateIsoSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format aaaa-mm-jj');

/** A place: French commune (with INSEE code when known) or a foreign place (pays set). */
export const LieuSchema = z.object({
  commune: z.string().max(200),
  codeInsee: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/)
    .nullable()
    .default(null),
  departement: z.string().max(3).nullable().default(null),
  /** null: France. Otherwise the country's name, in French. */
  pays: z.string().max(100).nullable().default(null),
});
export type Lieu = z.infer<typeof LieuSchema>;

export const PersonneSchema = z.object({
  role: RoleSchema,
  nom: z.string().max(200),
  prenoms: z.array(z.string().max(100)).max(20),
  sexe: SexeSchema.nullable().default(null),
  dateNaissance: DateIsoSchema.nullable().default(null),
  lieuNaissance: LieuSchema.nullable().default(null),
  profession: z.string().max(200).nullable().default(null),
});
export type Personne = z.infer<typeof PersonneSchema>;
export type PersonneSaisie = z.input<typeof PersonneSchema>;

export const TypesMention = [
  'mariage',
  'divorce',
  'separation_corps',
  'deces',
  'pacs',
  'dissolution_pacs',
  'changement_nom',
  'changement_prenom',
  'changement_sexe',
  'rectification',
  'reconnaissance',
  'adoption',
  'nationalite',
  'autre',
] as const;
export const TypeMentionSchema = z.enum(TypesMention);
export type TypeMention = z.infer<typeof TypeMentionSchema>;

export const MentionSchema = z.object({
  type: TypeMentionSchema,
  date: DateIsoSchema.nullable().default(null),
  texte: z.string().max(4000),
});
export type Mention = z.infer<typeof MentionSchema>;

export const ActeSchema = z.object({
  id: z.number().int().positive().optional(),
  type: TypeActeSchema,
  annee: z.number().int(),
  numero: z.number().int(),
  dateActe: DateIsoSchema.nullable().default(null),
  /** Date of the event: birth, marriage or death. */
  dateEvenement: DateIsoSchema.nullable().default(null),
  /** Place of the event: place of birth, of the marriage, of death. */
  lieuEvenement: LieuSchema.nullable().default(null),
  personnes: z.array(PersonneSchema).max(20),
  mentions: z.array(MentionSchema).max(200).default([]),
  origine: OrigineSchema.default('saisie'),
  /**
   * The platform identifier of the request the act was keyed in from ("indexé depuis la demande
   * …"). Only the indexing from a request sets it (electron/registre/service.ts), never the editor.
   */
  demandeOrigine: z.string().min(1).max(128).optional(),
  /** false: the act is only known by its type, year and number (not keyed in yet). */
  indexe: z.boolean().default(true),
  creeLe: z.string().optional(),
  modifieLe: z.string().optional(),
});
export type Acte = z.infer<typeof ActeSchema>;
export type ActeSaisi = z.input<typeof ActeSchema>;

/** Who is the main person of an act (for lists and extracts). */
export function personnesPrincipales(acte: Pick<Acte, 'type' | 'personnes'>): Personne[] {
  const roles: Role[] = acte.type === 'mariage' ? ['epoux1', 'epoux2'] : ['titulaire'];
  return acte.personnes.filter((p) => roles.includes(p.role));
}

export function personne(acte: Pick<Acte, 'personnes'>, role: Role): Personne | undefined {
  return acte.personnes.find((p) => p.role === role);
}

/** Identity of an act in the commune's register. */
export function cleActe(a: Pick<Acte, 'type' | 'annee' | 'numero'>): string {
  return `${a.type}/${a.annee}/${a.numero}`;
}

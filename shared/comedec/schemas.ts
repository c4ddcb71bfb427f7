import { z } from 'zod';
import '../zod-fr';
import { ActeSchema, LieuSchema, MentionSchema, PersonneSchema, SexeSchema, TypeActeSchema } from '../domain/acte';
import { raisonDateIso } from '../domain/dates';
import { PREMIERE_ANNEE_REGISTRE } from '../domain/validation';
import { VERSIONS_FORMAT } from './versions';

/**
 * The COMEDEC data model, written once: the app's reader and writer (electron/comedec/format),
 * the sandbox platform and the contract (shared/contract/demandes.ts) all derive from it.
 *
 * The documents of the exchange format as typed objects. Builders take these, parsers return
 * them; both check them against these schemas, so a document that leaves or enters the
 * application has the same guarantees whichever side made it.
 */

export const VersionSchema = z.literal(VERSIONS_FORMAT);

/** XML `Id` values and platform identifiers: an NCName, so it can be referenced by a signature. */
export const IdentifiantSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9._-]{0,127}$/,
    'identifiant attendu : une lettre puis lettres, chiffres, « . », « _ » ou « - » (128 au plus)',
  );

/**
 * A calendar day that exists, aaaa-mm-jj: 2023-02-30, 1900-02-29, 2023-13-01 or 0000-00-00 are
 * refused here, with the one calendar check of shared/domain/dates.ts, so that nothing after the
 * reader (matching, the candidate queries, extracts) ever meets a day that does not exist.
 */
export const DateCalendrierSchema = z.string().superRefine((valeur, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(valeur)) {
    ctx.addIssue({ code: 'custom', message: 'date attendue au format aaaa-mm-jj' });
    return;
  }
  const raison = raisonDateIso(valeur);
  if (raison) ctx.addIssue({ code: 'custom', message: `date impossible : ${raison}` });
});

/** An instant, ISO 8601 in UTC (`2024-03-01T08:00:00.000Z`): deadlines are instants, not days. */
export const InstantSchema = z.iso.datetime({
  message: 'instant attendu au format ISO 8601 UTC (aaaa-mm-jjThh:mm:ssZ)',
});

export const CodeInseeSchema = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE attendu (5 caractères, ex. 81021 ou 2A004)');

/** A commune's identity on the platform: INSEE code and label `MAIRIE-<département>-<COMMUNE>`. */
export const CommunePlateformeSchema = z.object({
  codeInsee: CodeInseeSchema,
  libelle: z
    .string()
    .regex(
      /^MAIRIE-(\d{2,3}|2[AB])-[A-Z0-9][A-Z0-9-]*$/,
      'libellé attendu : MAIRIE-<département>-<COMMUNE> en majuscules sans accents',
    )
    .max(100),
});
export type CommunePlateforme = z.infer<typeof CommunePlateformeSchema>;

export const TypesDemandeur = ['interieur', 'notaire', 'commune', 'autre'] as const;
export const TypeDemandeurSchema = z.enum(TypesDemandeur);
export type TypeDemandeur = z.infer<typeof TypeDemandeurSchema>;

/** Kind of the requester's reference (version 2 only). */
export const TypesReference = ['dossier_titre', 'reference_etude', 'dossier_mariage', 'dossier_pacs', 'autre'] as const;
export const TypeReferenceSchema = z.enum(TypesReference);
export type TypeReference = z.infer<typeof TypeReferenceSchema>;

const Texte = (max: number) => z.string().trim().min(1, 'valeur vide').max(max);

export const DemandeurSchema = z.object({
  type: TypeDemandeurSchema,
  /** Who asks, as the platform names it ("Ministère de l'Intérieur — TES", "Étude de Maître X"). */
  libelle: Texte(200),
  reference: Texte(100),
  /** Version 2 only; null in version 1 documents. */
  typeReference: TypeReferenceSchema.nullable().default(null),
});
export type Demandeur = z.infer<typeof DemandeurSchema>;

/** What the citizen declared about a person: may be noisy, never corrected by the platform. */
export const PersonneDeclareeSchema = z.object({
  nom: Texte(200),
  /** Married or usage name, when declared. */
  nomUsage: Texte(200).nullable().default(null),
  prenoms: z.array(Texte(100)).max(20).default([]),
  sexe: SexeSchema.nullable().default(null),
  dateNaissance: DateCalendrierSchema.nullable().default(null),
  lieuNaissance: LieuSchema.nullable().default(null),
});
export type PersonneDeclaree = z.infer<typeof PersonneDeclareeSchema>;

export const ParentDeclareSchema = z.object({
  nom: Texte(200),
  prenoms: z.array(Texte(100)).max(20).default([]),
});
export type ParentDeclare = z.infer<typeof ParentDeclareSchema>;

/** Marriage or death: the event's date and place as declared. */
export const EvenementDeclareSchema = z.object({
  date: DateCalendrierSchema.nullable().default(null),
  lieu: LieuSchema.nullable().default(null),
});
export type EvenementDeclare = z.infer<typeof EvenementDeclareSchema>;

/** The declared data common to a request received and a request sent to another commune. */
const DonneesDeclarees = {
  typeActe: TypeActeSchema,
  personne: PersonneDeclareeSchema,
  pere: ParentDeclareSchema.nullable().default(null),
  mere: ParentDeclareSchema.nullable().default(null),
  /** Marriage: the other spouse as declared. */
  conjoint: ParentDeclareSchema.nullable().default(null),
  evenement: EvenementDeclareSchema.nullable().default(null),
};

export const DatesDemandeSchema = z.object({
  /** When the request was made available in the mailbox: the deadlines count from here. */
  miseADisposition: InstantSchema,
  /** Answer due (20 days after availability at most). */
  echeance: InstantSchema,
  /** Purge: the request disappears and an answer no longer counts (23 days). */
  purge: InstantSchema,
  /** Version 2 only: the requester's own procedure deadline (a calendar day), when shorter. */
  echeanceProcedure: DateCalendrierSchema.nullable().default(null),
});

export const DemandeSchema = z.object({
  version: VersionSchema,
  id: IdentifiantSchema,
  /** Specimen request (connection test): answered like a real one, never counted. */
  specimen: z.boolean().default(false),
  destinataire: CommunePlateformeSchema,
  demandeur: DemandeurSchema,
  ...DonneesDeclarees,
  dates: DatesDemandeSchema,
});
export type Demande = z.infer<typeof DemandeSchema>;
export type DemandeSaisie = z.input<typeof DemandeSchema>;

// --- Answers -------------------------------------------------------------------------------

/** Identity titles get an extract with filiation; notaries and communes a full copy. */
export const FormesReponse = ['extrait_avec_filiation', 'copie_integrale'] as const;
export const FormeReponseSchema = z.enum(FormesReponse);
export type FormeReponse = z.infer<typeof FormeReponseSchema>;

export const MotifsNegatifs = ['acte_non_detenu', 'donnees_insuffisantes'] as const;
export const MotifNegatifSchema = z.enum(MotifsNegatifs);
export type MotifNegatif = z.infer<typeof MotifNegatifSchema>;

/** The act as sent: the register's model without its local bookkeeping (id, origin, dates). */
export const ActeReponseSchema = ActeSchema.pick({
  type: true,
  annee: true,
  numero: true,
  dateActe: true,
  dateEvenement: true,
  lieuEvenement: true,
  personnes: true,
  mentions: true,
}).extend({
  annee: z
    .number()
    .int()
    .min(PREMIERE_ANNEE_REGISTRE, `année antérieure aux registres d’état civil (${PREMIERE_ANNEE_REGISTRE})`)
    .max(9999),
  numero: z.number().int().positive('numéro d’acte attendu (entier positif)'),
  dateActe: DateCalendrierSchema.nullable().default(null),
  dateEvenement: DateCalendrierSchema.nullable().default(null),
  personnes: z.array(PersonneSchema.extend({ dateNaissance: DateCalendrierSchema.nullable().default(null) })).max(20),
  mentions: z
    .array(MentionSchema.extend({ date: DateCalendrierSchema.nullable().default(null) }))
    .max(200)
    .default([]),
});
export type ActeReponse = z.infer<typeof ActeReponseSchema>;
export type ActeReponseSaisi = z.input<typeof ActeReponseSchema>;

export const ResultatPositifSchema = z.object({
  nature: z.literal('positive'),
  forme: FormeReponseSchema,
  acte: ActeReponseSchema,
});
export const ResultatNegatifSchema = z.object({
  nature: z.literal('negative'),
  motif: MotifNegatifSchema,
  commentaire: Texte(1000).nullable().default(null),
});
export const ResultatSchema = z.discriminatedUnion('nature', [ResultatPositifSchema, ResultatNegatifSchema]);
export type Resultat = z.infer<typeof ResultatSchema>;

export const ReponseSchema = z.object({
  version: VersionSchema,
  /** The `Id` attribute of the signed element (what the XAdES reference points at). */
  id: IdentifiantSchema,
  /** The request answered. */
  demandeId: IdentifiantSchema,
  /** The answering commune. */
  commune: CommunePlateformeSchema,
  emiseLe: InstantSchema,
  resultat: ResultatSchema,
});
export type Reponse = z.infer<typeof ReponseSchema>;
export type ReponseSaisie = z.input<typeof ReponseSchema>;

// --- Receipt and rejection ------------------------------------------------------------------

export const ObjetsAccuse = ['reponse', 'demande_emise'] as const;

export const AccuseSchema = z.object({
  version: VersionSchema,
  /** The platform's receipt number. */
  numero: IdentifiantSchema,
  objet: z.enum(ObjetsAccuse),
  /** The request answered, or the id the platform gave the request sent. */
  demandeId: IdentifiantSchema,
  /** `Id` of the document received. */
  documentId: IdentifiantSchema,
  cleIdempotence: Texte(200),
  recuLe: InstantSchema,
  /** SHA-256 (hex) of the bytes received: the client can check the platform stored its document. */
  empreinte: z.string().regex(/^[0-9a-f]{64}$/, 'empreinte SHA-256 attendue (64 caractères hexadécimaux)'),
});
export type Accuse = z.infer<typeof AccuseSchema>;

/**
 * Why the platform refused something. The first group is about documents and answers
 * (the issue's list); the second about the session; the last about the request itself.
 */
export const MotifsRejet = [
  'signature_invalide',
  'certificat_non_habilite',
  'officier_non_delegue',
  'demande_inconnue',
  'demande_purgee',
  'version_inconnue',
  'document_invalide',
  'mauvaise_demande',
  'mauvaise_commune',
  'deja_repondu',
  'cle_idempotence_reutilisee',
  'document_trop_volumineux',
  'forme_incorrecte',
  'destinataire_inconnu',
  'authentification_requise',
  'session_expiree',
  'defi_invalide',
  'certificat_invalide',
  'carte_de_formation',
  'carte_reelle_en_formation',
  'commune_inconnue',
  'requete_invalide',
  'introuvable',
] as const;
export const MotifRejetSchema = z.enum(MotifsRejet);
export type MotifRejet = z.infer<typeof MotifRejetSchema>;

export const RejetSchema = z.object({
  version: VersionSchema,
  motif: MotifRejetSchema,
  /** In French, for the officer. */
  message: Texte(2000),
  horodatage: InstantSchema,
  demandeId: IdentifiantSchema.nullable().default(null),
  cleIdempotence: Texte(200).nullable().default(null),
  /** The field at fault, for `document_invalide`. */
  champ: Texte(200).nullable().default(null),
});
export type Rejet = z.infer<typeof RejetSchema>;
export type RejetSaisi = z.input<typeof RejetSchema>;

// --- Request sent to another commune ---------------------------------------------------------

export const MotifsDemandeEmise = ['dossier_mariage', 'dossier_pacs'] as const;

export const DemandeEmiseSchema = z.object({
  version: VersionSchema,
  /** `Id` of the signed element. */
  id: IdentifiantSchema,
  emettrice: CommunePlateformeSchema,
  /** The commune holding the act: its INSEE code is what routes the request. */
  destinataire: z.object({ codeInsee: CodeInseeSchema }),
  motif: z.enum(MotifsDemandeEmise),
  reference: Texte(100),
  /** Version 2 only. */
  typeReference: TypeReferenceSchema.nullable().default(null),
  /** Version 2 only: e.g. the date set for the wedding. */
  echeanceProcedure: DateCalendrierSchema.nullable().default(null),
  emiseLe: InstantSchema,
  ...DonneesDeclarees,
});
export type DemandeEmise = z.infer<typeof DemandeEmiseSchema>;
export type DemandeEmiseSaisie = z.input<typeof DemandeEmiseSchema>;

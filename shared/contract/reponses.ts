import { z } from 'zod';
import { ActeSchema, TypeActeSchema } from '../domain/acte';
import { CandidatSchema, ComparaisonChampSchema, IssueSchema } from '../domain/correspondance/types';
import { CyclesDemande } from '../domain/cycle-demande';
import { EtatsReponse } from '../domain/cycle-reponse';
import { appel, evenement, Ok } from './define';
import { TypeDemandeurSchema } from './demandes';

/**
 * Answering a request (issue 13): drafting a positive answer from the register's act or a
 * negative one (with its guard), changing or discarding the draft until it is signed, the
 * drafts waiting for the signing batch, and setting a request aside. Signing is
 * `signature.signerLot` (the drafts' `documentSignatureId`), sending is `sync.maintenant`.
 */

const DemandeId = z.number().int().positive();
const ActeId = z.number().int().positive();

export const MotifsNegatifs = ['acte_non_detenu', 'donnees_insuffisantes'] as const;
export const MotifNegatifReponseSchema = z.enum(MotifsNegatifs);
export const FormeReponseVueSchema = z.enum(['extrait_avec_filiation', 'copie_integrale']);
export const EtatReponseSchema = z.enum(EtatsReponse);

const Commentaire = z.string().max(1000, 'commentaire trop long (1 000 caractères au plus)').nullable().default(null);

/** Naming the candidates a negative answer rules out: every one the guard listed. */
export const ConfirmationNegativeSchema = z.object({ acteIds: z.array(ActeId).min(1).max(20) });

export const ReferenceActeSchema = z.object({
  acteId: z.number().int(),
  type: TypeActeSchema,
  annee: z.number().int(),
  numero: z.number().int(),
});

export const ConfirmationEnregistreeSchema = z.object({
  acteId: z.number().int(),
  designation: z.string(),
  /** Who confirmed: the holder of the card session open then. */
  confirmeePar: z.string(),
  confirmeeLe: z.string(),
});

export const RejetReponseSchema = z.object({
  motif: z.string(),
  /** In French: why ("demande purgée : la réponse ne compte plus"). */
  raison: z.string(),
  /** In French: what the officer does next. */
  quoiFaire: z.string(),
  /** The platform's own message. */
  message: z.string().nullable(),
});

/** One prepared answer, as lists show it. */
export const ReponsePrepareeSchema = z.object({
  reponseId: z.number().int(),
  demandeId: z.number().int(),
  idPlateforme: z.string(),
  specimen: z.boolean(),
  jourLimite: z.string(),
  etat: EtatReponseSchema,
  /** The outbox row (null once discarded). */
  envoiId: z.number().int().nullable(),
  /** What `signature.signerLot` takes (null once discarded). */
  documentSignatureId: z.number().int().nullable(),
  sens: z.enum(['positive', 'negative']),
  forme: FormeReponseVueSchema.nullable(),
  acte: ReferenceActeSchema.nullable(),
  motif: MotifNegatifReponseSchema.nullable(),
  commentaire: z.string().nullable(),
  /** Who prepared it: the card session's holder then; null when no session was open. */
  prepareePar: z.string().nullable(),
  prepareeLe: z.string(),
  modifieeLe: z.string(),
  confirmations: z.array(ConfirmationEnregistreeSchema),
  recepisse: z.string().nullable(),
  rejet: RejetReponseSchema.nullable(),
});
export type ReponsePreparee = z.infer<typeof ReponsePrepareeSchema>;

/** A prepared answer with exactly what will be sent. */
export const DetailReponseSchema = ReponsePrepareeSchema.extend({
  /** The answer as the officer reads it, composed from the XML below. */
  texte: z.string(),
  /** The XML signed (or to sign). */
  xml: z.string(),
  /** Field by field, the declaration against the act (positive answers). */
  differences: z.array(ComparaisonChampSchema),
  /** The act was chosen by hand, outside matching's candidates. */
  horsCandidats: z.boolean(),
  /** The act was changed in the register after this answer was drafted: draft it again (a draft) or check it. */
  acteModifieDepuis: z.boolean(),
});
export type DetailReponse = z.infer<typeof DetailReponseSchema>;

export const CandidatAConfirmerSchema = ReferenceActeSchema.extend({
  score: z.number().int(),
  designation: z.string(),
});

export const DeCoteSchema = z.object({ commentaire: z.string(), par: z.string().nullable(), le: z.string() });

export const ApercuReponseSchema = z.object({
  demandeId: z.number().int(),
  idPlateforme: z.string(),
  specimen: z.boolean(),
  typeActe: TypeActeSchema,
  demandeur: z.object({ type: TypeDemandeurSchema, libelle: z.string() }),
  /** The form a positive answer takes for this requester. */
  formeAttendue: FormeReponseVueSchema,
  cycle: z.enum(CyclesDemande),
  purgee: z.boolean(),
  deCote: DeCoteSchema.nullable(),
  rapprochement: z.object({
    issue: IssueSchema,
    explication: z.string(),
    candidats: z.array(CandidatSchema.extend({ designation: z.string() })),
  }),
  /** What a negative answer would meet: acts to index first, candidates to name. */
  garde: z.object({ aIndexer: z.array(ReferenceActeSchema), aConfirmer: z.array(CandidatAConfirmerSchema) }),
  /** The live answer (draft, signed, sent or accepted), if any. */
  reponse: DetailReponseSchema.nullable(),
  /** Earlier answers the platform refused, newest first. */
  rejetees: z.array(ReponsePrepareeSchema),
});
export type ApercuReponse = z.infer<typeof ApercuReponseSchema>;

/** An act keyed in from a request, and what followed: matching redone, the positive answer drafted. */
export const IndexationSchema = z.object({
  acte: ActeSchema,
  /** Matching's outcome for the request, redone with the act saved. */
  issue: IssueSchema,
  /** The positive answer drafted from the act (null: see `sansReponse`). */
  reponse: DetailReponseSchema.nullable(),
  /** In French: why no answer was drafted (null when one was). */
  sansReponse: z.string().nullable(),
});
export type Indexation = z.infer<typeof IndexationSchema>;

const ReponseNegativeEntree = z.object({
  sens: z.literal('negative'),
  motif: MotifNegatifReponseSchema,
  commentaire: Commentaire,
  confirmation: ConfirmationNegativeSchema.nullable().default(null),
});
const ReponsePositiveEntree = z.object({ sens: z.literal('positive'), acteId: ActeId });

export const appelsReponses = {
  'reponses.apercu': appel(
    z.object({ demandeId: DemandeId }),
    ApercuReponseSchema,
    'Une demande à répondre : candidats et différences, garde d’une réponse négative, réponse préparée (texte lu par l’officier et XML).',
  ),
  'reponses.preparerPositive': appel(
    z.object({ demandeId: DemandeId, acteId: ActeId }),
    DetailReponseSchema,
    'Prépare une réponse positive depuis l’acte du registre (forme selon le demandeur, mentions à jour) et l’ajoute aux réponses à signer.',
  ),
  'reponses.indexerActe': appel(
    z.object({ demandeId: DemandeId, acte: ActeSchema }),
    IndexationSchema,
    'Saisit l’acte depuis la demande (« indexé depuis la demande … ») ; un acte connu par son seul numéro est complété. Puis refait le rapprochement et prépare la réponse positive depuis l’acte, à relire.',
  ),
  'reponses.preparerNegative': appel(
    z.object({
      demandeId: DemandeId,
      motif: MotifNegatifReponseSchema,
      commentaire: Commentaire,
      confirmation: ConfirmationNegativeSchema.nullable().default(null),
    }),
    DetailReponseSchema,
    'Prépare une réponse négative ; refusée tant qu’un acte candidat n’est pas nommé (confirmation) ou qu’un acte de l’année reste à indexer.',
  ),
  'reponses.modifier': appel(
    z.object({
      demandeId: DemandeId,
      reponse: z.discriminatedUnion('sens', [ReponsePositiveEntree, ReponseNegativeEntree]),
    }),
    DetailReponseSchema,
    'Modifie la réponse préparée (autre acte, autre motif, commentaire) tant qu’elle n’est pas signée.',
  ),
  'reponses.abandonner': appel(
    z.object({ demandeId: DemandeId }),
    Ok,
    'Abandonne la réponse préparée, tant qu’elle n’est pas signée.',
  ),
  'reponses.lister': appel(
    z.object({
      etats: z.array(EtatReponseSchema).max(6).optional(),
      limite: z.number().int().min(1).max(500).default(100),
    }),
    z.array(ReponsePrepareeSchema),
    'Réponses préparées (à signer avec qui les a préparées, signées, envoyées, accusées, rejetées avec leur raison), les plus récentes d’abord.',
  ),
  'demandes.mettreDeCote': appel(
    z.object({
      id: DemandeId,
      commentaire: z.string().trim().min(1, 'commentaire requis').max(2000, 'commentaire trop long'),
    }),
    DeCoteSchema,
    'Met une demande de côté, avec un commentaire (elle ne peut pas recevoir de réponse tant qu’elle y est).',
  ),
  'demandes.reprendre': appel(z.object({ id: DemandeId }), Ok, 'Reprend une demande mise de côté.'),
} as const;

export const evenementsReponses = {
  'reponses.modifiees': evenement(
    z.object({ demandeIds: z.array(z.number().int()) }),
    'Des réponses ont été préparées, modifiées ou abandonnées, ou des demandes mises de côté ou reprises.',
  ),
} as const;

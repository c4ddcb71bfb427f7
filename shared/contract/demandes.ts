import { z } from 'zod';
import {
  DateCalendrierSchema,
  DemandeSchema,
  DemandeurSchema,
  MotifsDocumentInvalide,
  PersonneDeclareeSchema,
  TypeDemandeurSchema,
} from '../comedec';
import { TypeActeSchema } from '../domain/acte';
import { CyclesDemande, EtatsDemande } from '../domain/echeances';
import { appel, evenement, Rien } from './define';
import { EnvoiSchema } from './sync';

/** COMEDEC requests received: list with states and deadlines, one request, quarantine. */

export const EtatDemandeSchema = z.enum(EtatsDemande);
export const AlerteEcheanceSchema = z.enum(['J-5', 'J-2']);
// The requester kinds, the declared data and the reasons come from the COMEDEC model
// (shared/comedec): the screen shows what the exchange format carries, with no second list.
export { TypeDemandeurSchema };

export const ResumeDemandeSchema = z.object({
  id: z.number().int(),
  idPlateforme: z.string(),
  versionFormat: z.number().int(),
  specimen: z.boolean(),
  typeActe: TypeActeSchema,
  demandeur: DemandeurSchema.pick({ type: true, libelle: true, reference: true }),
  personne: PersonneDeclareeSchema.pick({ nom: true, prenoms: true }),
  misADisposition: z.string(),
  /** Last Paris day to answer (aaaa-mm-jj). */
  jourLimite: z.string(),
  purgeLe: z.string(),
  cycle: z.enum(CyclesDemande),
  sens: z.enum(['positive', 'negative']).nullable(),
  etat: EtatDemandeSchema,
  alerte: AlerteEcheanceSchema.nullable(),
  joursRestants: z.number().int(),
  recueLe: z.string(),
});
export type ResumeDemande = z.infer<typeof ResumeDemandeSchema>;

export const DetailDemandeSchema = ResumeDemandeSchema.extend({
  declaration: DemandeSchema.pick({ personne: true, pere: true, mere: true, conjoint: true, evenement: true }),
  echeanceProcedure: z.string().nullable(),
  envois: z.array(EnvoiSchema),
});
export type DetailDemande = z.infer<typeof DetailDemandeSchema>;

/** The reader's verdicts on a document, and what the client adds after reading it. */
export const MotifsQuarantaine = [
  ...MotifsDocumentInvalide,
  'format_inconnu',
  'mauvais_destinataire',
  /** An answer to a request we sent whose XAdES signature does not hold. */
  'signature_invalide',
  /** An answer to a request this commune never sent. */
  'demande_inconnue',
  /** A document different from the one already stored under the same id of the same platform. */
  'conflit_identifiant',
] as const;

export const DocumentQuarantaineSchema = z.object({
  id: z.number().int(),
  livraison: z.string(),
  idPlateforme: z.string().nullable(),
  motif: z.enum(MotifsQuarantaine),
  /** In French: why the document was refused. */
  raison: z.string(),
  octets: z.number().int(),
  tronque: z.boolean(),
  recueLe: z.string(),
});
export type DocumentQuarantaine = z.infer<typeof DocumentQuarantaineSchema>;

/**
 * The filters of the received requests (shared/domain/filtre-demandes.ts says how each one
 * reads). Days are Paris days (aaaa-mm-jj), both included.
 */
export const CriteresDemandesSchema = z.object({
  etats: z.array(EtatDemandeSchema).max(EtatsDemande.length).optional(),
  alerte: AlerteEcheanceSchema.optional(),
  typesActe: z.array(TypeActeSchema).max(3).optional(),
  demandeurs: z.array(TypeDemandeurSchema).max(10).optional(),
  /** Words that begin the person's names, in any order ("mart eli"). */
  personne: z.string().max(100, 'nom trop long (100 caractères au plus)').optional(),
  du: DateCalendrierSchema.optional(),
  au: DateCalendrierSchema.optional(),
  specimens: z.boolean().optional(),
});
export type CriteresDemandesContrat = z.infer<typeof CriteresDemandesSchema>;

/**
 * The most requests "Traiter à la suite" queues in one run: far beyond a day's work (an officer
 * answers a few hundred), and the ids, cycles and states of 10,000 requests are under 1 MB.
 */
export const MAX_IDS_LISTE = 10_000;

export const appelsDemandes = {
  'demandes.lister': appel(
    CriteresDemandesSchema.extend({
      limite: z.number().int().min(1).max(500).default(100),
      decalage: z.number().int().min(0).default(0),
    }).refine((c) => !c.du || !c.au || c.du <= c.au, {
      message: 'la date de début doit précéder la date de fin',
      path: ['au'],
    }),
    z.object({
      demandes: z.array(ResumeDemandeSchema),
      total: z.number().int(),
      /**
       * Requests per state, under the other criteria (requester, act, person, dates); specimens
       * are never counted (the same rule for every count below).
       */
      compteurs: z.record(EtatDemandeSchema, z.number().int()),
      /** Requests due within 2 days, and within 5 (but not 2). */
      alertes: z.record(AlerteEcheanceSchema, z.number().int()),
      /** Requests per requester kind and per act type, each under the other criteria. */
      facettes: z.object({
        demandeurs: z.record(TypeDemandeurSchema, z.number().int()),
        typesActe: z.record(TypeActeSchema, z.number().int()),
      }),
      /** Specimen requests among the listed ones (listed and marked, counted nowhere else). */
      specimens: z.number().int(),
      /** The listed requests by matching outcome ("en_cours": not matched yet), specimens left out. */
      rapprochement: z.record(z.enum(['sur', 'a_verifier', 'aucun', 'en_cours']), z.number().int()),
    }),
    'Demandes reçues filtrées (état, demandeur, type d’acte, personne, dates de mise à disposition), les plus urgentes d’abord, avec le nombre de demandes de chaque valeur de filtre.',
  ),
  'demandes.listerIds': appel(
    CriteresDemandesSchema.extend({
      /** From this request on (itself included), as "Traiter à la suite" from a row; absent or not listed: from the first. */
      depuis: z.number().int().positive().optional(),
    }).refine((c) => !c.du || !c.au || c.du <= c.au, {
      message: 'la date de début doit précéder la date de fin',
      path: ['au'],
    }),
    z.object({
      /** In the list's order; what decides whether each is still to treat (cycle, state), specimens marked. */
      demandes: z
        .array(ResumeDemandeSchema.pick({ id: true, specimen: true, cycle: true, etat: true }))
        .max(MAX_IDS_LISTE),
      /** More than MAX_IDS_LISTE requests followed: the run stops at the cap. */
      tronquee: z.boolean(),
    }),
    'Toute la liste filtrée des demandes reçues (mêmes critères et même ordre que demandes.lister), réduite à ce qui fait une file de traitement, à partir d’une demande, 10 000 demandes au plus (MAX_IDS_LISTE).',
  ),
  'demandes.lire': appel(
    z.object({ id: z.number().int().positive() }),
    DetailDemandeSchema,
    'Une demande reçue : données déclarées, échéances, envois.',
  ),
  'demandes.quarantaine': appel(
    z.object({ limite: z.number().int().min(1).max(500).default(100) }),
    z.array(DocumentQuarantaineSchema),
    'Documents reçus refusés (mis en quarantaine) avec leur motif.',
  ),
  'demandes.compteurs': appel(
    Rien,
    z.record(EtatDemandeSchema, z.number().int()),
    'Nombre de demandes par état (les demandes spécimens ne sont jamais comptées).',
  ),
} as const;

export const evenementsDemandes = {
  'demandes.nouvelles': evenement(
    z.object({
      /** New real requests: specimens are never counted. */
      nombre: z.number().int().min(0),
      /** New specimen requests (connection tests), apart. */
      specimens: z.number().int(),
      quarantaine: z.number().int(),
      jourLimitePlusProche: z.string().nullable(),
    }),
    'De nouvelles demandes sont arrivées (notification de bureau).',
  ),
} as const;

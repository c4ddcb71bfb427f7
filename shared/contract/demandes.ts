import { z } from 'zod';
import {
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

export const appelsDemandes = {
  'demandes.lister': appel(
    z.object({
      etats: z.array(EtatDemandeSchema).optional(),
      alerte: AlerteEcheanceSchema.optional(),
      specimens: z.boolean().optional(),
      limite: z.number().int().min(1).max(500).default(100),
      decalage: z.number().int().min(0).default(0),
    }),
    z.object({
      demandes: z.array(ResumeDemandeSchema),
      total: z.number().int(),
      compteurs: z.record(EtatDemandeSchema, z.number().int()),
      /** Requests due within 2 days, and within 5 (but not 2). */
      alertes: z.record(AlerteEcheanceSchema, z.number().int()),
    }),
    'Demandes reçues avec leur état et leur échéance (calculés à l’heure de Paris), les plus urgentes d’abord.',
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
  'demandes.compteurs': appel(Rien, z.record(EtatDemandeSchema, z.number().int()), 'Nombre de demandes par état.'),
} as const;

export const evenementsDemandes = {
  'demandes.nouvelles': evenement(
    z.object({
      nombre: z.number().int().min(0),
      specimens: z.number().int(),
      quarantaine: z.number().int(),
      jourLimitePlusProche: z.string().nullable(),
    }),
    'De nouvelles demandes sont arrivées (notification de bureau).',
  ),
} as const;

import { CodesErreur } from '../errors';
import { z } from 'zod';
import { appel, evenement, Ok, Rien } from './define';

/** COMEDEC synchronisation: settings, runs, outbox, connection test. */

const Heure = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure attendue au format HH:MM (ex. 08:30)');

export const PlanificationSchema = z
  .object({
    active: z.boolean(),
    intervalleMinutes: z.number().int().min(5, 'au moins 5 minutes').max(240, 'au plus 240 minutes'),
    /** ISO days of the week: 1 = lundi … 7 = dimanche. */
    jours: z.array(z.number().int().min(1).max(7)).max(7),
    debut: Heure,
    fin: Heure,
  })
  .refine((p) => p.debut < p.fin, { message: 'l’heure de fin doit suivre l’heure de début', path: ['fin'] });
export type Planification = z.infer<typeof PlanificationSchema>;

export const PLANIFICATION_PAR_DEFAUT: Planification = {
  active: true,
  intervalleMinutes: 30,
  jours: [1, 2, 3, 4, 5],
  debut: '08:30',
  fin: '17:30',
};

/** Which adapter talks to the platform: only our sandbox exists today (the real one is not public). */
export const AdaptateursPlateforme = ['bac_a_sable'] as const;

export const PlateformeSchema = z.object({
  adaptateur: z.enum(AdaptateursPlateforme).default('bac_a_sable'),
  url: z
    .string()
    .trim()
    .url('adresse de la plateforme invalide')
    .refine((u) => /^https?:\/\//.test(u), 'adresse http:// ou https:// attendue'),
});
export type ParametresPlateforme = z.infer<typeof PlateformeSchema>;

export const SecuriteSmtpSchema = z.enum(['aucune', 'starttls', 'tls']);

export const SmtpSchema = z.object({
  active: z.boolean(),
  hote: z.string().trim().min(1, 'serveur SMTP obligatoire').max(255),
  port: z.number().int().min(1).max(65535),
  securite: SecuriteSmtpSchema,
  utilisateur: z.string().max(255).nullable(),
  expediteur: z.string().trim().email('adresse d’expéditeur invalide'),
});
export type ParametresSmtp = z.infer<typeof SmtpSchema>;

export const ParametresSyncSchema = z.object({
  plateforme: PlateformeSchema.nullable(),
  planification: PlanificationSchema,
  /** The password is never sent back: only whether one is set. */
  smtp: SmtpSchema.extend({ motDePasseDefini: z.boolean() }).nullable(),
});

export const PhasesSynchro = ['authentification', 'reception', 'envoi', 'terminee'] as const;
export const DeclenchementSchema = z.enum(['automatique', 'manuel']);

export const ResultatSynchroSchema = z.object({
  id: z.number().int(),
  declenchement: DeclenchementSchema,
  debut: z.string(),
  fin: z.string().nullable(),
  statut: z.enum(['en_cours', 'reussie', 'partielle', 'echouee', 'interrompue']),
  recues: z.number().int(),
  doublons: z.number().int(),
  quarantaine: z.number().int(),
  acceptees: z.number().int(),
  rejetees: z.number().int(),
  enAttente: z.number().int(),
  /** French message of what stopped the run, if anything. */
  erreur: z.string().nullable(),
});
export type ResultatSynchro = z.infer<typeof ResultatSynchroSchema>;

export const EtatsEnvoi = ['brouillon', 'signe', 'envoi', 'accepte', 'rejete'] as const;
export const EtatEnvoiSchema = z.enum(EtatsEnvoi);
export type EtatEnvoi = z.infer<typeof EtatEnvoiSchema>;

export const EnvoiSchema = z.object({
  id: z.number().int(),
  nature: z.enum(['reponse', 'demande']),
  demandeId: z.number().int().nullable(),
  etat: EtatEnvoiSchema,
  essais: z.number().int(),
  prochainEssai: z.string().nullable(),
  recepisse: z.string().nullable(),
  motifRejet: z.string().nullable(),
  modifieLe: z.string(),
});
export type Envoi = z.infer<typeof EnvoiSchema>;

export const EtapesDiagnostic = ['carte', 'joignabilite', 'version', 'authentification'] as const;
export const EtapeDiagnosticSchema = z.object({
  etape: z.enum(EtapesDiagnostic),
  statut: z.enum(['ok', 'echec', 'non_verifiee']),
  message: z.string(),
  /** Why the step failed, for the screen to offer the right action (open the card's session...). */
  code: z.enum(CodesErreur).optional(),
});
export type EtapeDiagnostic = z.infer<typeof EtapeDiagnosticSchema>;

export const appelsSync = {
  'sync.maintenant': appel(
    Rien,
    ResultatSynchroSchema,
    'Mettre à jour : récupère les demandes et envoie les réponses prêtes (rejoint la synchronisation en cours s’il y en a une).',
  ),
  'sync.etat': appel(
    Rien,
    z.object({
      enCours: z.boolean(),
      derniere: ResultatSynchroSchema.nullable(),
      prochaine: z.string().nullable(),
      envoisEnAttente: z.number().int(),
    }),
    'État de la synchronisation : en cours, dernière, prochaine, envois en attente.',
  ),
  'sync.envois': appel(
    z.object({ etats: z.array(EtatEnvoiSchema).optional(), limite: z.number().int().min(1).max(500).default(100) }),
    z.array(EnvoiSchema),
    'Boîte d’envoi : réponses et demandes émises, avec leur état.',
  ),
  'sync.testerConnexion': appel(
    Rien,
    z.object({ ok: z.boolean(), etapes: z.array(EtapeDiagnosticSchema) }),
    'Tester la connexion : carte, plateforme joignable, version, authentification, étape par étape.',
  ),
  'sync.lireParametres': appel(
    Rien,
    ParametresSyncSchema,
    'Paramètres de la plateforme, de la planification et de la messagerie.',
  ),
  'sync.enregistrerParametres': appel(
    z.object({
      plateforme: PlateformeSchema.optional(),
      planification: PlanificationSchema.optional(),
      smtp: SmtpSchema.extend({
        /** undefined: keep the stored one; null: remove it. */
        motDePasse: z.string().max(500).nullable().optional(),
      }).optional(),
    }),
    Ok,
    'Enregistre les paramètres de synchronisation (chaque bloc fourni remplace l’ancien).',
  ),
} as const;

export const evenementsSync = {
  'sync.progression': evenement(
    z.object({
      synchroId: z.number().int(),
      phase: z.enum(PhasesSynchro),
      fait: z.number().int(),
      total: z.number().int().nullable(),
      message: z.string(),
    }),
    'Progression de la synchronisation en cours.',
  ),
  'sync.envoiModifie': evenement(
    z.object({
      id: z.number().int(),
      demandeId: z.number().int().nullable(),
      etat: EtatEnvoiSchema,
      motifRejet: z.string().nullable(),
    }),
    'Un envoi de la boîte d’envoi a changé d’état.',
  ),
} as const;

import { z } from 'zod';
import { appel, Ok, Rien } from './define';
import { estDateIsoValide } from '../domain/dates';
import { ActionsCarte, EtatsCarte, MotifsRevocation } from '../domain/cycle-carte';
import { MotifsCommande } from '../domain/cout-cartes';
import { NaturesPieceIdentite } from '../domain/piece-identite';
import { ControlesSignature, QualitesOfficier, RolesAgent } from '../domain/droits-agent';

/**
 * The directory of agents (electron/annuaire/): agents and their roles, officers' delegations,
 * the agents' cards and their life, the journal of rights changes, who is at the keyboard.
 * Changes are made by the card manager or their deputy, from their own card session.
 */
const Jour = z.string().refine(estDateIsoValide, 'date attendue au format aaaa-mm-jj');
const Id = z.number().int().positive();

export const AgentSaisieSchema = z.object({
  nom: z.string().trim().min(1, 'le nom est obligatoire').max(100, 'nom trop long'),
  prenoms: z.string().trim().min(1, 'les prénoms sont obligatoires').max(200, 'prénoms trop longs'),
  dateNaissance: Jour,
  fonction: z.string().trim().min(1, 'la fonction est obligatoire').max(200, 'fonction trop longue'),
  email: z.string().trim().email('adresse électronique invalide').max(254).nullable(),
});
export type AgentSaisie = z.infer<typeof AgentSaisieSchema>;

export const DelegationSchema = z
  .object({
    qualite: z.enum(QualitesOfficier),
    arreteLe: Jour,
    reference: z.string().trim().min(1, 'la référence de l’arrêté est obligatoire').max(200),
    portee: z.string().trim().min(1, 'la portée de la délégation est obligatoire').max(500),
    fin: Jour.nullable(),
  })
  .refine((d) => d.fin === null || d.fin >= d.arreteLe, {
    message: 'la fin de la délégation précède la date de l’arrêté',
    path: ['fin'],
  });

export const RolesSaisieSchema = z
  .object({
    roles: z
      .array(z.enum(RolesAgent))
      .min(1, 'au moins un rôle')
      .refine((r) => new Set(r).size === r.length, 'un rôle figure deux fois'),
    delegation: DelegationSchema.nullable(),
  })
  .refine((r) => r.roles.includes('officier') === (r.delegation !== null), {
    message: 'un officier a une délégation (arrêté), et seul un officier en a une',
    path: ['delegation'],
  });

export const CertificatEnregistreSchema = z.object({
  emetteur: z.string(),
  serie: z.string(),
  sujet: z.string().nullable(),
  empreinte: z.string(),
});

export const AlerteRenouvellementSchema = z
  .discriminatedUnion('niveau', [
    z.object({ niveau: z.literal('a_renouveler'), joursRestants: z.number().int() }),
    z.object({ niveau: z.literal('expiree'), joursDepuis: z.number().int() }),
  ])
  .nullable();

export const CarteAgentSchema = z.object({
  id: Id,
  agentId: Id,
  titulaire: z.string(),
  etat: z.enum(EtatsCarte),
  motifRevocation: z.enum(MotifsRevocation).nullable(),
  motifCommande: z.enum(MotifsCommande),
  coutHtCentimes: z.number().int(),
  commandeeLe: z.string(),
  remiseLe: z.string().nullable(),
  authentification: CertificatEnregistreSchema.nullable(),
  signature: CertificatEnregistreSchema.nullable(),
  finValidite: z.string(),
  alerte: AlerteRenouvellementSchema,
});
export type CarteAgent = z.infer<typeof CarteAgentSchema>;

export const AgentSchema = AgentSaisieSchema.extend({
  id: Id,
  actif: z.boolean(),
  roles: z.array(z.enum(RolesAgent)),
  delegation: DelegationSchema.nullable(),
  cartes: z.array(CarteAgentSchema),
});
export type Agent = z.infer<typeof AgentSchema>;

export const RefusSchema = z.object({ controle: z.enum(ControlesSignature), raison: z.string() });

/** Who is at the keyboard, and what they may do. */
export const PosteSchema = z.object({
  etat: z.enum(['consultation', 'sans_annuaire', 'carte_inconnue', 'carte_refusee', 'agent']),
  /** Said on the screen, in French (null in the ordinary case). */
  message: z.string().nullable(),
  agent: z.object({ id: Id, nomComplet: z.string(), roles: z.array(z.enum(RolesAgent)) }).nullable(),
  peutSigner: z.boolean(),
  refusSignature: RefusSchema.nullable(),
  peutGererAnnuaire: z.boolean(),
  /** First start: an open session, no directory yet: this card's holder may create it. */
  peutCreerAnnuaire: z.boolean(),
});
export type Poste = z.infer<typeof PosteSchema>;

export const EtatAnnuaireSchema = z.object({
  existe: z.boolean(),
  creeLe: z.string().nullable(),
  poste: PosteSchema,
});

export const EntreeJournalDroitsSchema = z.object({
  id: Id,
  le: z.string(),
  par: z.string(),
  agentId: Id.nullable(),
  agent: z.string().nullable(),
  quoi: z.string(),
});

export const EntreeHistoriqueCarteSchema = z.object({
  action: z.string(),
  de: z.enum(EtatsCarte).nullable(),
  vers: z.enum(EtatsCarte),
  motif: z.string().nullable(),
  par: z.string(),
  le: z.string(),
});

export const LigneCoutsSchema = z.object({
  annee: z.number().int(),
  commandees: z.number().int(),
  gratuites: z.number().int(),
  payantes: z.number().int(),
  montantHtCentimes: z.number().int(),
});

/** A record, as the extracts travel: the PDF's bytes in base64 and the name it is saved under. */
export const DocumentPdfSchema = z.object({ nomFichier: z.string(), pdfBase64: z.string() });

const ActionChangement = z.enum(ActionsCarte).exclude(['remettre']);

export const appelsAnnuaire = {
  'annuaire.etat': appel(
    Rien,
    EtatAnnuaireSchema,
    'L’annuaire existe-t-il, et qui est au clavier (la session de carte).',
  ),
  'annuaire.verifierCarte': appel(
    z.object({ jetonId: z.string().min(1).max(200) }),
    Ok,
    'Avant de demander le PIN : refuse une carte inconnue de l’annuaire, révoquée, expirée ou d’un agent inactif (rien sans annuaire).',
  ),
  'annuaire.creer': appel(
    z.object({ agent: AgentSaisieSchema, delegation: DelegationSchema }),
    AgentSchema,
    'Premier démarrage : crée l’annuaire avec le titulaire de la session de carte, officier et responsable cartes.',
  ),
  'annuaire.listerAgents': appel(Rien, z.array(AgentSchema), 'Les agents, leurs rôles, délégations et cartes.'),
  'annuaire.lireAgent': appel(z.object({ id: Id }), AgentSchema, 'Un agent.'),
  'annuaire.enregistrerAgent': appel(
    AgentSaisieSchema.extend({ id: Id.nullable().default(null), actif: z.boolean().default(true) }),
    AgentSchema,
    'Crée (id null) ou modifie un agent : état civil comme sur la pièce d’identité, fonction, courriel, actif.',
  ),
  'annuaire.definirRoles': appel(
    RolesSaisieSchema.and(z.object({ agentId: Id })),
    AgentSchema,
    'Rôles d’un agent, et la délégation d’un officier (arrêté : date, référence, portée, fin).',
  ),
  'annuaire.commanderCarte': appel(
    z.object({ agentId: Id, motif: z.enum(MotifsCommande) }),
    CarteAgentSchema,
    'Note la commande d’une carte pour un agent ; son coût (quota : une carte gratuite par agent et par 6 ans).',
  ),
  'annuaire.enregistrerCarte': appel(
    z.object({
      agentId: Id,
      jetonId: z.string().min(1).max(200).nullable().default(null),
      motif: z.enum(MotifsCommande).default('premiere'),
      /** Shown at the handover: only the number's last 4 characters are kept (the record names them). */
      pieceIdentite: z
        .object({
          nature: z.enum(NaturesPieceIdentite),
          numero: z.string().trim().min(4, 'numéro de la pièce trop court').max(40, 'numéro de la pièce trop long'),
        })
        .nullable()
        .default(null),
    }),
    CarteAgentSchema,
    'Enregistre la carte présente dans un lecteur (celle de la session si jetonId est null) comme remise à l’agent : ses certificats la désignent.',
  ),
  'annuaire.changerEtatCarte': appel(
    z
      .object({ carteId: Id, action: ActionChangement, motif: z.enum(MotifsRevocation).nullable().default(null) })
      .refine((e) => (e.action === 'revoquer') === (e.motif !== null), {
        message: 'une révocation a un motif, et seule une révocation en a un',
        path: ['motif'],
      }),
    CarteAgentSchema,
    'Une étape de la vie d’une carte (activée, PIN changé ou débloqué, révoquée, expirée, renouvelée).',
  ),
  'annuaire.listerCartes': appel(Rien, z.array(CarteAgentSchema), 'Toutes les cartes, celles à renouveler d’abord.'),
  'annuaire.historiqueCarte': appel(
    z.object({ carteId: Id }),
    z.array(EntreeHistoriqueCarteSchema),
    'Les étapes de la vie d’une carte, dans l’ordre.',
  ),
  'annuaire.journal': appel(
    z.object({ limite: z.number().int().min(1).max(1000).default(200) }),
    z.array(EntreeJournalDroitsSchema),
    'Le journal des changements de droits (qui, quand, quoi), le plus récent d’abord.',
  ),
  'annuaire.procesVerbalRemise': appel(
    z.object({ carteId: Id }),
    DocumentPdfSchema,
    'Procès-verbal de remise d’une carte (PDF) : date, lieu, l’agent, la pièce d’identité (4 derniers caractères du numéro), qui l’a remise, deux cadres de signature.',
  ),
  'annuaire.procesVerbalDestruction': appel(
    z.object({ carteId: Id }),
    DocumentPdfSchema,
    'Procès-verbal de destruction d’une carte révoquée, expirée ou renouvelée (PDF) : date, carte, motif, qui.',
  ),
  'annuaire.ficheDysfonctionnement': appel(
    z.object({ jetonId: z.string().min(1).max(200).nullable().default(null) }),
    DocumentPdfSchema,
    'Fiche de contrôle d’une carte en dysfonctionnement (PDF), relevée sur la carte présente (celle de la session si jetonId est null) ; sans annuaire aussi.',
  ),
  'annuaire.couts': appel(
    Rien,
    z.array(LigneCoutsSchema),
    'Par année : cartes commandées, gratuites ou payantes, et le montant HT.',
  ),
} as const;

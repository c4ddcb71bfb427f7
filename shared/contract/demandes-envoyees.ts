import { z } from 'zod';
import { CodeInseeSchema, DateCalendrierSchema, MotifsDemandeEmise } from '../comedec/schemas';
import { LieuSchema, SexeSchema } from '../domain/acte';
import { CyclesDemandeEnvoyee, EtatsSuiviDemandeEnvoyee } from '../domain/cycle-demande-envoyee';
import { appel, Ok } from './define';
import { MotifsQuarantaine } from './demandes';

/**
 * Requests this commune sends to other communes ("Demandes envoyées", issue 16): writing one
 * for a marriage or PACS file, following it (sent, receipted, answered, late), and reading its
 * answer once its XAdES signature has been verified, as an extract (text and PDF). Signing is
 * `signature.signerLot` (the drafts' `documentSignatureId`), sending is `sync.maintenant`.
 */

const Id = z.number().int().positive();
const texte = (max: number, vide: string, long: string) => z.string().trim().min(1, vide).max(max, long);
const Prenoms = z.array(z.string().trim().min(1, 'prénom vide').max(100, 'prénom trop long')).max(20);

export const MotifDemandeEnvoyeeSchema = z.enum(MotifsDemandeEmise, {
  message: 'motif attendu : dossier de mariage ou dossier de PACS',
});
export type MotifDemandeEnvoyee = z.infer<typeof MotifDemandeEnvoyeeSchema>;

const ParentSaisiSchema = z.object({
  nom: texte(200, 'nom du parent à renseigner (ou laissez le parent vide)', 'nom du parent trop long'),
  prenoms: Prenoms.default([]),
});

/** What the officer writes: the file, the commune asked, and the person as known. */
export const SaisieDemandeEnvoyeeSchema = z.object({
  motif: MotifDemandeEnvoyeeSchema,
  destinataire: z.object(
    { codeInsee: CodeInseeSchema },
    { message: 'choisissez la commune de destination dans la liste' },
  ),
  reference: texte(100, 'référence du dossier à renseigner', 'référence trop longue (100 caractères au plus)'),
  /** The procedure's date (the wedding, the PACS registration), when it is set. */
  dateProcedure: DateCalendrierSchema.nullable().default(null),
  /** For a marriage or a PACS file, the birth act of the future spouse or partner. */
  typeActe: z.literal('naissance', {
    message: 'seul l’acte de naissance est demandé pour un dossier de mariage ou de PACS',
  }),
  personne: z.object({
    nom: texte(200, 'nom de la personne à renseigner', 'nom trop long'),
    prenoms: Prenoms.min(1, 'au moins un prénom de la personne à renseigner'),
    sexe: SexeSchema.nullable().default(null),
    dateNaissance: DateCalendrierSchema,
    lieuNaissance: LieuSchema.nullable().default(null),
  }),
  pere: ParentSaisiSchema.nullable().default(null),
  mere: ParentSaisiSchema.nullable().default(null),
});
export type SaisieDemandeEnvoyee = z.input<typeof SaisieDemandeEnvoyeeSchema>;
export type SaisieDemandeEnvoyeeValidee = z.output<typeof SaisieDemandeEnvoyeeSchema>;

export const CommuneDestinationSchema = z.object({ codeInsee: z.string(), nom: z.string(), departement: z.string() });

/** An answer that arrived for the request, verified and kept. */
export const ReponseArriveeSchema = z.object({
  recueLe: z.string(),
  signataire: z.string(),
  sens: z.enum(['positive', 'negative']),
});

/** An answer that arrived and was refused: kept in the quarantine, never shown as valid. */
export const ReponseRefuseeSchema = z.object({
  motif: z.enum(MotifsQuarantaine),
  /** In French: why it was refused. */
  raison: z.string(),
  recueLe: z.string(),
});

/** One request sent, as the list shows it. */
export const DemandeEnvoyeeSchema = z.object({
  id: z.number().int(),
  motif: MotifDemandeEnvoyeeSchema,
  reference: z.string(),
  dateProcedure: z.string().nullable(),
  destinataire: CommuneDestinationSchema,
  typeActe: z.literal('naissance'),
  /** "Paul ROUSSEL, né le 2 novembre 1985". */
  personne: z.string(),
  cycle: z.enum(CyclesDemandeEnvoyee),
  etat: z.enum(EtatsSuiviDemandeEnvoyee),
  /** Last Paris day for the commune of destination to answer, once receipted. */
  jourLimite: z.string().nullable(),
  joursRestants: z.number().int().nullable(),
  documentSignatureId: z.number().int().nullable(),
  /** The platform's id of the request, once receipted. */
  idPlateforme: z.string().nullable(),
  recepisse: z.string().nullable(),
  accuseeLe: z.string().nullable(),
  /** The platform's refusal, in French. */
  rejet: z.string().nullable(),
  prepareePar: z.string(),
  prepareeLe: z.string(),
  reponse: ReponseArriveeSchema.nullable(),
  /** Answers refused on arrival (a signature that does not hold), with their reason. */
  refus: z.array(ReponseRefuseeSchema),
});
export type DemandeEnvoyee = z.infer<typeof DemandeEnvoyeeSchema>;

/** What the verification of the answer's XAdES signature established. */
export const VerificationReponseSchema = z.object({
  signataire: z.string(),
  /** The signer's title on the certificate ("Officier de l etat civil"). */
  titre: z.string().nullable(),
  /** The commune the certificate names (INSEE code) and the commune the answer comes from. */
  communeCertificat: z.string().nullable(),
  communeReponse: z.object({ codeInsee: z.string(), libelle: z.string() }),
  /** In French: why this signer may attest (a qualified signature certificate: a delegated officer). */
  delegation: z.string(),
  signeeLe: z.string(),
  certificatValideDu: z.string(),
  certificatValideAu: z.string(),
  emetteur: z.string(),
  /** The instant the signature was judged against (the reception). */
  verifieeLe: z.string(),
});

export const LectureReponseSchema = z.object({
  demandeId: z.number().int(),
  sens: z.enum(['positive', 'negative']),
  verification: VerificationReponseSchema,
  titre: z.string(),
  /** The extract (or the negative answer) as text, composed from the signed answer only. */
  texte: z.string(),
  nomFichier: z.string(),
});
export type LectureReponse = z.infer<typeof LectureReponseSchema>;

export const appelsDemandesEnvoyees = {
  'demandesEnvoyees.preparer': appel(
    SaisieDemandeEnvoyeeSchema,
    DemandeEnvoyeeSchema,
    'Rédige une demande à une autre commune (dossier de mariage ou de PACS) : prête à signer.',
  ),
  'demandesEnvoyees.lister': appel(
    z.object({ limite: z.number().int().min(1).max(5000).default(500) }),
    z.array(DemandeEnvoyeeSchema),
    'Demandes envoyées aux autres communes, avec leur état (envoyée, reçue, répondue, en retard).',
  ),
  'demandesEnvoyees.saisie': appel(
    z.object({ id: Id }),
    SaisieDemandeEnvoyeeSchema,
    'Ce que l’officier a écrit dans une demande envoyée : de quoi rouvrir un brouillon pour le modifier.',
  ),
  // The id beside the fields (not around them): a refusal names each field as `preparer` does.
  'demandesEnvoyees.modifier': appel(
    SaisieDemandeEnvoyeeSchema.extend({ id: Id }),
    DemandeEnvoyeeSchema,
    'Modifie une demande encore à signer (brouillon) ; refusé une fois signée.',
  ),
  'demandesEnvoyees.abandonner': appel(z.object({ id: Id }), Ok, 'Abandonne une demande envoyée encore à signer.'),
  'demandesEnvoyees.reponse': appel(
    z.object({ id: Id }),
    LectureReponseSchema,
    'La réponse reçue, signature XAdES vérifiée, présentée en extrait.',
  ),
  'demandesEnvoyees.reponsePdf': appel(
    z.object({ id: Id }),
    z.object({ nomFichier: z.string(), pdfBase64: z.string() }),
    'La réponse reçue, vérifiée, en PDF pour le dossier.',
  ),
};

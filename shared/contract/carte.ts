import { z } from 'zod';
import { ErreurSchema } from '../errors';
import { appel, evenement, Ok, Rien } from './define';

/**
 * The agent card area: readers and cards, certificates, PIN, batch signing, verification.
 * PINs travel in a call's input only; the main process uses them, overwrites its copy and
 * keeps nothing. The length is checked against the card's own bounds (pin_longueur), so the
 * schema only bounds the size.
 */
const Pin = z.string().min(1, 'code requis').max(64, 'code trop long');

export const UsageCertificatSchema = z.enum(['authentification', 'signature', 'autorite', 'autre']);
export const ValiditeCertificatSchema = z.enum(['valide', 'expire_bientot', 'expire', 'pas_encore_valide']);
export const EtatPinSchema = z.enum(['normal', 'essais_bas', 'dernier_essai', 'bloque']);
export const ModeCarteSchema = z.enum(['reelle', 'formation']);

export const CertificatCarteSchema = z.object({
  usage: UsageCertificatSchema,
  titulaire: z.string(),
  prenom: z.string().nullable(),
  nom: z.string().nullable(),
  titre: z.string().nullable(),
  organisation: z.string().nullable(),
  uniteOrganisation: z.string().nullable(),
  emetteur: z.string(),
  serie: z.string(),
  empreinte: z.string(),
  debut: z.string(),
  fin: z.string(),
  validite: ValiditeCertificatSchema,
  joursRestants: z.number().int(),
  algorithme: z.enum(['RSA', 'EC', 'autre']),
  formation: z.boolean(),
});
export type CertificatCarte = z.infer<typeof CertificatCarteSchema>;

export const JetonSchema = z.object({
  id: z.string(),
  nature: z.enum(['carte', 'formation']),
  label: z.string(),
  fabricant: z.string(),
  modele: z.string(),
  serie: z.string(),
  pinRequis: z.boolean(),
  /** PIN-pad reader: the PIN is typed on the reader. */
  cheminProtege: z.boolean(),
  etatPin: EtatPinSchema,
  pinMin: z.number().int(),
  pinMax: z.number().int(),
  /**
   * Why this card cannot open a session, known without its PIN (its public certificates are
   * expired, or it holds none), in French; null when nothing stands in the way.
   */
  refus: z.string().nullable(),
});
export type Jeton = z.infer<typeof JetonSchema>;

export const LecteurSchema = z.object({
  id: z.string(),
  nom: z.string(),
  bibliotheque: z.string(),
  carte: JetonSchema.nullable(),
});
export type Lecteur = z.infer<typeof LecteurSchema>;

export const SessionCarteSchema = z.object({
  jetonId: z.string(),
  nature: z.enum(['carte', 'formation']),
  connecteeLe: z.string(),
  certificats: z.array(CertificatCarteSchema),
  peutSigner: z.boolean(),
  /** Why this card cannot sign (no signature certificate, expired...), in French. */
  raisonSansSignature: z.string().nullable(),
  avertissements: z.array(z.string()),
  /**
   * The signature key carries CKA_ALWAYS_AUTHENTICATE: the card asks for the PIN before each
   * signature (a batch asks it per document, unless the reader has a PIN pad).
   */
  pinParSignature: z.boolean(),
  /** The reader has its own PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH): nothing typed in Registre. */
  lecteurAClavier: z.boolean(),
});
export type SessionCarteEtat = z.infer<typeof SessionCarteSchema>;

export const BibliothequeSchema = z.object({
  chemin: z.string(),
  nom: z.string(),
  source: z.enum(['parametre', 'environnement', 'table']),
  chargee: z.boolean(),
  description: z.string().nullable(),
  erreur: z.string().nullable(),
});

export const EtatCartesSchema = z.object({
  mode: ModeCarteSchema,
  bibliotheques: z.array(BibliothequeSchema),
  lecteurs: z.array(LecteurSchema),
  session: SessionCarteSchema.nullable(),
  /** A batch is being signed: the card must stay in the reader. */
  signatureEnCours: z.boolean(),
});
export type EtatCartes = z.infer<typeof EtatCartesSchema>;

export const ParametresCarteSchema = z.object({
  /** Path of the PKCS#11 library; null = try the known libraries in turn. */
  bibliotheque: z.string().max(1000).nullable(),
  mode: ModeCarteSchema,
  /** The CA certificates trusted for verification (PEM, concatenated). */
  confiancePem: z.string().max(200_000),
});
export type ParametresCarte = z.infer<typeof ParametresCarteSchema>;

export const ResumeConfianceSchema = z.array(z.object({ sujet: z.string(), empreinte: z.string(), fin: z.string() }));

export const EtatDocumentSchema = z.enum(['a_signer', 'en_cours', 'signe', 'echec']);
export const NatureDocumentSchema = z.enum(['reponse', 'demande', 'essai']);

export const DocumentSignatureSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  nature: NatureDocumentSchema,
  etat: EtatDocumentSchema,
  empreinte: z.string(),
  lotId: z.string().nullable(),
  signeLe: z.string().nullable(),
  certificat: z.string().nullable(),
  natureSignataire: z.enum(['carte', 'formation']).nullable(),
  erreurCode: z.string().nullable(),
  creeLe: z.string(),
});
export type DocumentSignatureEtat = z.infer<typeof DocumentSignatureSchema>;

export const RapportLotSchema = z.object({
  lotId: z.string().nullable(),
  total: z.number().int(),
  signes: z.number().int(),
  echecs: z.number().int(),
  enAttente: z.number().int(),
  interrompu: z.boolean(),
  erreur: ErreurSchema.nullable(),
});
export type RapportLot = z.infer<typeof RapportLotSchema>;

export const RapportVerificationSchema = z.object({
  valide: z.boolean(),
  raison: z.string().nullable(),
  signataire: CertificatCarteSchema.nullable(),
  horodatage: z.string().nullable(),
  nature: z.enum(['carte', 'formation']).nullable(),
});
export type RapportVerification = z.infer<typeof RapportVerificationSchema>;

const IdJeton = z.string().min(1).max(600);

export const appelsCarte = {
  'carte.etat': appel(Rien, EtatCartesSchema, 'Lecteurs, cartes, bibliothèque PKCS#11 et session en cours.'),
  'carte.connecter': appel(
    z.object({ jetonId: IdJeton, pin: Pin.optional() }),
    EtatCartesSchema,
    'Ouvre une session avec la carte (PIN seulement si la carte le demande ; lecteur à clavier : rien à saisir).',
  ),
  'carte.deconnecter': appel(Rien, EtatCartesSchema, 'Ferme la session avec la carte.'),
  'carte.changerPin': appel(
    z.object({ jetonId: IdJeton, ancienPin: Pin, nouveauPin: Pin }),
    Ok,
    'Change le code PIN de la carte (titulaire ou responsable cartes).',
  ),
  'carte.debloquerPin': appel(
    z.object({ jetonId: IdJeton, codeDeblocage: Pin, nouveauPin: Pin }),
    Ok,
    'Débloque la carte avec le code de déblocage (PUK) et fixe un nouveau code PIN.',
  ),
  'carte.lireParametres': appel(
    Rien,
    ParametresCarteSchema.extend({ confiance: ResumeConfianceSchema }),
    'Réglages de la carte.',
  ),
  'carte.enregistrerParametres': appel(
    ParametresCarteSchema.partial(),
    ParametresCarteSchema.extend({ confiance: ResumeConfianceSchema }),
    'Enregistre la bibliothèque PKCS#11, le mode (réel ou formation) et la liste de confiance.',
  ),
  'carte.creerFormation': appel(
    z.object({
      pin: Pin,
      codeDeblocage: Pin,
      prenom: z.string().trim().min(1).max(100),
      nom: z.string().trim().min(1).max(100),
    }),
    EtatCartesSchema,
    'Crée la carte de formation (mode formation seulement).',
  ),
  'signature.ajouter': appel(
    z.object({
      documents: z
        .array(
          z.object({
            reference: z.string().min(1).max(200),
            nature: NatureDocumentSchema,
            xml: z
              .string()
              .min(1)
              .max(8 * 1024 * 1024),
          }),
        )
        .min(1)
        .max(1000),
    }),
    z.object({ ids: z.array(z.number().int()) }),
    'Prépare des documents à signer (idempotent par référence).',
  ),
  'signature.lister': appel(
    z.object({ etat: EtatDocumentSchema.optional(), limite: z.number().int().min(1).max(1000).default(200) }),
    z.array(DocumentSignatureSchema),
    'Documents à signer et signés.',
  ),
  'signature.lire': appel(
    z.object({ id: z.number().int().positive() }),
    DocumentSignatureSchema.extend({ xmlSigne: z.string().nullable() }),
    'Un document et, s’il est signé, son XML signé.',
  ),
  'signature.signerLot': appel(
    z.object({
      ids: z.array(z.number().int().positive()).max(1000).optional(),
      pin: Pin.optional(),
      /** Fingerprint of the signature certificate the batch started with: another card stops it. */
      certificatAttendu: z.string().min(1).max(200).optional(),
    }),
    RapportLotSchema,
    'Signe les documents en attente avec la carte connectée : une saisie du PIN pour tout le lot, ou pour un ' +
      'seul document quand la carte demande le PIN à chaque signature (le reste attend la saisie suivante).',
  ),
  'signature.arreterLot': appel(
    Rien,
    z.object({ arrete: z.boolean() }),
    'Arrête le lot en cours après le document en train d’être signé ; le reste reste à signer.',
  ),
  'signature.verifier': appel(
    z.object({
      xml: z
        .string()
        .min(1)
        .max(8 * 1024 * 1024),
      // Always stated: a genuine signature on another kind of document is not valid as this one.
      racineAttendue: z.object({
        nomLocal: z.string().min(1).max(200),
        espaceNoms: z.string().max(2000).nullable(),
      }),
    }),
    RapportVerificationSchema,
    'Vérifie une signature XAdES (valeur, empreintes, chaîne de confiance, élément signé attendu, dates).',
  ),
} as const;

export const evenementsCarte = {
  'carte.etatModifie': evenement(
    z.object({
      raison: z.enum([
        'demarrage',
        'insertion',
        'retrait',
        'connexion',
        'deconnexion',
        'pin',
        'parametres',
        'signature',
      ]),
      etat: EtatCartesSchema,
    }),
    'L’état des lecteurs, des cartes ou de la session a changé.',
  ),
  'carte.inseree': evenement(
    z.object({ lecteur: z.string(), jetonId: z.string(), label: z.string() }),
    'Une carte a été insérée.',
  ),
  'carte.retiree': evenement(
    z.object({ lecteur: z.string(), jetonId: z.string(), sessionFermee: z.boolean() }),
    'Une carte a été retirée (la session avec elle est fermée aussitôt).',
  ),
  'signature.progression': evenement(
    z.object({
      lotId: z.string(),
      total: z.number().int(),
      faits: z.number().int(),
      signes: z.number().int(),
      echecs: z.number().int(),
      documentId: z.number().int(),
      etat: z.enum(['signe', 'echec']),
    }),
    'Avancement d’un lot de signature.',
  ),
} as const;

import { z } from 'zod';
import { ActeSchema, RoleSchema, TypeActeSchema, LieuSchema } from '../domain/acte';
import { appel, evenement, Rien } from './define';

export const SortesExtrait = ['copie-integrale', 'avec-filiation', 'sans-filiation'] as const;
export const SorteExtraitSchema = z.enum(SortesExtrait);
export type SorteExtrait = z.infer<typeof SorteExtraitSchema>;

export const CorrespondanceSchema = z.enum(['exacte', 'phonetique', 'approchee']);
export type Correspondance = z.infer<typeof CorrespondanceSchema>;

export const ResultatRechercheSchema = z.object({
  id: z.number().int(),
  type: TypeActeSchema,
  annee: z.number().int(),
  numero: z.number().int(),
  dateEvenement: z.string().nullable(),
  indexe: z.boolean(),
  personnes: z.array(z.object({ role: RoleSchema, nom: z.string(), prenoms: z.array(z.string()) })),
  score: z.number(),
  /** How the searched words matched; null when nothing was searched (the latest acts). */
  correspondance: CorrespondanceSchema.nullable(),
});
export type ResultatRecherche = z.infer<typeof ResultatRechercheSchema>;

export const RejetImportSchema = z.object({ ligne: z.number().int(), colonne: z.string(), raison: z.string() });
export type RejetImport = z.infer<typeof RejetImportSchema>;

export const RapportImportSchema = z.object({
  importId: z.string(),
  lignesLues: z.number().int(),
  actesAjoutes: z.number().int(),
  actesInchanges: z.number().int(),
  actesModifies: z.number().int(),
  lignesRejetees: z.number().int(),
  /** The first rejects (the full list is in the rejects file). */
  rejets: z.array(RejetImportSchema),
  encodage: z.enum(['utf-8', 'windows-1252']),
  separateur: z.enum([';', ',']),
  fichierRejets: z.string().nullable(),
  dureeMs: z.number(),
});
export type RapportImport = z.infer<typeof RapportImportSchema>;

export const ExtraitSchema = z.object({
  sorte: SorteExtraitSchema,
  titre: z.string(),
  texte: z.string(),
  /** The name to save the text under: `copie-integrale-naissance-1987-42.txt`, like the PDF's. */
  nomFichier: z.string(),
});
export type Extrait = z.infer<typeof ExtraitSchema>;

export const CommuneReferenceSchema = z.object({
  nom: z.string(),
  codeInsee: z.string(),
  departement: z.string(),
  codesPostaux: z.array(z.string()),
});
export type CommuneReference = z.infer<typeof CommuneReferenceSchema>;

/** What the place typed in the act editor designates (see shared/domain/lieux/verification.ts). */
export const VerificationLieuSchema = z.object({
  etat: z.enum(['connu', 'ambigu', 'inconnu', 'vide']),
  /** In French, for the officer; null when there is nothing to say. */
  message: z.string().nullable(),
  communes: z.array(CommuneReferenceSchema),
});
export type VerificationLieuReponse = z.infer<typeof VerificationLieuSchema>;

export const appelsRegistre = {
  'registre.rechercher': appel(
    z.object({
      texte: z.string().max(300),
      limite: z.number().int().min(1).max(500).default(100),
      type: TypeActeSchema.optional(),
    }),
    z.object({ resultats: z.array(ResultatRechercheSchema), dureeMs: z.number() }),
    'Recherche dans le registre : noms, prénoms, parents, dates, type d’acte.',
  ),
  'registre.lire': appel(z.object({ id: z.number().int().positive() }), ActeSchema, 'Lit un acte complet.'),
  'registre.enregistrer': appel(
    z.object({ acte: ActeSchema }),
    ActeSchema,
    'Crée ou corrige un acte (validé selon son type).',
  ),
  'registre.statistiques': appel(
    Rien,
    z.object({
      total: z.number().int(),
      naissance: z.number().int(),
      mariage: z.number().int(),
      deces: z.number().int(),
      nonIndexes: z.number().int(),
    }),
    'Nombre d’actes du registre.',
  ),
  'registre.extrait': appel(
    z.object({ id: z.number().int().positive(), sorte: SorteExtraitSchema }),
    ExtraitSchema,
    'Extrait ou copie intégrale d’un acte, en texte.',
  ),
  'registre.extraitPdf': appel(
    z.object({ id: z.number().int().positive(), sorte: SorteExtraitSchema }),
    z.object({ nomFichier: z.string(), pdfBase64: z.string() }),
    'Extrait ou copie intégrale d’un acte, en PDF.',
  ),
  'registre.importer': appel(
    z.object({
      nomFichier: z.string().max(260),
      /** File content, base64. Bounded to 256 MiB of CSV. */
      contenuBase64: z.string().max(360 * 1024 * 1024),
    }),
    RapportImportSchema,
    'Importe un fichier CSV d’actes (progression par événements).',
  ),
  'registre.rejetsImport': appel(
    z.object({ importId: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
    z.object({ nomFichier: z.string(), contenu: z.string() }),
    'Contenu du fichier des lignes rejetées d’un import.',
  ),
  'communes.rechercher': appel(
    z.object({ texte: z.string().max(100), limite: z.number().int().min(1).max(50).default(10) }),
    z.array(CommuneReferenceSchema),
    'Communes françaises (code INSEE) pour l’autocomplétion des lieux.',
  ),
  'communes.verifierLieu': appel(
    z.object({ lieu: LieuSchema }),
    VerificationLieuSchema,
    'Dit quelle commune désigne un lieu tel que l’officier l’écrit (Paris XXe, St-Étienne…), ou pourquoi aucune.',
  ),
} as const;

export const evenementsRegistre = {
  'registre.importProgression': evenement(
    z.object({
      importId: z.string(),
      nomFichier: z.string(),
      octetsLus: z.number(),
      octetsTotal: z.number(),
      lignesLues: z.number().int(),
      lignesRejetees: z.number().int(),
    }),
    'Progression d’un import CSV.',
  ),
  'registre.modifie': evenement(
    z.object({
      raison: z.enum(['saisie', 'import', 'restauration', 'monde']),
      ids: z.array(z.number().int()).optional(),
    }),
    'Le registre a changé (les listes et les correspondances sont à rafraîchir) ; « monde » : passage entre le mode réel et le mode formation, qui ont chacun leur base.',
  ),
} as const;

export { LieuSchema };

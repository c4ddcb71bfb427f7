import { z } from 'zod';
import { appel, Rien } from './define';
import { sansAccents } from '../domain/normalisation';

export const CommuneSchema = z.object({
  nom: z.string().trim().min(1, 'le nom de la commune est obligatoire').max(200),
  codeInsee: z
    .string()
    .trim()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE attendu sur 5 caractères (ex. 81021, 2A004)'),
  departement: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2[AB])$/, 'numéro de département attendu (ex. 81, 2A, 974)'),
  emailFonctionnel: z.string().trim().email('adresse électronique invalide'),
});
export type Commune = z.infer<typeof CommuneSchema>;

/** The commune's label on the COMEDEC platform: MAIRIE-<département>-<COMMUNE>. */
export function libellePlateforme(c: Pick<Commune, 'nom' | 'departement'>): string {
  const nom = sansAccents(c.nom)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `MAIRIE-${c.departement.toUpperCase()}-${nom}`;
}

export const SauvegardeSchema = z.object({ nom: z.string(), octets: z.number().int(), creeeLe: z.string() });

export const appelsParametres = {
  'parametres.lireCommune': appel(
    Rien,
    CommuneSchema.nullable(),
    'Identité de la commune (null tant qu’elle n’est pas saisie).',
  ),
  'parametres.enregistrerCommune': appel(CommuneSchema, CommuneSchema, 'Enregistre l’identité de la commune.'),
  'base.sauvegarder': appel(Rien, SauvegardeSchema, 'Sauvegarde à chaud de la base dans le dossier des sauvegardes.'),
  'base.listerSauvegardes': appel(Rien, z.array(SauvegardeSchema), 'Sauvegardes disponibles, la plus récente d’abord.'),
  'base.restaurer': appel(
    z.object({ nom: z.string().regex(/^[\w.-]{1,200}\.db$/, 'nom de sauvegarde invalide') }),
    z.object({ ok: z.literal(true), sauvegardePrecedente: z.string() }),
    'Restaure une sauvegarde (la base actuelle est d’abord sauvegardée).',
  ),
  'app.informations': appel(
    Rien,
    z.object({
      version: z.string(),
      schemaBase: z.number().int(),
      transport: z.enum(['electron', 'navigateur']),
      formation: z.boolean(),
    }),
    'Version de l’application et du schéma de la base ; `formation` : la base ouverte est celle du mode formation.',
  ),
} as const;

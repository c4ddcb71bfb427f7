import { erreurs } from '../../../shared/errors';
import { normaliser } from '../../../shared/domain/normalisation';
import { COLONNE_MOTIF_REJET, COLONNES, COLONNES_OBLIGATOIRES } from './colonnes';

/**
 * The header row: which known column sits at which position. Column names are compared
 * case-, accent- and punctuation-insensitively, and the little words of French labels are
 * dropped, so "Date de naissance du père", "DATE_NAISSANCE_PERE" and "date-naissance-pere"
 * are the same column.
 */

const MOTS_VIDES = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'l']);

export function cleColonne(texte: string): string {
  return normaliser(texte.replace(/['’‘]/g, ' ')) // "date de l'acte": the elided article is a word
    .split(' ')
    .filter((m) => m && !MOTS_VIDES.has(m))
    .join('_')
    .replace(/_(\d)/g, '$1'); // "époux 2" = "epoux2"
}

const parCle = new Map<string, string>();
for (const c of COLONNES) {
  parCle.set(cleColonne(c.nom), c.nom);
  for (const a of c.alias ?? []) parCle.set(cleColonne(a), c.nom);
}

export interface Entete {
  /** The header fields as written in the file (copied into the rejects file). */
  champs: string[];
  /** Known column name -> position in the row; absent columns are not in the map. */
  positions: Map<string, number>;
  /** Positions of unnamed columns (a trailing separator): a value there is refused, never dropped. */
  sansNom: number[];
  /** Position of a `motif_rejet` column (corrected rejects file imported again), or -1. */
  motifRejet: number;
}

/** Reads the header row. Throws `import_invalide` with the reason in French: nothing is imported. */
export function analyserEntete(champs: string[]): Entete {
  const positions = new Map<string, number>();
  const sansNom: number[] = [];
  const inconnues: string[] = [];
  let motifRejet = -1;
  champs.forEach((brut, i) => {
    const cle = cleColonne(brut);
    if (!cle) {
      sansNom.push(i);
      return;
    }
    if (cle === cleColonne(COLONNE_MOTIF_REJET)) {
      motifRejet = i;
      return;
    }
    const nom = parCle.get(cle);
    if (!nom) {
      inconnues.push(`« ${brut.trim().slice(0, 60)} » (colonne ${i + 1})`);
      return;
    }
    if (positions.has(nom))
      throw erreurs.importInvalide(
        `La colonne « ${nom} » figure deux fois dans la ligne d’en-tête (colonnes ${positions.get(nom)! + 1} et ${i + 1}).`,
      );
    positions.set(nom, i);
  });
  if (inconnues.length)
    throw erreurs.importInvalide(
      `Colonne${inconnues.length > 1 ? 's' : ''} inconnue${inconnues.length > 1 ? 's' : ''} : ${inconnues.join(', ')}. ` +
        'Renommez-les selon le format d’import (section « Importer des actes depuis un fichier CSV » du README) ou supprimez-les : aucune donnée n’est ignorée en silence.',
    );
  const manquantes = COLONNES_OBLIGATOIRES.filter((c) => !positions.has(c));
  if (manquantes.length)
    throw erreurs.importInvalide(
      `La ligne d’en-tête doit contenir les colonnes ${COLONNES_OBLIGATOIRES.join(', ')} ; il manque : ${manquantes.join(', ')}.`,
    );
  return { champs, positions, sansNom, motifRejet };
}

import { memoiser } from '../../../shared/memo-borne';
import { mots } from '../../../shared/domain/normalisation';

/**
 * Normalised words of a name, remembered: a register writes the same few thousand names
 * again and again, and normalising (Unicode decomposition plus a dozen replacements) is the
 * most expensive step of indexing an act.
 */
const TAILLE_MAXIMALE = 100_000;

/** Same as `mots()` of normalisation.ts, remembered. Do not mutate the returned array. */
export const motsMemo: (texte: string) => readonly string[] = memoiser(TAILLE_MAXIMALE, mots);

const APRES_APOSTROPHE = /(?:^|[\s-])\p{L}{1,2}['’‘`´ʼ](\p{L}[\p{L}\p{M}]+)/gu;

/**
 * The words under which a surname is searchable: its normalised words, plus
 * - the whole name joined when it has several words ("de La Fontaine" -> "delafontaine",
 *   "Le Gall" -> "legall"), so that a name written in one word finds it and back;
 * - the part after an elided particle ("D'Almeida" -> "almeida", "N'Diaye" -> "diaye"):
 *   the normalisation keeps "dalmeida" (registers write "DALMEIDA" too), and people also
 *   type the name without its particle.
 */
export const motsDeNom: (nom: string) => readonly string[] = memoiser(TAILLE_MAXIMALE, (nom: string) => {
  const base = mots(nom);
  const tous = [...base];
  if (base.length > 1) tous.push(base.join(''));
  for (const m of nom.matchAll(APRES_APOSTROPHE)) {
    for (const mot of mots(m[1])) if (!tous.includes(mot)) tous.push(mot);
  }
  return tous;
});

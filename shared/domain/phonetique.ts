import phonex from 'talisman/phonetics/french/phonex.js';

/**
 * French phonetic key of ONE normalised word (see normalisation.ts): two spellings of a name
 * that sound alike share the key, so that a search for "Lefèvre" finds "LEFEBVRE".
 *
 * Why Phonex (talisman): measured on the variants registers are full of (Lefebvre/Lefèvre/
 * Lefeuvre, Dupont/Dupond, Meyer/Mayer/Maier, Rousseau/Rousseaux, Thomas/Tomas,
 * Philippe/Filipe, Catherine/Katherine), Phonex groups all of them, whereas Sonnex, Fonem
 * and "phonetic" each split two or three groups. On faker's French first and last names it
 * also merges few distinct names (79 words of 1,041 share a key with another, against 189 for
 * "phonetic"): the phonetic matches stay few and meaningful.
 *
 * One adjustment on top of Phonex: an initial "h" is silent in French (Henri / Enri), while
 * Phonex keeps it; it is dropped before coding ("ch", "ph", "sh" are kept).
 *
 * Pure: used by the register's search and by request matching, in both processes.
 */
export function clePhonetique(motNormalise: string): string {
  if (!/[a-z]/.test(motNormalise)) return '';
  const sansHMuet = /^h[^h]/.test(motNormalise) ? motNormalise.slice(1) : motNormalise;
  return phonex(sansHMuet);
}

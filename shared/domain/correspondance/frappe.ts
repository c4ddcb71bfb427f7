import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein.js';

/**
 * Shortest text on which one edit is read as a typing slip. Below it, one letter is most of
 * the word and usually makes another name (Léa / Léo, Luc / Lou): that is a different value.
 */
const LONGUEUR_MIN_FRAPPE = 4;

/**
 * True when `a` and `b` differ by exactly one typing slip: a character added, missing or
 * changed, or two neighbours swapped (restricted Damerau-Levenshtein distance 1, talisman).
 * Both texts are compared as given: callers pass normalised forms.
 */
export function uneFauteDeFrappe(a: string, b: string, longueurMin = LONGUEUR_MIN_FRAPPE): boolean {
  if (a === b) return false;
  if (Math.min(a.length, b.length) < longueurMin) return false;
  return damerauLevenshtein.limited(1, a, b) === 1;
}

/**
 * One-letter deletions of a word ("dupont" -> "upont", "dpont", "duont", ...): two words at
 * Damerau-Levenshtein distance 1 (one letter added, removed, replaced, or two neighbours
 * swapped: "Dupnot" / "Dupont") always share a deletion or one is a deletion of the other.
 * Storing each vocabulary word's deletions turns typo lookup into a few indexed equality
 * lookups (the "symmetric delete" method of SymSpell), with no scan of the vocabulary.
 */
export const LONGUEUR_MINIMALE_TYPO = 4;

export function suppressionsUneLettre(mot: string): string[] {
  const resultat = new Set<string>();
  for (let i = 0; i < mot.length; i++) resultat.add(mot.slice(0, i) + mot.slice(i + 1));
  return [...resultat];
}

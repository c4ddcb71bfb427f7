/**
 * Writes the FTS5 MATCH expression: every group must match (AND), a group matches when any of
 * its words does (OR). Words come from the normalisation or from the index's own tokens
 * ([a-z0-9] only), and are quoted anyway so that no word can be read as an operator.
 */
export interface GroupeFts {
  mots: readonly string[];
  /** Token prefixes (a date being typed): `"j1203"*`. */
  prefixes?: readonly string[];
}

export function expressionFts(groupes: readonly GroupeFts[]): string | null {
  const parties: string[] = [];
  for (const g of groupes) {
    const elements = [...g.mots.map((m) => `"${m}"`), ...(g.prefixes ?? []).map((p) => `"${p}"*`)];
    if (elements.length === 0) return null; // a group that can match nothing: no act matches
    parties.push(elements.length === 1 ? elements[0] : `(${elements.join(' OR ')})`);
  }
  return parties.length ? parties.join(' AND ') : null;
}

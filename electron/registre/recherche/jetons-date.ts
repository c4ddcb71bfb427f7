/**
 * How dates are written in the search index: three tokens per date, one per precision a
 * user may type. "12/03/1987" -> `j12031987`, "03/1987" -> `m198703`, "1987" -> `y1987`.
 * The day token starts with day and month, so that "12/03" (any year) and a date being typed
 * ("12/03/19") are prefixes of it.
 */
export function jetonsDate(iso: string): readonly string[] {
  let r = memo.get(iso);
  if (r === undefined) {
    const annee = iso.slice(0, 4);
    const mois = iso.slice(5, 7);
    const jour = iso.slice(8, 10);
    r = [`y${annee}`, `m${annee}${mois}`, `j${jour}${mois}${annee}`];
    // A register spans some 40,000 days: the memo stays small, and indexing reuses the arrays.
    if (memo.size >= 100_000) memo.clear();
    memo.set(iso, r);
  }
  return r;
}

const memo = new Map<string, readonly string[]>();

export function jetonAnnee(annee: number): string {
  return `y${annee}`;
}

export function jetonMois(annee: number, mois: number): string {
  return `m${annee}${String(mois).padStart(2, '0')}`;
}

export function jetonJour(annee: number, mois: number, jour: number): string {
  return `j${String(jour).padStart(2, '0')}${String(mois).padStart(2, '0')}${annee}`;
}

/** Prefix of day tokens for a date typed partially: day, day and month, or more. */
export function prefixeJour(jour: number, mois?: number, debutAnnee = ''): string {
  return `j${String(jour).padStart(2, '0')}${mois === undefined ? '' : String(mois).padStart(2, '0')}${debutAnnee}`;
}

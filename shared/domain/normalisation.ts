/**
 * THE normalisation of names and places: search, matching, import and the sandbox platform
 * all use this one, so that a name found by one is found by the others.
 *
 * - case, accents and ligatures are folded (É -> e, Œ -> oe, ß -> ss);
 * - apostrophes are removed without a space: N'Diaye -> ndiaye, D'Artagnan -> dartagnan
 *   (registers write "NDIAYE" as often as "N'DIAYE");
 * - hyphens, dots, commas and any other punctuation separate words: Marie-Hélène -> marie helene;
 * - spaces are collapsed.
 */
export function normaliser(texte: string): string {
  return texte
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalised words of a text ("Marie-Hélène N'Diaye" -> ["marie", "helene", "ndiaye"]). */
export function mots(texte: string): string[] {
  const n = normaliser(texte);
  return n ? n.split(' ') : [];
}

/**
 * Normalised text without its spaces: spellings that differ only by spacing or hyphens
 * compare equal ("LE GALL" / "Legall", "Jean-Pierre" / "Jean Pierre" -> "legall", "jeanpierre").
 * Request matching compares names with it.
 */
export function normaliserCompact(texte: string): string {
  return normaliser(texte).replace(/ /g, '');
}

/**
 * Accents removed, everything else kept (case, punctuation): "Hélène" -> "Helene". For making
 * labels and typed-without-accents forms; comparing names is `normaliser`'s job, never this.
 */
export function sansAccents(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

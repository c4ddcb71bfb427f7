// A message, a log line or a quarantine reason may quote what came from outside (a name, a
// namespace, a reference), but never more than a short excerpt, and never in a form that can act
// on a terminal or forge a line: control characters, line and paragraph separators, bidi
// overrides and lone surrogates are written as \u{…}; long inputs are cut and their length said.

/** Default length of a quoted excerpt, in characters (code points). */
export const LONGUEUR_CITATION = 40;

// C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides and isolates,
// zero-width characters, BOM, non-characters U+FFFE/U+FFFF, lone surrogates.
const A_ECHAPPER =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

function echapper(texte: string): string {
  return texte.replace(A_ECHAPPER, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/**
 * A short, escaped excerpt of an untrusted value, safe to put in a French message:
 * `citer('ND\u0000IAYE')` gives `ND\u{0}IAYE`; a long value gives its first characters, `…` and
 * its length.
 */
export function citer(valeur: unknown, max = LONGUEUR_CITATION): string {
  const texte = typeof valeur === 'string' ? valeur : String(valeur);
  const points = Array.from(texte);
  if (points.length <= max) return echapper(texte);
  return `${echapper(points.slice(0, max).join(''))}… (${points.length} caractères)`;
}

/**
 * Which characters a document may carry, as one rule for the raw text, the character references
 * and the parsed values. Pure: the reader, the pre-scan and the signature room share it.
 */

/**
 * XML 1.0 `Char` (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF) minus the
 * control characters no civil-status field ever holds: DEL and the C1 block (U+007F–U+009F) are
 * legal XML 1.0 but act on terminals, and XML 1.1 would even allow C0 ones.
 */
export function caractereAdmis(point: number): boolean {
  if (point === 0x9 || point === 0xa || point === 0xd) return true;
  if (point < 0x20) return false;
  if (point >= 0x7f && point <= 0x9f) return false;
  if (point <= 0xd7ff) return true;
  if (point < 0xe000) return false;
  if (point <= 0xfffd) return true;
  return point >= 0x10000 && point <= 0x10ffff;
}

// Same rule as a regular expression over UTF-16 text: a lone surrogate is refused as well.
const NON_ADMIS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character of `texte` that `caractereAdmis` refuses, or null. */
export function premierCaractereRefuse(texte: string): { point: number; position: number } | null {
  const m = NON_ADMIS.exec(texte);
  return m ? { point: m[0].codePointAt(0)!, position: m.index } : null;
}

/** `U+001B`: how a refused character is named in a message (never the character itself). */
export function nommerCaractere(point: number): string {
  return `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a parsed value cannot be a field, or null: every value must satisfy `caractereAdmis`
 * (references included: `&#0;` is refused here too, should a parser ever let it through), and an
 * attribute, always a one-line token (code, date, name of a commune), holds no tab or line break.
 */
export function raisonValeurRefusee(valeur: string, attribut: boolean): string | null {
  const refuse = premierCaractereRefuse(valeur);
  if (refuse) return `caractère interdit (${nommerCaractere(refuse.point)})`;
  if (attribut) {
    const m = /[\t\n\r]/.exec(valeur);
    if (m) return `caractère de contrôle interdit dans un attribut (${nommerCaractere(m[0].charCodeAt(0))})`;
  }
  return null;
}

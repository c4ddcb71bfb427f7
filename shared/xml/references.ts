import { citer } from '../citation';
import { caractereAdmis, nommerCaractere } from './caracteres';

/**
 * Character and entity references (`&#x41;`, `&#65;`, `&amp;`), read without a regex and
 * without reading further than a short bound: a reference is at most `&#x` + 8 digits + `;`.
 * No DTD is ever accepted, so only the five predefined entities exist.
 */

const PREDEFINIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const CHIFFRES_MAX = 8;

export type RefusReference = { motif: 'xml_mal_forme' | 'encodage_invalide'; raison: string };

/** Reads the reference at `texte[debut] === '&'`: the index after its `;`, or why it is refused. */
export function lireReference(texte: string, debut: number, longueurNom: number): number | RefusReference {
  if (texte.charCodeAt(debut + 1) === 0x23 /* # */) {
    const hexa = texte.charCodeAt(debut + 2) === 0x78; /* x */
    let i = debut + (hexa ? 3 : 2);
    const premier = i;
    let valeur = 0;
    for (; i < texte.length && i - premier <= CHIFFRES_MAX; i++) {
      const c = texte.charCodeAt(i);
      const chiffre =
        c >= 0x30 && c <= 0x39 ? c - 0x30 : hexa && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (chiffre < 0) break;
      valeur = valeur * (hexa ? 16 : 10) + chiffre;
    }
    const extrait = citer(texte.slice(debut, Math.min(i + 1, debut + 16)), 16);
    if (i === premier || texte.charCodeAt(i) !== 0x3b /* ; */) {
      return { motif: 'xml_mal_forme', raison: `référence de caractère mal écrite (« ${extrait} »)` };
    }
    if (!caractereAdmis(valeur)) {
      const nom = valeur > 0x10ffff ? 'hors d’Unicode' : nommerCaractere(valeur);
      return {
        motif: 'encodage_invalide',
        raison: `référence de caractère « ${extrait} » vers un caractère interdit (${nom})`,
      };
    }
    return i + 1;
  }
  let i = debut + 1;
  while (i < texte.length && i - debut <= longueurNom && texte.charCodeAt(i) !== 0x3b && !finDeNom(texte, i)) i++;
  const nom = texte.slice(debut + 1, i);
  if (texte.charCodeAt(i) !== 0x3b || nom.length === 0) {
    return { motif: 'xml_mal_forme', raison: '« & » seul : une esperluette s’écrit &amp;' };
  }
  if (!PREDEFINIES.has(nom)) {
    return {
      motif: 'xml_mal_forme',
      raison: `entité « ${citer(nom, 20)} » inconnue (seules &lt; &gt; &amp; &quot; &apos; existent)`,
    };
  }
  return i + 1;
}

/** Characters that end a name: XML whitespace and the markup delimiters. */
export function finDeNom(texte: string, i: number): boolean {
  const c = texte.charCodeAt(i);
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x2f /* / */ ||
    c === 0x3e /* > */ ||
    c === 0x3d /* = */ ||
    c === 0x3c /* < */ ||
    c === 0x26 /* & */ ||
    c === 0x22 /* " */ ||
    c === 0x27 /* ' */ ||
    c === 0x3b /* ; */ ||
    Number.isNaN(c)
  );
}

export function estBlanc(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

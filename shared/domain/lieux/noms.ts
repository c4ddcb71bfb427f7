import { normaliser } from '../normalisation';

/**
 * Keys of place names: two spellings of one name give one key. On top of `normaliser`
 * (case, accents, hyphens, apostrophes): the usual abbreviations ("St", "Ste", "s/") are
 * written out and spaces dropped, so "ST-ÉTIENNE", "Saint Etienne" and "Saint-Étienne" all give
 * "saintetienne", "Ste Foy les Lyon" and "Sainte-Foy-lès-Lyon" "saintefoyleslyon".
 */
const ABREVIATIONS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
  mt: 'mont',
};

const ARTICLE_EN_TETE = /^\s*(?:(?:le|la|les)\s+|l['’ʼ`]\s*)/i;

function mots(nom: string): string[] {
  return normaliser(nom.replace(/(^|[\s-])s\/\s*/gi, '$1 sur '))
    .split(' ')
    .filter(Boolean)
    .map((m) => ABREVIATIONS[m] ?? m);
}

export function cleNom(nom: string): string {
  return mots(nom).join('');
}

/** The key without a leading article: "Le Havre" and "Havre" give "havre". */
export function cleSansArticle(nom: string): string {
  return ARTICLE_EN_TETE.test(nom) ? cleNom(nom.replace(ARTICLE_EN_TETE, '')) : cleNom(nom);
}

export function commenceParUnArticle(nom: string): boolean {
  return ARTICLE_EN_TETE.test(nom);
}

/** "le", "la", "les", "l'" alone: an article written after the name, "Puy-en-Velay (Le)". */
export function estArticle(texte: string): boolean {
  return /^(le|la|les|l)$/.test(normaliser(texte));
}

/** "Puy-en-Velay" + "Le" -> "Le Puy-en-Velay"; "Isle-Adam" + "L'" -> "L'Isle-Adam". */
export function avecArticle(nom: string, article: string): string {
  const a = article.trim().replace(/['’ʼ`]$/, '');
  return /^l$/i.test(a) ? `${a}'${nom}` : `${a} ${nom}`;
}

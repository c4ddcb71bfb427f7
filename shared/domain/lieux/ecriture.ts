import { lireArrondissement, lireVille, villeParCle, type LectureVille } from './arrondissements';
import { avecArticle, cleNom, estArticle } from './noms';
import { estFrance, estPaysConnu } from './pays';

/**
 * A place as written, taken apart without the communes table: its name, and what was written
 * beside it (department, country, arrondissement, article). Reads:
 * - "Albi", "Albi (81)", "Albi 81", "Albi, Tarn", "Albi (France)";
 * - "Puy-en-Velay (Le)", "Puy-en-Velay, Le";
 * - "Casablanca (Maroc)", "Casablanca, Maroc", "Maroc - Casablanca", "Casablanca - Maroc";
 * - "Paris 20e", "Paris (20e)", "Paris, 20e arr.", "20e arrondissement de Paris";
 * - a code alone: "81004", "75020", "2A004".
 */
export interface LieuEcrit {
  /** The name, article put back in front ("Le Puy-en-Velay"). */
  nom: string;
  departement: string | null;
  /** A country written with the place (not France). */
  pays: string | null;
  /** Written beside the name, neither a department code, an article nor a known country: a department's name or an unlisted country. */
  precision: string | null;
  /** A code written instead of a name (INSEE or postal). */
  code: string | null;
  ville: LectureVille | null;
}

const CODE = /^(\d{5}|2[AB]\d{3})$/i;
const DEPARTEMENT = /^(\d{2}|2[AB]|97[1-8])$/i;

function vide(nom: string): LieuEcrit {
  return { nom, departement: null, pays: null, precision: null, code: null, ville: null };
}

/** Splits "name (x)", "name, x", "x - name" / "name - x" into the name and what stands beside it. */
function separer(t: string): { nom: string; autre: string | null; paysDAbord: boolean } {
  const parentheses = /^(.+?)\s*\(([^()]+)\)$/.exec(t);
  if (parentheses) return { nom: parentheses[1], autre: parentheses[2], paysDAbord: false };
  const virgule = t.lastIndexOf(',');
  if (virgule > 0) return { nom: t.slice(0, virgule), autre: t.slice(virgule + 1), paysDAbord: false };
  const tiret = /^(.+?)\s+[-–—/]\s+(.+)$/.exec(t);
  if (tiret) {
    // "Maroc - Casablanca": the country first, when it is the first part that is a country.
    if (estPaysConnu(tiret[1]) && !estPaysConnu(tiret[2])) return { nom: tiret[2], autre: tiret[1], paysDAbord: true };
    return { nom: tiret[1], autre: tiret[2], paysDAbord: false };
  }
  const departement = /^(.+?)\s+(\d{2}|2[AB]|97[1-8])$/i.exec(t);
  if (departement) return { nom: departement[1], autre: departement[2], paysDAbord: false };
  return { nom: t, autre: null, paysDAbord: false };
}

export function lireEcriture(texte: string): LieuEcrit {
  const t = texte.trim().replace(/\s+/g, ' ');
  if (CODE.test(t)) return { ...vide(t), code: t.toUpperCase() };
  const entier = lireVille(t);
  if (entier) return { ...vide(entier.ville.nom), departement: entier.ville.departement, ville: entier };
  const { nom: brut, autre } = separer(t);
  const nom = brut.trim();
  const a = autre?.trim() ?? '';
  if (!a) return vide(nom);
  if (estArticle(a)) return lireEcriture(avecArticle(nom, a));
  if (estFrance(a)) return lireEcriture(nom);
  const ville = lireVille(nom);
  if (ville) {
    // "Paris (20e)", "Lyon, 3e arrondissement", "Marseille (13)".
    if (DEPARTEMENT.test(a) && a.toUpperCase() === ville.ville.departement)
      return { ...vide(ville.ville.nom), departement: ville.ville.departement, ville };
    const n = ville.arrondissement === null ? lireArrondissement(a, villeParCle(ville.ville.cle)!) : null;
    if (n !== null)
      return { ...vide(ville.ville.nom), departement: ville.ville.departement, ville: { ...ville, arrondissement: n } };
  }
  // What remains may still carry an article: "Puy-en-Velay (Le) (43)", "Havre (Le), Seine-Maritime".
  const interieur = lireEcriture(nom);
  if (DEPARTEMENT.test(a)) return { ...interieur, departement: a.toUpperCase() };
  if (estPaysConnu(a)) return { ...vide(interieur.nom), pays: a };
  return { ...interieur, precision: a };
}

export { cleNom };

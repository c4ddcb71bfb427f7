import type { Lieu } from '../../../shared/domain/acte';
import { normaliser } from '../../../shared/domain/normalisation';
import { MemoBorne } from '../../../shared/memo-borne';
import { communeParCode, resoudreCommune } from '../communes';
import type { Signaler } from './valeurs';

/**
 * Places as exports write them: "Albi", "Albi (81)", an INSEE code ("81004"), or a place
 * abroad "Casablanca, Maroc" / "Casablanca (Maroc)". French communes are resolved to their
 * INSEE code when the name is unambiguous; a name the official list does not know (a commune
 * merged long ago, a spelling of the time) is kept as written, without a code: the register
 * says what the act says.
 *
 * Resolution scans the list of communes, so results are cached: a register names the same
 * few hundred places again and again. The cache is bounded (MemoBorne) to keep memory flat on huge files.
 */
const TAILLE_CACHE = 20_000;
const CODE_INSEE = /^(\d{5}|2[AB]\d{3})$/i;
const DEPARTEMENT = /^(\d{2,3}|2[AB])$/i;

export class LecteurLieux {
  private readonly cache = new MemoBorne<string, Lieu | string>(TAILLE_CACHE);

  /** The place, null when the cell is empty; a reason is reported when the text cannot be a place. */
  lire(texte: string, colonne: string, signaler: Signaler): Lieu | null {
    const t = texte.trim();
    if (!t) return null;
    const r = this.cache.obtenir(t, analyserLieu);
    if (typeof r === 'string') {
      signaler(colonne, r);
      return null;
    }
    // A copy: acts must not share a mutable object.
    return { commune: r.commune, codeInsee: r.codeInsee, departement: r.departement, pays: r.pays };
  }
}

/** A place, or the reason why the text cannot be read as one. */
export function analyserLieu(texte: string): Lieu | string {
  const t = texte.trim().replace(/\s+/g, ' ');
  if (t.length > 200) return 'lieu trop long (200 caractères au plus)';
  if (CODE_INSEE.test(t)) {
    const c = communeParCode(t);
    return c
      ? { commune: c.nom, codeInsee: c.codeInsee, departement: c.departement, pays: null }
      : `code INSEE « ${t} » inconnu`;
  }
  // "Ville (81)" or "Ville (Pays)"
  const parentheses = /^(.+?)\s*\(([^()]+)\)$/.exec(t);
  if (parentheses) {
    const [, nom, precision] = parentheses;
    if (DEPARTEMENT.test(precision.trim())) return communeFrancaise(nom, t, precision.trim().toUpperCase());
    return etranger(nom, precision);
  }
  // "Ville, Pays"
  const virgule = t.lastIndexOf(',');
  if (virgule > 0) {
    const nom = t.slice(0, virgule);
    const pays = t.slice(virgule + 1);
    if (normaliser(pays) === 'france') return communeFrancaise(nom, nom, null);
    return etranger(nom, pays);
  }
  return communeFrancaise(t, t, null);
}

function communeFrancaise(nom: string, texteComplet: string, departement: string | null): Lieu {
  const c = resoudreCommune(texteComplet.trim());
  if (c) return { commune: c.nom, codeInsee: c.codeInsee, departement: c.departement, pays: null };
  return { commune: nom.trim(), codeInsee: null, departement, pays: null };
}

function etranger(nom: string, pays: string): Lieu | string {
  const n = nom.trim();
  const p = pays.trim();
  if (!n || !p) return `lieu « ${`${n} ${p}`.trim()} » incomplet (ville, pays)`;
  if (p.length > 100) return 'nom de pays trop long';
  return { commune: n, codeInsee: null, departement: null, pays: p };
}

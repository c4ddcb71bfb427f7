import type { Lieu } from '../../../shared/domain/acte';
import { communeDesignee, lireEcriture, normaliserLieu } from '../../../shared/domain/lieux';
import { MemoBorne } from '../../../shared/memo-borne';
import { indexCommunes } from '../communes';
import type { Signaler } from './valeurs';

/**
 * Places as exports write them, read by THE place normaliser (shared/domain/lieux), the one
 * matching and search read them with: "Albi", "Albi (81)", "Paris 20e", "Paris (XXe)",
 * "Puy-en-Velay (Le)", "St-Étienne", a code ("81004" INSEE, "75020" postal), a former commune
 * ("Cherbourg-Octeville"), or a place abroad "Casablanca, Maroc" / "Maroc - Casablanca".
 * The name is kept as written (only a department or a country written beside it goes to its
 * own field); the INSEE code is added when the place designates one commune (or one current
 * commune among namesakes). A code alone is replaced by the commune's name, a code being no
 * name to show. A place the official list does not know (a commune merged long ago, a spelling
 * of the time) is kept as written, without a code: the register says what the act says.
 *
 * Results are cached: a register names the same few hundred places again and again. The
 * cache is bounded (MemoBorne) to keep memory flat on huge files.
 */
const TAILLE_CACHE = 20_000;
const CODE = /^(\d{5}|2[AB]\d{3})$/i;

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
  const index = indexCommunes();
  if (CODE.test(t)) {
    // An export's code column holds INSEE codes: one of those first, then a postal code.
    const insee = index.parCode(t).find((c) => c.type !== 'arrondissement' && c.type !== 'deleguee');
    const c = insee ?? communeDesignee(normaliserLieu(t, index).communes);
    return c
      ? { commune: c.nom, codeInsee: c.code, departement: c.departement, pays: null }
      : `code INSEE « ${t} » inconnu`;
  }
  const ecrit = lireEcriture(t);
  const lu = normaliserLieu(t, index);
  if (lu.pays) return etranger(ecrit.nom, ecrit.pays ?? ecrit.precision ?? '');
  // Only what went to a field of its own is taken off the name: "Albi (81)" -> "Albi", 81.
  const nom = sansDepartement(sansFrance(t), ecrit.departement);
  const c = communeDesignee(lu.communes);
  if (c) return { commune: nom, codeInsee: c.code, departement: c.departement, pays: null };
  return { commune: nom, codeInsee: null, departement: lu.departement, pays: null };
}

/** "Albi (81)", "Albi, 81", "Albi 81" -> "Albi" when 81 is the department read; "Paris (20)" stays (an arrondissement). */
function sansDepartement(t: string, departement: string | null): string {
  const m = /^(.+?)\s*(?:\(\s*(\d{2,3}|2[AB])\s*\)|[,\-–—]\s*(\d{2,3}|2[AB])|\s(\d{2,3}|2[AB]))$/i.exec(t);
  const ecrit = m && (m[2] ?? m[3] ?? m[4]).toUpperCase();
  return m && departement && ecrit === departement ? m[1] : t;
}

/** "Toulouse, France" -> "Toulouse". */
function sansFrance(t: string): string {
  const m = /^(.+?)\s*(?:,\s*|\(\s*|\s[-–—]\s)france\s*\)?$/i.exec(t);
  return m ? m[1] : t;
}

function etranger(nom: string, pays: string): Lieu | string {
  const n = nom.trim();
  const p = pays.trim();
  if (!n || !p) return `lieu « ${`${n} ${p}`.trim()} » incomplet (ville, pays)`;
  if (p.length > 100) return 'nom de pays trop long';
  return { commune: n, codeInsee: null, departement: null, pays: p };
}

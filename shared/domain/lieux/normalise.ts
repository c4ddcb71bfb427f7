import type { Lieu } from '../acte';
import { MemoBorne } from '../../memo-borne';
import { communeArrondissement, communesDuCodeVille, communeVille } from './arrondissements';
import type { CommuneIndexee, IndexCommunes } from './communes';
import { lireEcriture, type LieuEcrit } from './ecriture';
import { cleNom, cleSansArticle } from './noms';
import { clePays, estFrance } from './pays';

/**
 * THE reading of a place, for import, the act editor, request matching and search: two
 * spellings of one place give the same communes, so they compare equal everywhere. What the
 * officer wrote is never replaced: callers keep their text and compare through this.
 */
export interface LieuNormalise {
  vide: boolean;
  /** Country key (`clePays`); null: France. */
  pays: string | null;
  /** Key of the name as written (`cleNom`), and without its article. */
  cle: string;
  cleSansArticle: string;
  departement: string | null;
  /**
   * The communes the text can designate (an arrondissement, a commune, a former commune):
   * one when it is known and unambiguous, several for a name many communes bear ("Saint-Denis"),
   * none when it is unknown, abroad, or no communes table was given.
   */
  communes: readonly CommuneIndexee[];
}

const VIDE: LieuNormalise = { vide: true, pays: null, cle: '', cleSansArticle: '', departement: null, communes: [] };

function unique(liste: readonly CommuneIndexee[]): CommuneIndexee[] {
  const vus = new Set<string>();
  return liste.filter((c) => {
    const k = `${c.code}/${c.type}`;
    if (vus.has(k)) return false;
    vus.add(k);
    return true;
  });
}

/**
 * A commune nouvelle and its chief delegated commune share their code (Cherbourg-en-Cotentin
 * and Cherbourg-Octeville, 50129): the name written with the code tells which; a code alone
 * designates the commune of today.
 */
function parNomSousUnCode(liste: CommuneIndexee[], cle: string, sansArticle: string): CommuneIndexee[] {
  const parCode = new Map<string, CommuneIndexee[]>();
  for (const c of liste) parCode.set(c.code, [...(parCode.get(c.code) ?? []), c]);
  return [...parCode.values()].flatMap((memes) => {
    if (memes.length === 1) return memes;
    const nommee = memes.filter((c) => cleNom(c.nom) === cle || cleSansArticle(c.nom) === sansArticle);
    if (nommee.length) return nommee;
    return memes.filter((c) => c.type === 'actuelle' || c.type === 'arrondissement');
  });
}

/** A code: a city or arrondissement of Paris, Lyon, Marseille, an INSEE code, else a postal code. */
function communesDuCode(code: string, index: IndexCommunes | undefined): CommuneIndexee[] {
  const villes = communesDuCodeVille(code);
  const insee = (index?.parCode(code) ?? []).filter((c) => c.type !== 'arrondissement');
  const trouvees = unique([...villes, ...insee]);
  if (trouvees.length) return trouvees;
  return unique((index?.parCodePostal(code) ?? []).filter((c) => c.type !== 'arrondissement'));
}

function communesDuNom(e: LieuEcrit, index: IndexCommunes | undefined): CommuneIndexee[] {
  if (e.ville) {
    const { ville, arrondissement } = e.ville;
    return [arrondissement === null ? communeVille(ville) : communeArrondissement(ville, arrondissement)];
  }
  if (!index) return [];
  const parNom = index.parNom(cleNom(e.nom));
  const liste = parNom.length ? parNom : index.parNom(cleSansArticle(e.nom));
  return e.departement ? liste.filter((c) => c.departement === e.departement) : [...liste];
}

function normaliserTexte(texte: string, index: IndexCommunes | undefined, precisions: Partial<Lieu>): LieuNormalise {
  const e = lireEcriture(texte);
  let departement = e.departement ?? precisions.departement?.toUpperCase() ?? null;
  let pays = e.pays ?? (precisions.pays && !estFrance(precisions.pays) ? precisions.pays : null);
  if (e.precision) {
    // "Saint-Denis (Réunion)", "Albi, Tarn": a department's name; otherwise a country.
    const dep = index?.departement(cleSansArticle(e.precision)) ?? index?.departement(cleNom(e.precision));
    if (dep) departement ??= dep;
    else pays ??= e.precision;
  }
  const base = { vide: false, cle: cleNom(e.nom), cleSansArticle: cleSansArticle(e.nom) };
  if (pays) return { ...base, pays: clePays(pays), departement: null, communes: [] };
  const parCodeSaisi = precisions.codeInsee
    ? parNomSousUnCode(communesDuCode(precisions.codeInsee, index), base.cle, base.cleSansArticle)
    : [];
  const communes = parCodeSaisi.length
    ? parCodeSaisi
    : e.code
      ? parNomSousUnCode(communesDuCode(e.code, index), '', '')
      : communesDuNom({ ...e, departement }, index);
  if (!departement && communes.length && communes.every((c) => c.departement === communes[0].departement))
    departement = communes[0].departement;
  // A code alone: its name is the commune's, to compare with a place written by name.
  const cles =
    e.code && communes.length === 1
      ? { cle: cleNom(communes[0].nom), cleSansArticle: cleSansArticle(communes[0].nom) }
      : {};
  return { ...base, ...cles, pays: null, departement, communes };
}

const SANS_INDEX = {};
const memos = new WeakMap<object, MemoBorne<string, LieuNormalise>>();

/**
 * The place normalised. `lieu` is a register's or a request's place (its INSEE code, when
 * given, decides) or a text as written. Results are remembered per communes table: registers
 * and requests name the same few hundred places again and again.
 */
export function normaliserLieu(lieu: Lieu | string | null | undefined, index?: IndexCommunes): LieuNormalise {
  if (!lieu) return VIDE;
  const l: Partial<Lieu> & { commune: string } = typeof lieu === 'string' ? { commune: lieu } : lieu;
  if (!l.commune.trim() && !l.codeInsee) return VIDE;
  const cle = `${l.commune}\u0000${l.codeInsee ?? ''}\u0000${l.departement ?? ''}\u0000${l.pays ?? ''}`;
  const porteur = index ?? SANS_INDEX;
  let memo = memos.get(porteur);
  if (!memo) memos.set(porteur, (memo = new MemoBorne(20_000)));
  return memo.obtenir(cle, () => normaliserTexte(l.commune || l.codeInsee || '', index, l));
}

/**
 * How two places relate:
 * - `meme`: the same place (same commune or arrondissement, or a former commune and the
 *   commune nouvelle it is now part of: `fusion`);
 * - `englobe`: one contains the other, the city written without its arrondissement ("Paris"
 *   and "Paris 20e"): compatible, not identical;
 * - `different`; `inconnu`: one is missing.
 */
export interface RelationLieux {
  relation: 'meme' | 'englobe' | 'different' | 'inconnu';
  fusion: boolean;
}

const RANG = { meme: 2, englobe: 1, different: 0, inconnu: -1 } as const;

function relationCommunes(x: CommuneIndexee, y: CommuneIndexee): RelationLieux {
  if (x.code === y.code) return { relation: 'meme', fusion: x.type !== y.type && cleNom(x.nom) !== cleNom(y.nom) };
  if (x.type === 'arrondissement' && x.parent === y.code) return { relation: 'englobe', fusion: false };
  if (y.type === 'arrondissement' && y.parent === x.code) return { relation: 'englobe', fusion: false };
  const ancienne = (a: CommuneIndexee, b: CommuneIndexee) =>
    (a.type === 'deleguee' || a.type === 'associee') && a.parent === b.code && b.type === 'actuelle';
  if (ancienne(x, y) || ancienne(y, x)) return { relation: 'meme', fusion: true };
  return { relation: 'different', fusion: false };
}

export function comparerLieux(a: LieuNormalise, b: LieuNormalise): RelationLieux {
  if (a.vide || b.vide) return { relation: 'inconnu', fusion: false };
  if (a.pays !== b.pays) return { relation: 'different', fusion: false };
  if (a.departement && b.departement && a.departement !== b.departement)
    return { relation: 'different', fusion: false };
  if (a.communes.length && b.communes.length) {
    let meilleure: RelationLieux = { relation: 'different', fusion: false };
    for (const x of a.communes)
      for (const y of b.communes) {
        const r = relationCommunes(x, y);
        if (RANG[r.relation] > RANG[meilleure.relation] || (r.relation === meilleure.relation && !r.fusion))
          meilleure = r;
      }
    return meilleure;
  }
  // One side (or both) not in the table: abroad, an old name, a spelling of the time. The names decide.
  const noms = (l: LieuNormalise) =>
    l.communes.length ? l.communes.flatMap((c) => [cleNom(c.nom), cleSansArticle(c.nom)]) : [l.cle, l.cleSansArticle];
  const nomsB = new Set(noms(b));
  const meme = noms(a).some((n) => n && nomsB.has(n));
  return { relation: meme ? 'meme' : 'different', fusion: false };
}

/** Both places designate the same place (or one contains the other when `englobe` is accepted). */
export function memeLieu(
  a: Lieu | string | null | undefined,
  b: Lieu | string | null | undefined,
  index?: IndexCommunes,
): boolean {
  return comparerLieux(normaliserLieu(a, index), normaliserLieu(b, index)).relation === 'meme';
}

import type { Lieu } from '../../../shared/domain/acte';
import { normaliserLieu, type CommuneIndexee, type LieuNormalise } from '../../../shared/domain/lieux';
import { indexCommunes } from '../communes';
import type { GroupeFts } from './expression-fts';

/**
 * How places are written in the search index, through THE place normaliser (shared/domain/
 * lieux), so that an act is found by any spelling of its place ("Paris 20e", "Paris XXe",
 * "75020", "75120"; "Puy-en-Velay (Le)"; a former commune or its commune nouvelle):
 * - a commune or arrondissement the INSEE's list knows: `l<code>` (`l75120`), and
 *   `lp<code of what contains it>` (`lp75056`: the city of an arrondissement, the commune
 *   nouvelle of a former commune);
 * - a French name the list does not know: `ln<name key>`; abroad: `le<country key><name key>`.
 * A search for a city or a commune nouvelle asks for `l<code>` or `lp<code>`: it finds its
 * arrondissements and former communes too; a search for an arrondissement asks for it alone.
 */
const MAX_COMMUNES = 24;

function lire(lieu: Lieu | string): LieuNormalise {
  return normaliserLieu(lieu, indexCommunes());
}

// The normaliser gives one object per spelling (memoised): the tokens are remembered with it.
const dejaEcrits = new WeakMap<LieuNormalise, readonly string[]>();

/** The act's tokens for one place (not to be mutated: shared between acts). */
export function jetonsLieu(lieu: Lieu | null | undefined): readonly string[] {
  if (!lieu) return [];
  const n = lire(lieu);
  let jetons = dejaEcrits.get(n);
  if (!jetons) dejaEcrits.set(n, (jetons = ecrire(n)));
  return jetons;
}

function ecrire(n: LieuNormalise): string[] {
  if (n.vide) return [];
  if (n.pays) return n.cle ? [`le${n.pays}${n.cle}`] : [];
  if (n.communes.length === 0) return n.cleSansArticle ? [`ln${n.cleSansArticle}`] : [];
  const jetons: string[] = [];
  for (const c of n.communes.slice(0, MAX_COMMUNES)) {
    jetons.push(`l${c.code.toLowerCase()}`);
    if (c.parent) jetons.push(`lp${c.parent.toLowerCase()}`);
  }
  return jetons;
}

function jetonsRecherches(c: CommuneIndexee): string[] {
  const code = c.code.toLowerCase();
  if (c.type === 'arrondissement') return [`l${code}`];
  if (c.type === 'actuelle') return [`l${code}`, `lp${code}`];
  // A former commune: its own acts, and those written with its commune nouvelle's name.
  return c.parent ? [`l${code}`, `l${c.parent.toLowerCase()}`] : [`l${code}`];
}

/** The FTS group a place typed in the search box asks for; `prefixe`: its last word is being typed. */
export function groupeLieu(texte: string, prefixe: boolean): GroupeFts {
  const n = lire(texte);
  if (n.vide) return { mots: [] };
  if (n.pays) return { mots: n.cle ? [`le${n.pays}${n.cle}`] : [] };
  if (n.communes.length === 0) {
    const jeton = `ln${n.cleSansArticle}`;
    return prefixe ? { mots: [], prefixes: [jeton] } : { mots: [jeton] };
  }
  const mots = new Set<string>();
  for (const c of n.communes.slice(0, MAX_COMMUNES)) for (const j of jetonsRecherches(c)) mots.add(j);
  return { mots: [...mots] };
}

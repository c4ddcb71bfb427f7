import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { CommuneReference, VerificationLieuReponse } from '../../shared/contract/registre';
import type { Lieu } from '../../shared/domain/acte';
import {
  communeDesignee,
  construireIndexCommunes,
  normaliserLieu,
  verifierLieu,
  type CommuneIndexee,
  type EntreeCog,
  type IndexCommunes,
} from '../../shared/domain/lieux';
import { normaliser } from '../../shared/domain/normalisation';

/**
 * French communes and their INSEE codes, from @etalab/decoupage-administratif (the official
 * COG, shipped in the package: works offline). Current communes first, then delegated and
 * associated ones (old names still written in registers).
 */
interface CommuneCog {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
}

interface Entree extends CommuneReference {
  cle: string;
  rang: number;
  population: number;
}

let cache: { liste: Entree[]; parCode: Map<string, Entree> } | undefined;
let index: IndexCommunes | undefined;

/**
 * Read and parsed at each call, not `require`d: require keeps the parsed file (about 30 MB of
 * heap for the communes) for the life of the thread, while only the index built from it is
 * needed; the import's reading thread, with its capped heap, builds the index and lets the rest go.
 */
function lireCog<T>(fichier: 'communes' | 'departements'): T[] {
  const chemin = createRequire(import.meta.url).resolve(`@etalab/decoupage-administratif/data/${fichier}.json`);
  return JSON.parse(fs.readFileSync(chemin, 'utf8')) as T[];
}

/**
 * The communes table of the place normaliser (shared/domain/lieux), built once from the same
 * COG: current communes, arrondissements, delegated and associated communes, postal codes.
 */
export function indexCommunes(): IndexCommunes {
  index ??= construireIndexCommunes(
    lireCog<EntreeCog>('communes'),
    lireCog<{ code: string; nom: string }>('departements'),
  );
  return index;
}

function charger() {
  if (cache) return cache;
  const brutes = lireCog<CommuneCog>('communes');
  const rangs: Record<string, number> = {
    'commune-actuelle': 0,
    'arrondissement-municipal': 1,
    'commune-deleguee': 2,
    'commune-associee': 3,
  };
  const liste: Entree[] = brutes
    .filter((c) => c.departement && c.type in rangs)
    .map((c) => ({
      nom: c.nom,
      codeInsee: c.code,
      departement: c.departement!,
      codesPostaux: c.codesPostaux ?? [],
      cle: normaliser(c.nom),
      rang: rangs[c.type],
      population: c.population ?? 0,
    }));
  const parCode = new Map<string, Entree>();
  for (const e of liste) {
    const existante = parCode.get(e.codeInsee);
    if (!existante || e.rang < existante.rang) parCode.set(e.codeInsee, e);
  }
  cache = { liste, parCode };
  return cache;
}

function publique(e: Entree): CommuneReference {
  return { nom: e.nom, codeInsee: e.codeInsee, departement: e.departement, codesPostaux: e.codesPostaux };
}

export function communeParCode(code: string): CommuneReference | undefined {
  const e = charger().parCode.get(code.toUpperCase());
  return e && publique(e);
}

/**
 * Autocomplete: by name prefix (accent/case/hyphen-insensitive), by INSEE code or postal code.
 * "st" is read as "saint" because registers and people write both.
 */
export function rechercherCommunes(texte: string, limite = 10): CommuneReference[] {
  const { liste } = charger();
  const brut = texte.trim();
  if (!brut) return [];
  if (/^\d[\dAB]?\d{0,3}$/i.test(brut) && /\d/.test(brut)) {
    const code = brut.toUpperCase();
    return liste
      .filter((e) => e.codeInsee.startsWith(code) || e.codesPostaux.some((cp) => cp.startsWith(code)))
      .sort(ordre)
      .slice(0, limite)
      .map(publique);
  }
  const cle = normaliser(brut).replace(/^st /, 'saint ').replace(/^ste /, 'sainte ');
  const exactes: Entree[] = [];
  const prefixes: Entree[] = [];
  const contenant: Entree[] = [];
  for (const e of liste) {
    if (e.cle === cle) exactes.push(e);
    else if (e.cle.startsWith(cle)) prefixes.push(e);
    else if (cle.length >= 3 && e.cle.includes(' ' + cle)) contenant.push(e);
  }
  return [...exactes.sort(ordre), ...prefixes.sort(ordre), ...contenant.sort(ordre)].slice(0, limite).map(publique);
}

function ordre(a: Entree, b: Entree): number {
  return a.rang - b.rang || b.population - a.population || a.nom.localeCompare(b.nom, 'fr');
}

function reference(c: CommuneIndexee): CommuneReference {
  const e = charger().parCode.get(c.code);
  return { nom: c.nom, codeInsee: c.code, departement: c.departement, codesPostaux: e?.codesPostaux ?? [] };
}

/** The act editor's check of a typed place: which commune it designates, or why none (in French). */
export function verifierLieuSaisi(lieu: Lieu): VerificationLieuReponse {
  const v = verifierLieu(lieu, indexCommunes());
  return { etat: v.etat, message: v.message, communes: v.communes.map(reference) };
}

/**
 * A place as the officer typed it, with the INSEE code of the commune it designates added when
 * it had none ("Paris XXe" keeps its text and gets 75120): the text is never replaced.
 */
export function completerLieu<L extends Lieu | null>(lieu: L): L {
  if (!lieu || lieu.codeInsee || lieu.pays || !lieu.commune.trim()) return lieu;
  const c = communeDesignee(normaliserLieu(lieu, indexCommunes()).communes);
  return c ? { ...lieu, codeInsee: c.code, departement: lieu.departement ?? c.departement } : lieu;
}

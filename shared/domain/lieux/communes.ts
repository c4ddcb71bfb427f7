import { cleNom, cleSansArticle, commenceParUnArticle } from './noms';

/**
 * The table of French communes the place normaliser reads, injected by its caller: the data
 * (the INSEE's COG, from @etalab/decoupage-administratif) is loaded in electron/registre, and
 * shared/ stays pure. Without it, the normaliser still reads spellings (arrondissements of
 * Paris, Lyon and Marseille, articles, saints, countries) but resolves no name to a code.
 */
export type TypeCommune = 'actuelle' | 'arrondissement' | 'deleguee' | 'associee';

export interface CommuneIndexee {
  code: string;
  nom: string;
  departement: string;
  type: TypeCommune;
  /** The commune it belongs to: the commune nouvelle (déléguée, associée) or the city (arrondissement). */
  parent: string | null;
}

export interface IndexCommunes {
  /** Every commune bearing this INSEE code (a commune nouvelle and its chief delegated commune share one). */
  parCode(code: string): readonly CommuneIndexee[];
  /** Communes whose name has this key (`cleNom`), or this key without its article. */
  parNom(cle: string): readonly CommuneIndexee[];
  /** Communes served by this postal code. */
  parCodePostal(code: string): readonly CommuneIndexee[];
  /** A department's code from its name's key ("tarn" -> "81", "reunion" -> "974"). */
  departement(cle: string): string | undefined;
}

/** One row of the COG as the package ships it (the fields read here). */
export interface EntreeCog {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  chefLieu?: string;
  commune?: string;
  codesPostaux?: readonly string[];
}

const TYPES: Record<string, TypeCommune> = {
  'commune-actuelle': 'actuelle',
  'arrondissement-municipal': 'arrondissement',
  'commune-deleguee': 'deleguee',
  'commune-associee': 'associee',
};

function ajouter<V>(table: Map<string, V[]>, cle: string, valeur: V): void {
  const liste = table.get(cle);
  if (!liste) table.set(cle, [valeur]);
  else if (!liste.includes(valeur)) liste.push(valeur);
}

/** Builds the index from the COG's communes and departments (pure: the caller reads the files). */
export function construireIndexCommunes(
  entrees: readonly EntreeCog[],
  departements: readonly { code: string; nom: string }[],
): IndexCommunes {
  const codes = new Map<string, CommuneIndexee[]>();
  const noms = new Map<string, CommuneIndexee[]>();
  const sansArticle = new Map<string, CommuneIndexee[]>();
  const postaux = new Map<string, CommuneIndexee[]>();
  for (const e of entrees) {
    const type = TYPES[e.type];
    if (!type) continue;
    const c: CommuneIndexee = {
      code: e.code,
      nom: e.nom,
      departement: e.departement ?? e.code.slice(0, e.code.startsWith('97') ? 3 : 2),
      type,
      parent: type === 'arrondissement' ? (e.commune ?? null) : type === 'actuelle' ? null : (e.chefLieu ?? null),
    };
    ajouter(codes, c.code, c);
    for (const cp of e.codesPostaux ?? []) ajouter(postaux, cp, c);
    // Arrondissements are read by their own rules (arrondissements.ts), not by their long name.
    if (type === 'arrondissement') continue;
    const cle = cleNom(c.nom);
    ajouter(noms, cle, c);
    ajouter(sansArticle, commenceParUnArticle(c.nom) ? cleSansArticle(c.nom) : cle, c);
  }
  const deps = new Map<string, string>();
  for (const d of departements) {
    deps.set(cleNom(d.nom), d.code);
    deps.set(cleSansArticle(d.nom), d.code);
  }
  const vide: readonly CommuneIndexee[] = [];
  return {
    parCode: (code) => codes.get(code.toUpperCase()) ?? vide,
    parNom: (cle) => noms.get(cle) ?? sansArticle.get(cle) ?? vide,
    parCodePostal: (code) => postaux.get(code) ?? vide,
    departement: (cle) => deps.get(cle),
  };
}

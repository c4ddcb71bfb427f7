import { normaliser } from '../normalisation';
import type { CommuneIndexee } from './communes';

/**
 * Paris, Lyon and Marseille and their arrondissements municipaux, in every spelling the
 * State's pilot met ("Paris 20e", "Paris 20ème arr.", "Paris XXe", "Paris (20e)", "Paris 20",
 * "20e arrondissement de Paris", the postal code 75020, the INSEE code 75120). These codes are
 * fixed by law (the INSEE numbers arrondissements 75101-75120, 69381-69389, 13201-13216): they
 * are written here so that the normaliser reads them without the communes table.
 */
export interface VilleArrondissements {
  cle: string;
  nom: string;
  code: string;
  departement: string;
  nombre: number;
  /** INSEE code of arrondissement 1 minus 1. */
  baseInsee: number;
  /** Postal code of arrondissement 1 minus 1. */
  basePostale: number;
}

export const VILLES_ARRONDISSEMENTS: readonly VilleArrondissements[] = [
  { cle: 'paris', nom: 'Paris', code: '75056', departement: '75', nombre: 20, baseInsee: 75100, basePostale: 75000 },
  { cle: 'lyon', nom: 'Lyon', code: '69123', departement: '69', nombre: 9, baseInsee: 69380, basePostale: 69000 },
  {
    cle: 'marseille',
    nom: 'Marseille',
    code: '13055',
    departement: '13',
    nombre: 16,
    baseInsee: 13200,
    basePostale: 13000,
  },
];

export function villeParCle(cle: string): VilleArrondissements | undefined {
  return VILLES_ARRONDISSEMENTS.find((v) => v.cle === cle);
}

function ordinal(n: number): string {
  return n === 1 ? '1er' : `${n}e`;
}

/** The city itself, as a commune. */
export function communeVille(v: VilleArrondissements): CommuneIndexee {
  return { code: v.code, nom: v.nom, departement: v.departement, type: 'actuelle', parent: null };
}

/** Arrondissement `n` of the city, as a commune ("Paris 20e Arrondissement", 75120). */
export function communeArrondissement(v: VilleArrondissements, n: number): CommuneIndexee {
  return {
    code: String(v.baseInsee + n),
    nom: `${v.nom} ${ordinal(n)} Arrondissement`,
    departement: v.departement,
    type: 'arrondissement',
    parent: v.code,
  };
}

/** A 5-digit code of a city or one of its arrondissements: INSEE (75056, 75120) or postal (75020, 75116). */
export function communesDuCodeVille(code: string): CommuneIndexee[] {
  const n = Number(code);
  const trouvees: CommuneIndexee[] = [];
  for (const v of VILLES_ARRONDISSEMENTS) {
    if (code === v.code) trouvees.push(communeVille(v));
    const insee = n - v.baseInsee;
    if (insee >= 1 && insee <= v.nombre) trouvees.push(communeArrondissement(v, insee));
    const postal = n - v.basePostale;
    if (postal >= 1 && postal <= v.nombre) trouvees.push(communeArrondissement(v, postal));
    // Paris 16e has a second postal code, 75116 (also its INSEE code).
  }
  return trouvees;
}

const ROMAINS: Record<string, number> = { i: 1, v: 5, x: 10 };

function romain(s: string): number | null {
  if (!/^[ivx]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAINS[s[i]];
    const suivant = ROMAINS[s[i + 1]] ?? 0;
    total += v < suivant ? -v : v;
  }
  return total;
}

const MOT_ARRONDISSEMENT = '(?:arrondissements?|arrondis|arrond|arrdt|arrt|ardt|arr|ar)';

/**
 * An arrondissement's number as written after the city's name: "20", "20e", "20ème", "20eme
 * arr", "XXe", "1er", "Ier", "1ère". Null when the text is not one or is out of the city's range.
 */
export function lireArrondissement(texte: string, v: VilleArrondissements): number | null {
  const t = normaliser(texte)
    .replace(new RegExp(`\\b${MOT_ARRONDISSEMENT}\\b`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(\d{1,2}|[ivx]+)\s?(e|er|ere|eme|em|ieme|me|è)?$/.exec(t);
  if (!m) return null;
  const n = /\d/.test(m[1]) ? Number(m[1]) : romain(m[1]);
  return n !== null && n >= 1 && n <= v.nombre ? n : null;
}

export interface LectureVille {
  ville: VilleArrondissements;
  arrondissement: number | null;
}

/**
 * "Paris", "Paris 20e", "Paris XXe arr.", "20e arrondissement de Paris", "Paris 75" (its
 * department): the city and its arrondissement, or undefined when the text names something else.
 */
export function lireVille(texte: string): LectureVille | undefined {
  const n = normaliser(texte);
  const tete = /^(paris|lyon|marseille)(?: (.*))?$/.exec(n);
  if (tete) {
    const ville = villeParCle(tete[1])!;
    const reste = tete[2]?.trim() ?? '';
    if (!reste || reste === ville.departement) return { ville, arrondissement: null };
    const arrondissement = lireArrondissement(reste, ville);
    return arrondissement === null ? undefined : { ville, arrondissement };
  }
  const queue = /^(.*?) (?:de )?(paris|lyon|marseille)$/.exec(n);
  if (queue) {
    const ville = villeParCle(queue[2])!;
    const arrondissement = lireArrondissement(queue[1], ville);
    return arrondissement === null ? undefined : { ville, arrondissement };
  }
  return undefined;
}

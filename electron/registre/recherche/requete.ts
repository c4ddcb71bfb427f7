import type { TypeActe } from '../../../shared/domain/acte';
import { dateExiste } from '../../../shared/domain/dates';
import { mots, normaliser } from '../../../shared/domain/normalisation';
import { DERNIERE_ANNEE_REGISTRE } from '../../../shared/domain/validation';
import { jetonAnnee, jetonJour, jetonMois, prefixeJour } from './jetons-date';

/**
 * What the one search box understood. The text is split into terms; each term is:
 * - a date: "12/03/1987" (also 12.03.1987, 12-03-1987, 1987-03-12), "03/1987", "1987", or a
 *   day and month "12/03" (any year); or in words: "12 mars 1987", "1er mars 1987", "mars 1987",
 *   with the month abbreviated as officers write it: "12 févr. 1987", "janv 1987", "1er déc.";
 * - an act number in its register: "1987/42";
 * - an act type: naissance(s), mariage(s), décès / deces;
 * - a place, after "à" (or "a", "né à", "née à"): "Dupont à Paris 20e", "Martin né à St-Étienne
 *   1987", "à 75020": the words after it, dates and act types apart, are read by the place
 *   normaliser (recherche/jetons-lieu.ts), so any spelling of the act's place finds it;
 * - otherwise name words (surname, given names, parents' names), normalised like the index.
 * The last term is a prefix while the user types (no space after it yet).
 */
export interface TermeNom {
  mot: string;
  /** Last word of the text, not followed by a space: matches words starting with it. */
  prefixe: boolean;
  /** "de", "la", "le"...: optional when the query has other name words (see PARTICULES). */
  particule: boolean;
}

export interface TermeDate {
  /** FTS token (`y1987`, `m198703`, `j12031987`) or token prefix when `prefixe`. */
  jeton: string;
  prefixe: boolean;
}

export interface TermeLieu {
  /** The place as typed ("Paris XXe", "Maroc - Casablanca"). */
  texte: string;
  /** Its last word is being typed. */
  prefixe: boolean;
}

export interface RequeteAnalysee {
  noms: TermeNom[];
  dates: TermeDate[];
  lieu?: TermeLieu;
  type?: TypeActe;
  annee?: number;
  numero?: number;
}

/**
 * Particles of French (and neighbouring) surnames. Registers write "de La Fontaine",
 * "DELAFONTAINE" or "Lafontaine": the index also holds the joined name, and a query's
 * particles are not required (only preferred) so that "de la Fontaine" finds all three.
 */
export const PARTICULES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'd',
  'l',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'el',
  'al',
  'ben',
]);

const MOTS_TYPES: Record<string, TypeActe> = {
  naissance: 'naissance',
  naissances: 'naissance',
  mariage: 'mariage',
  mariages: 'mariage',
  deces: 'deces',
};

/** Name words taken from one query. */
export const MAX_MOTS = 12;
/** From this year to DERNIERE_ANNEE_REGISTRE, a number alone in a search is read as a year. */
const PREMIERE_ANNEE = 1500;

/** "à" (or "a" typed without its accent) starts the place; "né", "née" before it are dropped. */
const MARQUES_LIEU = new Set(['à', 'a']);
const NE = new Set(['ne', 'nee', 'nes', 'nees']);

export function analyserRequete(texte: string): RequeteAnalysee {
  const requete: RequeteAnalysee = { noms: [], dates: [] };
  let bruts = texte.split(/\s+/).filter(Boolean);
  const enCours = texte.length > 0 && !/\s$/.test(texte);
  // "Dupont à" with nothing after yet: the place is still to come, "à" is no name.
  if (bruts.length > 1 && MARQUES_LIEU.has(bruts[bruts.length - 1].toLowerCase())) bruts = bruts.slice(0, -1);
  const marque = bruts.findIndex((b, i) => i < bruts.length - 1 && MARQUES_LIEU.has(b.toLowerCase()));
  if (marque >= 0) {
    const lieu: string[] = [];
    bruts.slice(marque + 1).forEach((brut, i, reste) => {
      const dernier = enCours && i === reste.length - 1;
      // Dates and act types keep their meaning after the place; numbers, codes and words are the place's.
      if (/[/.-]\d/.test(brut) && /^[\d/.-]+$/.test(brut) && lireNombres(brut, dernier, requete)) return;
      if (/^\d{4}$/.test(brut) && anneePlausible(+brut) && lireNombres(brut, dernier, requete)) return;
      const type = MOTS_TYPES[normaliser(brut)];
      if (type) requete.type = type;
      else lieu.push(brut);
    });
    if (lieu.length) requete.lieu = { texte: lieu.join(' '), prefixe: enCours && !/^\d+$/.test(lieu[lieu.length - 1]) };
    bruts = bruts.slice(0, marque);
    while (bruts.length && NE.has(normaliser(bruts[bruts.length - 1]))) bruts.pop();
  }
  const enCoursNoms = enCours && marque < 0;
  const pris = lireDatesEnLettres(bruts, enCoursNoms, requete);
  bruts.forEach((brut, i) => {
    if (pris.has(i)) return;
    const dernier = enCoursNoms && i === bruts.length - 1;
    if (lireNombres(brut, dernier, requete)) return;
    const type = MOTS_TYPES[normaliser(brut)];
    if (type) {
      requete.type = type;
      return;
    }
    const morceaux = mots(brut);
    morceaux.forEach((mot, j) => {
      requete.noms.push({ mot, prefixe: dernier && j === morceaux.length - 1, particule: PARTICULES.has(mot) });
    });
  });
  // Particles are optional only beside a real name word: "de" alone is searched for.
  if (requete.noms.every((n) => n.particule)) for (const n of requete.noms) n.particule = false;
  // A pasted paragraph is not a search: its first words are enough to find the act, and the
  // FTS query stays small.
  if (requete.noms.length > MAX_MOTS) requete.noms = requete.noms.slice(0, MAX_MOTS);
  return requete;
}

const MOIS: Readonly<Record<string, number>> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

/**
 * Abbreviations officers write in margins and on request forms ("janv.", "févr", "fév.",
 * "juil.", "déc."...), normalised: accent, final dot and case do not matter. "mai", "juin" and
 * "août" are short enough never to be cut. Not "jan" nor "mar": Jan is a given name, and a
 * three-letter prefix of "mars" or "marie" is more often a name being typed.
 */
const MOIS_ABREGES: Readonly<Record<string, number>> = {
  janv: 1,
  fev: 2,
  fevr: 2,
  avr: 4,
  juil: 7,
  juill: 7,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Full name or abbreviation of a month ("mars", "Févr.", "DEC"), or undefined. */
function moisEcrit(brut: string): number | undefined {
  const mot = normaliser(brut);
  return MOIS[mot] ?? MOIS_ABREGES[mot];
}

/**
 * Dates written in words: "mars 1987", "12 mars 1987", "1er mars 1987", "12 mars", and the same
 * with an abbreviated month ("févr. 1987", "12 déc."). A month, full or abbreviated, is a date
 * only beside a day before it or a year after it: alone, "Mars", "Avril" or "Juillet" is a
 * name, and "Sept" a word. Returns the indexes of the terms read (the day, the month, the year).
 */
function lireDatesEnLettres(bruts: readonly string[], enCours: boolean, r: RequeteAnalysee): Set<number> {
  const pris = new Set<number>();
  bruts.forEach((brut, i) => {
    const mois = moisEcrit(brut);
    if (!mois) return;
    const jourEcrit = i > 0 && !pris.has(i - 1) ? /^(\d{1,2})(?:er)?$/i.exec(bruts[i - 1]) : null;
    const jour = jourEcrit && +jourEcrit[1] >= 1 && +jourEcrit[1] <= 31 ? +jourEcrit[1] : undefined;
    const suivant = bruts[i + 1];
    const annee = suivant && /^\d{4}$/.test(suivant) ? +suivant : undefined;
    // A year being typed ("mars 19"): read, no constraint yet.
    const anneeEnCours = suivant && enCours && i + 1 === bruts.length - 1 && /^\d{1,3}$/.test(suivant);
    if (jour === undefined && annee === undefined && !anneeEnCours) return;
    pris.add(i);
    if (jour !== undefined) pris.add(i - 1);
    if (annee !== undefined || anneeEnCours) pris.add(i + 1);
    if (annee !== undefined && jour !== undefined) {
      if (dateExiste(annee, mois, jour)) r.dates.push({ jeton: jetonJour(annee, mois, jour), prefixe: false });
    } else if (annee !== undefined) r.dates.push({ jeton: jetonMois(annee, mois), prefixe: false });
    else if (jour !== undefined) r.dates.push({ jeton: prefixeJour(jour, mois), prefixe: true });
  });
  return pris;
}

/** Dates and act numbers. Returns false when the term is not made of digits and separators. */
function lireNombres(brut: string, dernier: boolean, r: RequeteAnalysee): boolean {
  if (!/^[\d/.-]+$/.test(brut) || !/\d/.test(brut)) return false;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(brut))) {
    const [j, mo, a] = [+m[1], +m[2], +m[3]];
    if (dateExiste(a, mo, j)) r.dates.push({ jeton: jetonJour(a, mo, j), prefixe: false });
    return true;
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(brut))) {
    const [a, mo, j] = [+m[1], +m[2], +m[3]];
    if (dateExiste(a, mo, j)) r.dates.push({ jeton: jetonJour(a, mo, j), prefixe: false });
    return true;
  }
  if ((m = /^(\d{4})\/(\d{1,6})$/.exec(brut)) && anneePlausible(+m[1])) {
    r.annee = +m[1];
    r.numero = +m[2];
    return true;
  }
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(brut))) {
    const [mo, a] = [+m[1], +m[2]];
    if (mo >= 1 && mo <= 12) r.dates.push({ jeton: jetonMois(a, mo), prefixe: false });
    return true;
  }
  if ((m = /^\d{4}$/.exec(brut)) && anneePlausible(+brut)) {
    r.dates.push({ jeton: jetonAnnee(+brut), prefixe: false });
    return true;
  }
  // A day and month, complete ("12/03") or being typed ("12/03/19"): prefix of day tokens.
  if ((m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{0,3}))?$/.exec(brut))) {
    const [j, mo] = [+m[1], +m[2]];
    if (j >= 1 && j <= 31 && mo >= 1 && mo <= 12 && (m[3] === undefined || dernier)) {
      r.dates.push({ jeton: prefixeJour(j, mo, m[3] ?? ''), prefixe: true });
    }
    return true;
  }
  if (/^\d{1,6}$/.test(brut) && !dernier) {
    // A bare number: an act number (with a year elsewhere in the query, "1987 42"). While it
    // is being typed it may be the start of a date or a year: no constraint yet.
    r.numero = +brut;
    return true;
  }
  // Anything else made of digits ("12/", a date being typed): no constraint yet.
  return true;
}

function anneePlausible(a: number): boolean {
  return a >= PREMIERE_ANNEE && a <= DERNIERE_ANNEE_REGISTRE;
}

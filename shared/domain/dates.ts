import { fr } from 'date-fns/locale';

/**
 * Dates as the civil-status office types and writes them. Pure (no Node, no DOM): the
 * renderer's act editor, validation, import and extracts share it.
 *
 * The model stores ISO calendar dates (aaaa-mm-jj) as strings, never `Date` objects: an act's
 * date is a calendar day, not an instant, and a time zone must never move it by one day.
 * ISO strings also compare correctly with `<` and `>`, which validation relies on.
 */

export type ResultatDate = { ok: true; iso: string } | { ok: false; raison: string };

const MOTIFS: RegExp[] = [
  // jj/mm/aaaa, j/m/aaaa, jj.mm.aaaa, jj-mm-aaaa (spaces around separators tolerated)
  /^(?<j>\d{1,2})\s*([/.-])\s*(?<m>\d{1,2})\s*\2\s*(?<a>\d+)$/,
  // aaaa-mm-jj (ISO, what other software often exports)
  /^(?<a>\d{4})-(?<m>\d{1,2})-(?<j>\d{1,2})$/,
];

/** Digits of `texte` from `debut` to `fin` (excluded) as a number, or -1: no regex, no allocation. */
function chiffres(texte: string, debut: number, fin: number): number {
  let n = 0;
  for (let i = debut; i < fin; i++) {
    const c = texte.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function estBissextile(annee: number): boolean {
  return (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;
}

export function joursDansMois(annee: number, mois: number): number {
  if (mois === 2) return estBissextile(annee) ? 29 : 28;
  return mois === 4 || mois === 6 || mois === 9 || mois === 11 ? 30 : 31;
}

/** French month name ("mars"), from date-fns' French locale. */
export function nomMois(mois: number): string {
  return fr.localize.month((mois - 1) as 0, { width: 'wide' });
}

/**
 * Whether this day is in the (Gregorian) calendar. Month and day are 1-based. The one
 * calendar check: search, matching and validation all ask it.
 */
export function dateExiste(annee: number, mois: number, jour: number): boolean {
  return mois >= 1 && mois <= 12 && jour >= 1 && jour <= joursDansMois(annee, mois);
}

/** Why this day does not exist, or null when it does. Month and day are 1-based. */
export function raisonDateImpossible(annee: number, mois: number, jour: number): string | null {
  if (dateExiste(annee, mois, jour)) return null;
  if (mois < 1 || mois > 12) return `le mois ${mois} n’existe pas (mois de 1 à 12)`;
  if (jour < 1) return `le jour ${jour} n’existe pas`;
  const max = joursDansMois(annee, mois);
  if (mois === 2 && jour === 29) return `le 29 février ${annee} n’existe pas (${annee} n’est pas une année bissextile)`;
  if (jour > 31) return `le jour ${jour} n’existe pas (31 au plus)`;
  return `le ${jour} ${nomMois(mois)} n’existe pas (${nomMois(mois)} a ${max} jours)`;
}

function iso(annee: number, mois: number, jour: number): string {
  return `${String(annee).padStart(4, '0')}-${String(mois).padStart(2, '0')}-${String(jour).padStart(2, '0')}`;
}

/**
 * Reads a date as typed or exported: `jj/mm/aaaa`, `j/m/aaaa`, `jj.mm.aaaa`, `jj-mm-aaaa` or
 * `aaaa-mm-jj`. Two-digit years are refused: in a register spanning two centuries "05" is
 * ambiguous, and guessing would write a wrong date into an act.
 */
export function analyserDate(texte: string): ResultatDate {
  const brut = texte.trim();
  if (!brut) return { ok: false, raison: 'date vide' };
  // Fast path for the usual jj/mm/aaaa (the import reads millions of them).
  if (brut.length === 10 && brut[2] === '/' && brut[5] === '/') {
    const jour = chiffres(brut, 0, 2);
    const mois = chiffres(brut, 3, 5);
    const annee = chiffres(brut, 6, 10);
    if (jour >= 0 && mois >= 0 && annee >= 0) {
      const raison = raisonDateImpossible(annee, mois, jour);
      return raison
        ? { ok: false, raison }
        : { ok: true, iso: `${brut.slice(6)}-${brut.slice(3, 5)}-${brut.slice(0, 2)}` };
    }
  }
  for (const motif of MOTIFS) {
    const m = motif.exec(brut);
    if (!m?.groups) continue;
    if (m.groups.a.length !== 4)
      return { ok: false, raison: `année « ${m.groups.a} » : l’année s’écrit sur 4 chiffres (jj/mm/aaaa)` };
    const annee = Number(m.groups.a);
    const mois = Number(m.groups.m);
    const jour = Number(m.groups.j);
    const raison = raisonDateImpossible(annee, mois, jour);
    return raison ? { ok: false, raison } : { ok: true, iso: iso(annee, mois, jour) };
  }
  return { ok: false, raison: `« ${brut.slice(0, 40)} » n’est pas une date (format attendu : jj/mm/aaaa)` };
}

/** Why an ISO string (as stored) is not a real date, or null when it is one. */
export function raisonDateIso(valeur: string): string | null {
  const annee = valeur.length === 10 && valeur[4] === '-' && valeur[7] === '-' ? chiffres(valeur, 0, 4) : -1;
  const mois = annee >= 0 ? chiffres(valeur, 5, 7) : -1;
  const jour = mois >= 0 ? chiffres(valeur, 8, 10) : -1;
  if (jour < 0) return `« ${valeur.slice(0, 40)} » n’est pas une date au format aaaa-mm-jj`;
  return raisonDateImpossible(annee, mois, jour);
}

export function estDateIsoValide(valeur: string): boolean {
  return raisonDateIso(valeur) === null;
}

/** aaaa-mm-jj -> jj/mm/aaaa (how the office reads and types dates). */
export function formaterDate(valeurIso: string): string {
  const [a, m, j] = valeurIso.split('-');
  return `${j}/${m}/${a}`;
}

/** Today's calendar date in ISO form, in local time (the office's day, not UTC's). */
export function dateIsoDuJour(maintenant: Date = new Date()): string {
  return iso(maintenant.getFullYear(), maintenant.getMonth() + 1, maintenant.getDate());
}

export function anneeDe(valeurIso: string): number {
  return Number(valeurIso.slice(0, 4));
}

/** mmjj of an ISO date as a number (0312 for 12 March), to compare days within a year. */
function moisJour(valeurIso: string): number {
  return Number(valeurIso.slice(5, 7)) * 100 + Number(valeurIso.slice(8, 10));
}

/**
 * Age in whole years at a given date (both ISO). Someone born on 29 February has their
 * birthday on 1 March in common years, as French law counts it.
 */
export function ageEnAnnees(naissance: string, le: string): number {
  const age = anneeDe(le) - anneeDe(naissance);
  return moisJour(le) < moisJour(naissance) ? age - 1 : age;
}

/** "12 mars 1987", "1er mars 1987": the long form of extracts. */
export function dateLongue(valeurIso: string): string {
  const [a, m, j] = valeurIso.split('-').map(Number);
  return `${j === 1 ? '1er' : j} ${nomMois(m)} ${a}`;
}

// --- Dates in words, as copies intégrales write them -------------------------------------

const UNITES = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const DIZAINES = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/**
 * 0..99 in words, traditional spelling (hyphens below one hundred except around "et").
 * In dates "vingt" and "cent" are ordinal adjectives and stay invariable ("l'an mil huit cent
 * quatre-vingt"), so no plural "s" is ever written here.
 */
function moinsDeCent(n: number): string {
  if (n <= 16) return UNITES[n];
  if (n < 20) return `dix-${UNITES[n - 10]}`;
  const d = Math.floor(n / 10);
  const u = n % 10;
  if (d === 7 || d === 9) {
    const base = d === 7 ? 'soixante' : 'quatre-vingt';
    const reste = n - (d === 7 ? 60 : 80); // 10..19
    if (reste === 11 && d === 7) return 'soixante et onze';
    return `${base}-${moinsDeCent(reste)}`;
  }
  const base = d === 8 ? 'quatre-vingt' : DIZAINES[d];
  if (u === 0) return base;
  if (u === 1 && d !== 8) return `${base} et un`;
  return `${base}-${UNITES[u]}`;
}

function moinsDeMille(n: number): string {
  const c = Math.floor(n / 100);
  const r = n % 100;
  const centaines = c === 0 ? '' : c === 1 ? 'cent' : `${UNITES[c]} cent`;
  if (r === 0) return centaines || 'zéro';
  return centaines ? `${centaines} ${moinsDeCent(r)}` : moinsDeCent(r);
}

/**
 * A year in words: registers write "mil" for the years 1001 to 1999 ("mil neuf cent
 * quatre-vingt-sept") and "deux mille" afterwards.
 */
export function anneeEnLettres(annee: number): string {
  const milliers = Math.floor(annee / 1000);
  const reste = annee % 1000;
  const tete = milliers === 0 ? '' : milliers === 1 ? 'mil' : `${moinsDeMille(milliers)} mille`;
  if (reste === 0) return tete || 'zéro';
  return tete ? `${tete} ${moinsDeMille(reste)}` : moinsDeMille(reste);
}

/** Day of the month in words: "premier", "deux", ... "trente et un". */
export function jourEnLettres(jour: number): string {
  return jour === 1 ? 'premier' : moinsDeCent(jour);
}

/** "douze mars mil neuf cent quatre-vingt-sept": how a copie intégrale writes a date. */
export function dateEnLettres(valeurIso: string): string {
  const [a, m, j] = valeurIso.split('-').map(Number);
  return `${jourEnLettres(j)} ${nomMois(m)} ${anneeEnLettres(a)}`;
}

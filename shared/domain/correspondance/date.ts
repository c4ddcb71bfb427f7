import { dateExiste } from '../dates';
import { PREMIERE_ANNEE_REGISTRE } from '../validation';
import { absent, different, estVide, identique, variante, type Jugement } from './jugement';
import { uneFauteDeFrappe } from './frappe';

/**
 * A declared date against the register's (both ISO aaaa-mm-jj).
 * - day and month swapped (05/03 typed for 03/05): the commonest slip between forms that write
 *   dates differently;
 * - one digit wrong, missing or two neighbours swapped (1987 / 1978): a typing slip on the
 *   eight digits;
 * - the day before or after, the same day a year before or after (19/03 for 20/03, 1986 for
 *   1987): a date remembered a little wrong, or a birth around midnight or new year.
 */
export function comparerDate(demande: string | null | undefined, registre: string | null | undefined): Jugement {
  if (estVide(demande) || estVide(registre)) return absent();
  if (demande === registre) return identique();
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(demande);
  const r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(registre);
  if (!d || !r) return different();
  if (d[1] === r[1] && d[2] === r[3] && d[3] === r[2]) return variante('jour_mois_inverses');
  if (uneFauteDeFrappe(d[1] + d[2] + d[3], r[1] + r[2] + r[3])) return variante('faute_de_frappe');
  if (Math.abs(jourJulien(demande) - jourJulien(registre)) === 1) return variante('date_voisine');
  if (d[2] === r[2] && d[3] === r[3] && Math.abs(Number(d[1]) - Number(r[1])) === 1) return variante('date_voisine');
  return different();
}

const JOUR_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO calendar date (UTC: a calendar day, no time zone). */
function jourJulien(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / JOUR_MS;
}

function isoDuJour(jour: number): string {
  return new Date(jour * JOUR_MS).toISOString().slice(0, 10);
}

/** The date with day and month swapped, when that is a real date different from it (or null). */
export function dateInversee(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || m[2] === m[3] || Number(m[3]) > 12) return null;
  return `${m[1]}-${m[3]}-${m[2]}`;
}

/**
 * Every real date one typing slip away from `iso` (one digit changed, or two neighbouring
 * digits swapped), the day/month swap, the day before and after, the same day a year before
 * and after: the dates a declared date may have been meant as (see comparerDate).
 * Years outside [anneeMin, anneeMax] are left out (no register before 1792, none in the future).
 */
export function datesVoisines(iso: string, anneeMin = PREMIERE_ANNEE_REGISTRE, anneeMax = 9999): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return [];
  const chiffres = m[1] + m[2] + m[3];
  const variantes = new Set<string>();
  for (let i = 0; i < 8; i++) {
    for (let c = 0; c <= 9; c++) variantes.add(chiffres.slice(0, i) + c + chiffres.slice(i + 1));
    if (i < 7) variantes.add(chiffres.slice(0, i) + chiffres[i + 1] + chiffres[i] + chiffres.slice(i + 2));
  }
  const inversee = dateInversee(iso);
  const annee = Number(m[1]);
  const proches = [
    isoDuJour(jourJulien(iso) - 1),
    isoDuJour(jourJulien(iso) + 1),
    `${annee - 1}-${m[2]}-${m[3]}`,
    `${annee + 1}-${m[2]}-${m[3]}`,
  ];
  for (const p of proches) variantes.add(p.replace(/-/g, ''));
  const resultat = new Set<string>(inversee ? [inversee] : []);
  for (const v of variantes) {
    if (v === chiffres) continue;
    const a = Number(v.slice(0, 4));
    const candidate = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
    if (a >= anneeMin && a <= anneeMax && dateExiste(a, Number(v.slice(4, 6)), Number(v.slice(6, 8))))
      resultat.add(candidate);
  }
  return [...resultat];
}

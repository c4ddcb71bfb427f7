import type { Hasard } from '../hasard';
import type { PersonneDeclaree } from '../../electron/comedec';
import { joursDansMois } from '../../shared/domain/dates';
import { sansAccents } from '../../shared/domain/normalisation';

/**
 * The noise of real requests: what the citizen (or the clerk who typed the form) got wrong.
 * Each alteration is one a civil-status officer meets every week; the matching must still find
 * the act, and the officer may correct the data within the limits of the request.
 */
export type Bruit = 'sans_accents' | 'prenom_manquant' | 'faute_de_frappe' | 'nom_marital' | 'date_decalee';

/** One letter swapped with its neighbour, doubled or dropped: the usual typing slips. */
export function fauteDeFrappe(mot: string, h: Hasard): string {
  if (mot.length < 4) return mot;
  const i = h.entier(1, mot.length - 2);
  switch (h.entier(0, 2)) {
    case 0:
      return mot.slice(0, i) + mot[i + 1] + mot[i] + mot.slice(i + 2);
    case 1:
      return mot.slice(0, i) + mot[i] + mot.slice(i);
    default:
      return mot.slice(0, i) + mot.slice(i + 1);
  }
}

/** A day and a month inverted, a day off by one, or a year off by one. */
export function dateDecalee(iso: string, h: Hasard): string {
  const [a, m, j] = iso.split('-').map(Number);
  const choix = h.entier(0, 2);
  const fmt = (y: number, mo: number, d: number) =>
    `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (choix === 0 && j <= 12 && j !== m) return fmt(a, j, m);
  if (choix === 1) return fmt(a, m, j >= joursDansMois(a, m) ? j - 1 : j + 1);
  return fmt(a + (h.oui(0.5) ? 1 : -1), m, Math.min(j, 28));
}

/**
 * Applies 0 to 2 alterations (about 45% of requests carry at least one). Returns the list, for
 * the statistics of the generated set (never shown to the commune).
 */
export function bruiter(
  p: PersonneDeclaree,
  h: Hasard,
  conjoint: string | null,
): { personne: PersonneDeclaree; bruits: Bruit[] } {
  const r: PersonneDeclaree = { ...p, prenoms: [...p.prenoms] };
  const bruits: Bruit[] = [];
  if (h.oui(0.25)) {
    r.nom = sansAccents(r.nom);
    r.prenoms = r.prenoms.map(sansAccents);
    bruits.push('sans_accents');
  }
  if (r.prenoms.length > 1 && h.oui(0.12)) {
    r.prenoms.splice(h.entier(1, r.prenoms.length - 1), 1);
    bruits.push('prenom_manquant');
  }
  if (h.oui(0.08)) {
    if (h.oui(0.5) || r.prenoms.length === 0) r.nom = fauteDeFrappe(r.nom, h);
    else r.prenoms[0] = fauteDeFrappe(r.prenoms[0], h);
    bruits.push('faute_de_frappe');
  }
  if (conjoint && p.sexe === 'F' && h.oui(0.3)) {
    // Usually declared as the usage name; sometimes in place of the birth name (the mistake).
    if (h.oui(0.25)) r.nom = conjoint;
    else r.nomUsage = conjoint;
    bruits.push('nom_marital');
  }
  if (r.dateNaissance && h.oui(0.05)) {
    r.dateNaissance = dateDecalee(r.dateNaissance, h);
    bruits.push('date_decalee');
  }
  return { personne: r, bruits };
}

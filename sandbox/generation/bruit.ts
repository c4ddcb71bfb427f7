import type { Hasard } from '../hasard';
import type { PersonneDeclaree } from '../../electron/comedec';
import { joursDansMois } from '../../shared/domain/dates';
import { sansAccents } from '../../shared/domain/normalisation';
import type { Lieu } from '../../shared/domain/acte';

/**
 * The noise of real requests: what the citizen (or the clerk who typed the form) got wrong.
 * Each alteration is one a civil-status officer meets every week; the matching must still find
 * the act, and the officer may correct the data within the limits of the request.
 */
export type Bruit =
  | 'sans_accents'
  | 'prenom_manquant'
  | 'faute_de_frappe'
  | 'nom_marital'
  | 'date_decalee'
  | 'jour_mois_inverses'
  | 'lieu_graphie'
  | 'phonetique';

/**
 * Spellings of one sound that citizens and clerks swap (Gauthier / Gautier, Philippe /
 * Filipe, Rousseau / Rousseaux, Lefaivre / Lefèvre), on a name in capitals without accents.
 * Written from usage, not from Registre's phonetic key: the noise does not know the matcher.
 */
const REECRITURES_SONORES: [RegExp, string][] = [
  [/TH/, 'T'],
  [/(?<=[AEIOU])T(?=[AEIOU])/, 'TH'],
  [/PH/, 'F'],
  [/(?<=[AEIOU])F(?=[AEIOU])/, 'PH'],
  [/Y/, 'I'],
  [/(?<=[AEIOU])LL/, 'L'],
  [/(?<=[AEIOU])L(?=[AEIOU])/, 'LL'],
  [/NN/, 'N'],
  [/(?<=[AEIOU])N(?=[AEIOU])/, 'NN'],
  [/C(?=[AOU])/, 'K'],
  [/QU/, 'K'],
  [/EAU$/, 'EAUX'],
  [/EAUX$/, 'EAU'],
  [/AULT$/, 'AUT'],
  [/AI(?=[^NM])/, 'E'],
  [/(?<=N)D$/, 'T'],
  [/(?<=N)T$/, 'D'],
  [/IER$/, 'IE'],
  [/EY/, 'AY'],
];

/** A spelling of the name that sounds the same, or the name itself when no rule applies. */
export function varianteSonore(nom: string, h: Hasard): string {
  const majuscules = sansAccents(nom).toUpperCase();
  const debut = h.entier(0, REECRITURES_SONORES.length - 1);
  for (let k = 0; k < REECRITURES_SONORES.length; k++) {
    const [motif, remplacement] = REECRITURES_SONORES[(debut + k) % REECRITURES_SONORES.length];
    const v = majuscules.replace(motif, remplacement);
    if (v !== majuscules) return v;
  }
  return nom;
}

/** A place written otherwise: capitals without accents, "St" for "Saint", spaces for hyphens; no INSEE code. */
function lieuAutrementEcrit(l: Lieu): Lieu {
  const commune = sansAccents(l.commune)
    .toUpperCase()
    .replace(/\bSAINT(E?)\b/g, (_, e: string) => `ST${e}`)
    .replace(/-/g, ' ');
  return { ...l, commune, codeInsee: null };
}

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
 *
 * `autres`: when given, also a place written otherwise and a sound-alike surname, drawn from
 * this second sequence so that, for a seed, the other alterations stay what they were.
 */
export function bruiter(
  p: PersonneDeclaree,
  h: Hasard,
  conjoint: string | null,
  autres?: Hasard,
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
    const avant = r.dateNaissance;
    r.dateNaissance = dateDecalee(avant, h);
    const inverses =
      avant.slice(5, 7) === r.dateNaissance.slice(8, 10) && avant.slice(8, 10) === r.dateNaissance.slice(5, 7);
    bruits.push(inverses ? 'jour_mois_inverses' : 'date_decalee');
  }
  if (autres) {
    if (r.lieuNaissance && autres.oui(0.06)) {
      r.lieuNaissance = lieuAutrementEcrit(r.lieuNaissance);
      bruits.push('lieu_graphie');
    }
    if (autres.oui(0.06)) {
      const v = varianteSonore(r.nom, autres);
      if (v !== r.nom) {
        r.nom = v;
        bruits.push('phonetique');
      }
    }
  }
  return { personne: r, bruits };
}

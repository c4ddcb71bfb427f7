import type { DonneesDemande } from '../../../shared/domain/correspondance';
import { dateInversee, datesVoisines } from '../../../shared/domain/correspondance';
import { mots, normaliserCompact } from '../../../shared/domain/normalisation';
import { PREMIERE_ANNEE_REGISTRE } from '../../../shared/domain/validation';
import { expressionFts, jetonJour, jetonMois, type GroupeFts } from '../../registre';

/**
 * The searches that bring a request's candidate acts out of the register's index ("blocking
 * keys"). Each one tolerates a different kind of noise; their union finds the act when the
 * request is wrong on one of its parts. First pass, for every request:
 * - the date or its day/month swap, alone: whatever the names say (usage name, typos);
 * - the name AND a date one slip away (see datesVoisines): a slip in the date, and every act
 *   that could rival an act agreeing with the request (twins, duplicates, namesakes);
 * - the name AND the first given name, when the request gives no date at all.
 * Wider pass (`elargie`), only when the first found no act agreeing with the request (a
 * negative answer for an act the commune holds is a wrong answer to a citizen):
 * - the first given name AND a parent's name AND a date one slip away: a usage name and a
 *   slip in the date together;
 * - for a marriage or a death, the name AND the person's birth date: the event's date wrong;
 * - the name AND the first given name in the same month a year before or after, or in the
 *   month before or after: a date remembered wrong on more than one digit (month tokens:
 *   measured on 1,000,000 acts, a third cheaper than year tokens and four times fewer acts).
 * Names are searched in all their register forms (variantes-mot.ts), so a spelling or typing
 * variant of a name still finds the act. Day tokens (one per date, a few acts each) keep the
 * searches narrow: measured on 1,000,000 acts, keys such as "name AND given name AND year"
 * cost several milliseconds and bring tens of acts about other people, hence their place in
 * the wider pass.
 */
export interface RequeteFts {
  /** What this search is for (diagnostics, tests). */
  nom: string;
  /** FTS5 MATCH expression over `actes_recherche`. */
  expression: string;
  limite: number;
}

export type Variantes = (motNormalise: string) => readonly string[];

function jeton(iso: string): string {
  return jetonJour(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function estIso(iso: string | null | undefined): iso is string {
  return !!iso && /^\d{4}-\d{2}-\d{2}$/.test(iso);
}

/** The day and its day/month swap. */
function jour(iso: string): GroupeFts {
  const inversee = dateInversee(iso);
  return { mots: [jeton(iso), ...(inversee ? [jeton(inversee)] : [])] };
}

/**
 * The date's month a year before, the same year and a year after, and the months around it,
 * within the registers' years: a token for year -1 or 10000 would not be one word for FTS5
 * ("m-112" is a phrase, which the index refuses), and no act is registered then anyway.
 */
function moisVoisins(iso: string, anneeMax: number): GroupeFts {
  const a = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const mois: [number, number][] = [
    [a - 1, m],
    [a, m],
    [a + 1, m],
    m === 1 ? [a - 1, 12] : [a, m - 1],
    m === 12 ? [a + 1, 1] : [a, m + 1],
  ];
  return {
    mots: mois
      .filter(([annee]) => annee >= PREMIERE_ANNEE_REGISTRE && annee <= anneeMax)
      .map(([x, y]) => jetonMois(x, y)),
  };
}

/** A surname's forms: the name as one word (the index holds it so too) and its variants. */
function nom(...noms: (string | null | undefined)[]): GroupeFts {
  return { mots: [...new Set(noms.map((n) => (n ? normaliserCompact(n) : '')).filter(Boolean))] };
}

function etendre(g: GroupeFts, variantes: Variantes): GroupeFts {
  return { mots: [...new Set(g.mots.flatMap((m) => variantes(m)))] };
}

export interface OptionsRequetes {
  /** Latest year a date may be corrected to: next year by the app's clock (see recuperation.ts). */
  anneeMax: number;
  /** The wider search, run when the usual one found no candidate. */
  elargie?: boolean;
}

export function requetesFts(d: DonneesDemande, variantes: Variantes, options: OptionsRequetes): RequeteFts[] {
  const { anneeMax } = options;
  const p = d.personne;
  const datePrincipale = d.typeActe === 'naissance' ? (p.dateNaissance ?? d.evenement?.date) : d.evenement?.date;
  const dateNaissance = d.typeActe === 'naissance' ? null : p.dateNaissance;
  const noms = etendre(nom(p.nom, p.nomUsage), variantes);
  // The first given name's first word ("Jean-Pierre" -> "jean"), as the index holds given names.
  const premier = mots(p.prenoms.join(' '))[0];
  const prenom = etendre({ mots: premier ? [premier] : [] }, variantes);
  const parents = etendre(nom(d.pere?.nom, d.mere?.nom), variantes);

  const requetes: { nom: string; groupes: GroupeFts[]; limite: number }[] = [];
  const voisines = (iso: string): GroupeFts => ({
    mots: datesVoisines(iso, PREMIERE_ANNEE_REGISTRE, anneeMax).map(jeton),
  });
  if (!options.elargie) {
    if (estIso(datePrincipale)) {
      requetes.push({ nom: 'date', groupes: [jour(datePrincipale)], limite: 200 });
      requetes.push({ nom: 'nom, date voisine', groupes: [noms, voisines(datePrincipale)], limite: 100 });
    } else if (!estIso(dateNaissance)) {
      requetes.push({ nom: 'nom, prénom', groupes: [noms, prenom], limite: 200 });
    }
    if (!estIso(datePrincipale) && estIso(dateNaissance))
      requetes.push({ nom: 'nom, date de naissance', groupes: [noms, jour(dateNaissance)], limite: 100 });
  } else {
    if (estIso(datePrincipale))
      requetes.push({
        nom: 'prénom, parent, date voisine',
        groupes: [prenom, parents, voisines(datePrincipale)],
        limite: 50,
      });
    if (estIso(datePrincipale) && estIso(dateNaissance))
      requetes.push({ nom: 'nom, date de naissance', groupes: [noms, jour(dateNaissance)], limite: 100 });
    const date = estIso(datePrincipale) ? datePrincipale : estIso(dateNaissance) ? dateNaissance : null;
    if (date)
      requetes.push({
        nom: 'nom, prénom, mois voisins',
        groupes: [noms, prenom, moisVoisins(date, anneeMax)],
        limite: 100,
      });
  }
  return requetes.flatMap((r) => {
    // A group without any word (no parent declared...) can match nothing: the search is skipped.
    const expression = r.groupes.every((g) => g.mots.length > 0) ? expressionFts(r.groupes) : null;
    return expression ? [{ nom: r.nom, expression, limite: r.limite }] : [];
  });
}

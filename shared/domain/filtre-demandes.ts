import { TZDate } from '@date-fns/tz';
import { FUSEAU } from './echeances';
import { normaliser } from './normalisation';

/**
 * The received requests' filters, as pure rules shared by the main process (which filters and
 * counts in SQL) and the screen: how a person's name is searched, how "received between two
 * days" becomes two instants, and which criteria a filter's counts ignore.
 *
 * Counting: each filter value shows how many requests it would list with the OTHER criteria
 * kept (a faceted count, as a shop's filters do): choosing "Notaire" does not turn the other
 * requester kinds' counts to zero. Specimen requests (connection tests sent by the platform)
 * are listed and marked, but never counted.
 */
export const DimensionsFiltre = ['etat', 'demandeur', 'typeActe'] as const;
export type DimensionFiltre = (typeof DimensionsFiltre)[number];

/** At most this many words of a name are searched (beyond, the search is no narrower in practice). */
export const MAX_MOTS_PERSONNE = 6;

/**
 * The text a request is found by: its person's names (birth name, usage name, first names)
 * normalised as everywhere else (case, accents, punctuation folded), with a leading space so
 * that "a word starting with" is one LIKE pattern.
 */
export function clePersonne(p: { nom: string; nomUsage?: string | null; prenoms: readonly string[] }): string {
  const n = normaliser([p.nom, p.nomUsage ?? '', ...p.prenoms].join(' '));
  return n ? ` ${n}` : '';
}

/**
 * The words typed in "Personne", normalised: each must begin a word of the request's names
 * ("mart eli" finds "MARTIN Élise", "Élise Martin" too). Empty when nothing searchable was typed.
 */
export function motsPersonne(saisie: string): string[] {
  const n = normaliser(saisie);
  return n ? [...new Set(n.split(' '))].slice(0, MAX_MOTS_PERSONNE) : [];
}

/** The LIKE patterns of `motsPersonne` against `clePersonne` (normalised words hold no % or _). */
export function motifsPersonne(saisie: string): string[] {
  return motsPersonne(saisie).map((m) => `% ${m}%`);
}

/** 00:00 Europe/Paris of a day (aaaa-mm-jj), `decalage` days later, as an ISO instant. */
function minuitParis(jour: string, decalage: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(jour);
  if (!m) throw new RangeError(`jour invalide : ${jour}`);
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + decalage, FUSEAU).getTime()).toISOString();
}

/**
 * "Received between `du` and `au`" (Paris days, both included) as instants: from 00:00 Paris
 * of `du`, before 00:00 Paris of the day after `au`. The bounds are written with milliseconds
 * ('.000Z'), which makes a plain text comparison with the stored instants exact whether or not
 * those carry milliseconds: the bound's '.' sorts before 'Z' and before any digit.
 */
export function bornesReception(
  du?: string | null,
  au?: string | null,
): { depuis: string | null; avant: string | null } {
  return { depuis: du ? minuitParis(du, 0) : null, avant: au ? minuitParis(au, 1) : null };
}

/** The criteria of a listing, as the contract carries them (every field optional). */
export interface CriteresDemandes {
  etats?: readonly string[];
  alerte?: string;
  typesActe?: readonly string[];
  demandeurs?: readonly string[];
  personne?: string;
  du?: string;
  au?: string;
  specimens?: boolean;
}

/** What a dimension's counts are computed under: every criterion but its own. */
export function sansDimension<C extends CriteresDemandes>(c: C, dimension: DimensionFiltre): C {
  const copie = { ...c };
  if (dimension === 'etat') {
    delete copie.etats;
    delete copie.alerte;
  } else if (dimension === 'demandeur') delete copie.demandeurs;
  else delete copie.typesActe;
  return copie;
}

/** How many criteria narrow the list beyond the state (for "Effacer les filtres (n)"). */
export function nombreCriteres(c: CriteresDemandes): number {
  return (
    (c.typesActe?.length ? 1 : 0) +
    (c.demandeurs?.length ? 1 : 0) +
    (motsPersonne(c.personne ?? '').length ? 1 : 0) +
    (c.du || c.au ? 1 : 0)
  );
}

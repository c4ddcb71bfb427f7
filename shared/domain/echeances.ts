import { TZDate, tz } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import type { CycleDemande } from './cycle-demande';

/**
 * Deadlines of a COMEDEC request, computed in Europe/Paris (pure rules, no I/O).
 *
 * The rules (domain.md): the commune answers within the time the requester's procedure allows
 * and at most 20 days after the request was made available; 23 days after, the platform purges
 * it and an answer no longer counts.
 *
 * Our reading, chosen so that an officer sees the same thing as a calendar on the wall:
 * - "20 days" are 20 Paris calendar days: the last day to answer is the Paris day of the
 *   availability + 20 (or the requester's own last day when it is earlier). The request is
 *   "en retard" from 00:00 Paris the day after. A DST change in between moves nothing: days are
 *   added on the Paris wall clock, never as 24-hour blocks.
 * - The purge is an instant: availability + 23 days on the Paris wall clock (the platform
 *   purges on its own clock; we show "purgée" from then).
 * - Alerts: "J-5" from 5 days before the last day, "J-2" from 2 days before it (the last day
 *   itself included).
 */
export const FUSEAU = 'Europe/Paris';
export const DELAI_REPONSE_JOURS = 20;
export const DELAI_PURGE_JOURS = 23;
export const SEUIL_J5 = 5;
export const SEUIL_J2 = 2;

const paris = tz(FUSEAU);

// Where the request is in its life, as stored (what the office did with it): its own file.
export { CyclesDemande, type CycleDemande, type SensReponse } from './cycle-demande';

/** What the office sees: the cycle, overridden by the clock while no answer has left. */
export const EtatsDemande = ['recue', 'en_cours', 'repondue', 'accusee', 'a_echeance', 'en_retard', 'purgee'] as const;
export type EtatDemande = (typeof EtatsDemande)[number];
export type AlerteEcheance = 'J-5' | 'J-2';

export interface Echeances {
  /** Last Paris day to answer (aaaa-mm-jj). */
  jourLimite: string;
  /** First instant at which the request is late (00:00 Paris the day after `jourLimite`). */
  retardDes: Date;
  /** Instant of the platform's purge. */
  purgeLe: Date;
}

export interface DemandeDatee {
  cycle: CycleDemande;
  /** When the platform made the request available (ISO instant). */
  misADispositionLe: string | Date;
  /** The requester's own last day (aaaa-mm-jj, Paris), when its procedure is shorter. */
  jourLimiteDemandeur?: string | null;
}

export interface EtatCalcule {
  etat: EtatDemande;
  alerte: AlerteEcheance | null;
  /** Paris calendar days from today to the last day (negative once late). */
  joursRestants: number;
  echeances: Echeances;
}

const JOUR_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function versInstant(d: string | Date): Date {
  const t = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(t.getTime())) throw new RangeError('date de mise à disposition invalide');
  return t;
}

/** The Paris calendar day (aaaa-mm-jj) of an instant. */
export function jourParis(instant: Date | string): string {
  return format(versInstant(instant), 'yyyy-MM-dd', { in: paris });
}

/** 00:00 Paris of the day after `jour` (aaaa-mm-jj). */
function lendemainMinuit(jour: string): Date {
  const m = JOUR_ISO.exec(jour);
  if (!m) throw new RangeError(`jour limite invalide : ${jour}`);
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1, FUSEAU).getTime());
}

/**
 * The Paris calendar day `jours` days after the Paris day of `instant`: added on the wall clock,
 * so a DST change in between moves nothing (24-hour blocks would, near midnight).
 */
export function jourParisPlus(instant: Date | string, jours: number): string {
  return format(addDays(new TZDate(versInstant(instant).getTime(), FUSEAU), jours), 'yyyy-MM-dd');
}

export function echeancesDe(misADispositionLe: string | Date, jourLimiteDemandeur?: string | null): Echeances {
  const dispo = new TZDate(versInstant(misADispositionLe).getTime(), FUSEAU);
  const jourLegal = jourParisPlus(misADispositionLe, DELAI_REPONSE_JOURS);
  // ISO day strings compare as dates: the earlier last day wins.
  const jourLimite =
    jourLimiteDemandeur && JOUR_ISO.test(jourLimiteDemandeur) && jourLimiteDemandeur < jourLegal
      ? jourLimiteDemandeur
      : jourLegal;
  return {
    jourLimite,
    retardDes: lendemainMinuit(jourLimite),
    purgeLe: new Date(addDays(dispo, DELAI_PURGE_JOURS).getTime()),
  };
}

/** Paris calendar days between today and the last day to answer. */
export function joursRestants(jourLimite: string, maintenant: Date): number {
  const m = JOUR_ISO.exec(jourLimite);
  if (!m) throw new RangeError(`jour limite invalide : ${jourLimite}`);
  const limite = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, FUSEAU);
  return differenceInCalendarDays(limite, maintenant, { in: paris });
}

/** Answered requests keep their cycle; the clock only speaks while nothing has been sent. */
export function etatDemande(d: DemandeDatee, maintenant: Date): EtatCalcule {
  const echeances = echeancesDe(d.misADispositionLe, d.jourLimiteDemandeur);
  const restants = joursRestants(echeances.jourLimite, maintenant);
  const base = { joursRestants: restants, echeances };
  if (d.cycle === 'repondue' || d.cycle === 'accusee') return { etat: d.cycle, alerte: null, ...base };
  if (maintenant.getTime() >= echeances.purgeLe.getTime()) return { etat: 'purgee', alerte: null, ...base };
  if (maintenant.getTime() >= echeances.retardDes.getTime()) return { etat: 'en_retard', alerte: null, ...base };
  if (restants <= SEUIL_J2) return { etat: 'a_echeance', alerte: 'J-2', ...base };
  if (restants <= SEUIL_J5) return { etat: 'a_echeance', alerte: 'J-5', ...base };
  return { etat: d.cycle, alerte: null, ...base };
}

/** "12/04/2026": a Paris day as the office writes it. */
export function jourFrancais(jour: string): string {
  const m = JOUR_ISO.exec(jour);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : jour;
}

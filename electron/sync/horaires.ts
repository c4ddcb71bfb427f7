import { TZDate } from '@date-fns/tz';
import { FUSEAU } from '../../shared/domain/echeances';
import type { Planification } from '../../shared/contract/sync';

/**
 * Office hours, on the Paris wall clock: automatic syncs run every N minutes only while the
 * office is open (the platform e-mails the functional address anyway; a sync at 3 a.m. would
 * only wake a locked workstation). Pure: the scheduler asks "when next?", these rules answer.
 */
const HEURE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(hhmm: string): number {
  const m = HEURE.exec(hhmm);
  if (!m) throw new RangeError(`heure invalide : ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** ISO day of the week (1 = lundi … 7 = dimanche) of a Paris day. */
function jourIso(d: TZDate): number {
  return ((d.getDay() + 6) % 7) + 1;
}

export function estOuvert(instant: Date, p: Planification): boolean {
  const local = new TZDate(instant.getTime(), FUSEAU);
  if (!p.jours.includes(jourIso(local))) return false;
  const m = local.getHours() * 60 + local.getMinutes();
  return m >= minutes(p.debut) && m < minutes(p.fin);
}

/**
 * The next automatic sync: `intervalleMinutes` after the last one (or now when there was none),
 * moved to the next opening when that falls outside office hours. Null when the schedule is
 * off or opens no day at all.
 */
export function prochaineSynchro(maintenant: Date, p: Planification, derniere: Date | null): Date | null {
  if (!p.active || p.jours.length === 0 || minutes(p.debut) >= minutes(p.fin)) return null;
  const voulu = derniere ? derniere.getTime() + p.intervalleMinutes * 60_000 : maintenant.getTime();
  const candidat = Math.max(voulu, maintenant.getTime());
  const local = new TZDate(candidat, FUSEAU);
  const [hd, md] = p.debut.split(':').map(Number);
  const [hf, mf] = p.fin.split(':').map(Number);
  for (let i = 0; i <= 7; i++) {
    const jour = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + i, FUSEAU);
    if (!p.jours.includes(jourIso(jour))) continue;
    const ouverture = new TZDate(jour.getFullYear(), jour.getMonth(), jour.getDate(), hd, md, FUSEAU).getTime();
    const fermeture = new TZDate(jour.getFullYear(), jour.getMonth(), jour.getDate(), hf, mf, FUSEAU).getTime();
    if (candidat < fermeture) return new Date(Math.max(candidat, ouverture));
  }
  return null;
}

/**
 * COMEDEC deadlines, counted from the moment a request is made available in the mailbox:
 * the answer is due at 20 days at most; at 23 days the request is purged and an answer no
 * longer counts (docs/domaine.md).
 */
export const JOURS_REPONSE = 20;
export const JOURS_PURGE = 23;
const JOUR_MS = 24 * 3600 * 1000;

export interface DelaisDemande {
  miseADisposition: string;
  echeance: string;
  purge: string;
}

export function delaisDepuis(miseADisposition: Date): DelaisDemande {
  const t = miseADisposition.getTime();
  return {
    miseADisposition: new Date(t).toISOString(),
    echeance: new Date(t + JOURS_REPONSE * JOUR_MS).toISOString(),
    purge: new Date(t + JOURS_PURGE * JOUR_MS).toISOString(),
  };
}

/** Purged from `purge` on (the instant itself included). */
export function estPurgee(purge: string, maintenant: Date): boolean {
  return maintenant.getTime() >= new Date(purge).getTime();
}

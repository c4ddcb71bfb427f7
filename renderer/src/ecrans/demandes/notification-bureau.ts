import type { ChargeEvenement } from '../../../../shared/contract';
import { api } from '../../api';
import { jourFr } from './libelles';

type Nouvelles = ChargeEvenement<'demandes.nouvelles'>;

/**
 * The desktop notification's text: counts and the earliest deadline only, like the e-mail.
 * `nombre` counts real requests only; specimens are said apart, never counted.
 */
export function texteNotification(n: Nouvelles): { titre: string; corps: string } {
  const s = n.specimens;
  const specimens = `${s} demande${s > 1 ? 's' : ''} spécimen${s > 1 ? 's' : ''} (test de raccordement)`;
  const titre =
    n.nombre > 0
      ? `${n.nombre} nouvelle${n.nombre > 1 ? 's' : ''} demande${n.nombre > 1 ? 's' : ''} COMEDEC`
      : s > 0
        ? specimens
        : `${n.quarantaine} document${n.quarantaine > 1 ? 's' : ''} mis en quarantaine`;
  const lignes = [
    n.jourLimitePlusProche ? `À traiter au plus tard le ${jourFr(n.jourLimitePlusProche)}.` : null,
    n.nombre > 0 && s > 0 ? `Et ${specimens}, non comptée${s > 1 ? 's' : ''}.` : null,
    (n.nombre > 0 || s > 0) && n.quarantaine ? `${n.quarantaine} document(s) refusé(s) : voir la quarantaine.` : null,
  ].filter(Boolean);
  return { titre, corps: lignes.join(' ') };
}

/** Asks for the permission on a user gesture (browsers refuse it otherwise); Electron grants it. */
export function demanderPermissionNotifications(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void Notification.requestPermission().catch(() => undefined);
}

/**
 * Registered once when the app loads (this module is imported by the frame through the
 * requests screen): the operating system's notification shows whatever screen is open.
 */
api.ecouter('demandes.nouvelles', (n) => {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const { titre, corps } = texteNotification(n);
  try {
    new Notification(titre, { body: corps, tag: 'registre-demandes' });
  } catch {
    // Some environments expose the API but refuse to construct (service-worker-only): the in-app toast remains.
  }
});

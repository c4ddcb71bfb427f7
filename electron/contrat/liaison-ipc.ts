import { CANAL_APPEL, CANAL_EVENEMENT } from '../../shared/contract/canaux';
import { erreurs } from '../../shared/errors';
import type { App } from '../app';

/** The slice of Electron's ipcMain the binding needs. */
export interface IpcMainMinimal {
  handle(
    canal: string,
    gestionnaire: (evenement: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(canal: string): void;
}

export interface CibleEvenements {
  send(canal: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * Binds the contract to Electron IPC: one channel for calls, one for events. A call is only
 * served when it comes from our own page (`origineAutorisee`), whatever a compromised or
 * navigated frame may try.
 */
export function lierIpc(
  ipc: IpcMainMinimal,
  app: Pick<App, 'repartir' | 'bus'>,
  origineAutorisee: (url: string) => boolean,
  cibles: () => CibleEvenements[],
): () => void {
  ipc.handle(CANAL_APPEL, async (evenement, nom, entree) => {
    const url = evenement.senderFrame?.url ?? '';
    if (!origineAutorisee(url))
      return { ok: false, erreur: erreurs.droitsInsuffisants('Appel refusé : origine inconnue.').toJSON() };
    return app.repartir(nom, entree);
  });
  const desabonner = app.bus.abonner((nom, charge) => {
    for (const c of cibles()) if (!c.isDestroyed()) c.send(CANAL_EVENEMENT, nom, charge);
  });
  return () => {
    ipc.removeHandler(CANAL_APPEL);
    desabonner();
  };
}

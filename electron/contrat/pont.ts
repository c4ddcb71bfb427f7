import { CANAL_APPEL, CANAL_EVENEMENT } from '../../shared/contract/canaux';
import type { PontRegistre } from '../../shared/contract';

/** The slice of Electron's ipcRenderer the bridge needs (kept abstract so it is testable under Node). */
export interface IpcRendererMinimal {
  invoke(canal: string, ...args: unknown[]): Promise<unknown>;
  on(canal: string, ecouteur: (evenement: unknown, ...args: unknown[]) => void): unknown;
  removeListener(canal: string, ecouteur: (evenement: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The object the preload exposes as `window.registre`. It forwards every call to the one IPC
 * channel; the main process validates the name and the argument against the contract. Only
 * plain data crosses: the renderer never gets `ipcRenderer` itself nor the Electron event.
 */
export function creerPont(ipc: IpcRendererMinimal): PontRegistre {
  return Object.freeze({
    transport: 'electron' as const,
    appeler(nom: string, entree: unknown): Promise<unknown> {
      if (typeof nom !== 'string') return Promise.reject(new TypeError('nom d’appel attendu'));
      return ipc.invoke(CANAL_APPEL, nom, entree);
    },
    ecouter(rappel: (nom: string, charge: unknown) => void): () => void {
      const ecouteur = (_e: unknown, nom: unknown, charge: unknown) => {
        if (typeof nom === 'string') rappel(nom, charge);
      };
      ipc.on(CANAL_EVENEMENT, ecouteur);
      return () => void ipc.removeListener(CANAL_EVENEMENT, ecouteur);
    },
  });
}

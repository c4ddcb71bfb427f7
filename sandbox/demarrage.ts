import type { AddressInfo } from 'node:net';
import { creerServeur } from './http/serveur';
import { Plateforme, type OptionsPlateforme } from './plateforme';

export interface OptionsDemarrage extends OptionsPlateforme {
  /** 0 (default): a free port. Always 127.0.0.1. */
  port?: number;
}

export interface PlateformeDemarree {
  /** e.g. http://127.0.0.1:41234 (the API is under /v1). */
  readonly url: string;
  readonly port: number;
  readonly jetonAdmin: string;
  readonly formation: boolean;
  /** The platform behind the server (stores, clock, faults), for tests and the app. */
  readonly plateforme: Plateforme;
  arreter(): Promise<void>;
}

export async function demarrerPlateforme(o: OptionsDemarrage = {}): Promise<PlateformeDemarree> {
  const plateforme = await Plateforme.creer(o);
  const { serveur, arreterAttentes } = creerServeur(plateforme);
  try {
    await new Promise<void>((resolve, reject) => {
      serveur.once('error', reject);
      serveur.listen(o.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    plateforme.fermer();
    throw e;
  }
  const port = (serveur.address() as AddressInfo).port;
  let arretee = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    jetonAdmin: plateforme.jetonAdmin,
    formation: plateforme.formation,
    plateforme,
    async arreter() {
      if (arretee) return;
      arretee = true;
      arreterAttentes();
      const ferme = new Promise<void>((r) => serveur.close(() => r()));
      serveur.closeAllConnections();
      await ferme;
      plateforme.fermer();
    },
  };
}

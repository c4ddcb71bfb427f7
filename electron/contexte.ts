import type { Base } from './db/connexion';
import type { BusEvenements } from './contrat/bus';
import type { Horloge } from './horloge';
import type { DepotParametres } from './parametres/depot';

/**
 * What every service receives from the composition root (app.ts). Services never keep the
 * database handle beyond one operation: they call `db()` each time, because a restore swaps
 * the connection underneath them.
 */
export interface ContexteApp {
  readonly dossierDonnees: string;
  readonly fichierBase: string;
  readonly horloge: Horloge;
  readonly bus: BusEvenements;
  readonly parametres: DepotParametres;
  readonly version: string;
  readonly transport: 'electron' | 'navigateur';
  db(): Base;
  /** Closes the connection, restores `source` over the database, reopens. */
  restaurerBase(source: string): { sauvegardePrecedente: string };
}

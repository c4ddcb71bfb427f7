import type { Base } from './db';
import type { BusEvenements } from './contrat';
import type { ChargeEvenement } from '../shared/contract';
import type { Horloge } from './horloge';
import type { Monde } from './mondes';
import type { DepotParametres } from './parametres';

/**
 * What every service receives from the composition root (app.ts). Services never keep the
 * database handle beyond one operation: they call `db()` each time, because a restore swaps
 * the connection underneath them, and switching between the real and the training world
 * (mondes.ts) swaps the whole database.
 */
export interface ContexteApp {
  readonly dossierDonnees: string;
  /** The current world's database file. */
  readonly fichierBase: string;
  /** The current world's backups folder. */
  readonly dossierSauvegardes: string;
  readonly monde: Monde;
  readonly horloge: Horloge;
  readonly bus: BusEvenements;
  readonly parametres: DepotParametres;
  readonly version: string;
  readonly transport: 'electron' | 'navigateur';
  db(): Base;
  /**
   * The register says it changed (an act saved, an import, a restore, a world switch): the
   * renderer's `registre.modifie` event, and what app.ts runs after a change (matching).
   */
  registreModifie(charge: ChargeEvenement<'registre.modifie'>): void;
  /** Closes the connection, restores `source` over the current world's database, reopens. */
  restaurerBase(source: string): { sauvegardePrecedente: string };
  /**
   * Switches to the real or the training world (the card mode decides). Refused while a sync
   * runs: its rows belong to the world it started in.
   */
  basculerMonde(monde: Monde): void;
}

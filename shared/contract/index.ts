import type { z } from 'zod';
import type { DefinitionAppel, DefinitionEvenement } from './define';
import { appelsRegistre, evenementsRegistre } from './registre';
import { appelsParametres } from './parametres';
import { appelsCarte, evenementsCarte } from './carte';
import { appelsRapprochement, evenementsRapprochement } from './rapprochement';
import { appelsSync, evenementsSync } from './sync';
import { appelsDemandes, evenementsDemandes } from './demandes';
import { appelsReponses, evenementsReponses } from './reponses';
import { appelsAnnuaire } from './annuaire';
import { appelsDemandesEnvoyees } from './demandes-envoyees';

/**
 * The one contract between the renderer and the main process. Every call and every event is
 * declared here (through the area files) and nowhere else: the IPC binding, the preload, the
 * harness and the renderer client are derived from these two records.
 */
export const appels = {
  ...appelsRegistre,
  ...appelsParametres,
  ...appelsCarte,
  ...appelsRapprochement,
  ...appelsSync,
  ...appelsDemandes,
  ...appelsReponses,
  ...appelsAnnuaire,
  ...appelsDemandesEnvoyees,
} as const satisfies Record<string, DefinitionAppel>;

export const evenements = {
  ...evenementsRegistre,
  ...evenementsCarte,
  ...evenementsRapprochement,
  ...evenementsSync,
  ...evenementsDemandes,
  ...evenementsReponses,
} as const satisfies Record<string, DefinitionEvenement>;

export type Appels = typeof appels;
export type NomAppel = keyof Appels;
export type Evenements = typeof evenements;
export type NomEvenement = keyof Evenements;

/** What the caller may pass (defaults not yet applied). */
export type EntreeAppel<N extends NomAppel> = z.input<Appels[N]['entree']>;
/** What the handler receives (validated, defaults applied). */
export type EntreeValidee<N extends NomAppel> = z.output<Appels[N]['entree']>;
export type SortieAppel<N extends NomAppel> = z.output<Appels[N]['sortie']>;
export type ChargeEvenement<E extends NomEvenement> = z.output<Evenements[E]['charge']>;

export const nomsAppels = Object.keys(appels) as NomAppel[];
export const nomsEvenements = Object.keys(evenements) as NomEvenement[];

export function estNomAppel(n: unknown): n is NomAppel {
  return typeof n === 'string' && Object.prototype.hasOwnProperty.call(appels, n);
}
export function estNomEvenement(n: unknown): n is NomEvenement {
  return typeof n === 'string' && Object.prototype.hasOwnProperty.call(evenements, n);
}

/** The API object the renderer sees, whatever the transport (Electron preload or HTTP harness). */
export interface ApiRegistre {
  appeler<N extends NomAppel>(nom: N, entree: EntreeAppel<N>): Promise<SortieAppel<N>>;
  ecouter<E extends NomEvenement>(nom: E, rappel: (charge: ChargeEvenement<E>) => void): () => void;
}

/** The bridge the preload exposes on `window.registre` (raw envelopes; the client unwraps). */
export interface PontRegistre {
  readonly transport: 'electron';
  appeler(nom: string, entree: unknown): Promise<unknown>;
  ecouter(rappel: (nom: string, charge: unknown) => void): () => void;
}

export * from './define';

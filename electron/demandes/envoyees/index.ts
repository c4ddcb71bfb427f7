/**
 * Requests sent to other communes (part of the requests room): writing one for a marriage or
 * PACS file, following it through the outbox, reading its answer once verified. app.ts hands it
 * the outbox (`BoiteDemandesEnvoyees`, from the sync room), the card's identity, the XAdES
 * verifier and the extracts' PDF layout.
 */
export { creerDemandesEnvoyees, type DemandesEnvoyees } from './gestionnaires';
export { ServiceDemandesEnvoyees, type DependancesDemandesEnvoyees } from './service';
export type { BoiteDemandesEnvoyees, EnvoiDemande, ReponseGardee } from './types';
export type { SignatureVerifiee, Verificateur } from './verification';

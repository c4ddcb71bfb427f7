/**
 * The sync room's public face (COMEDEC): the service the composition root builds, its handlers,
 * and what other rooms may use (the outbox to queue a signed document, the adapter interface).
 */
export { creerServiceSync, type ServiceSync, type OptionsServiceSync } from './service';
export { gestionnairesSync } from './gestionnaires';
export { creerBrouillon, lister as listerEnvois, type NouveauBrouillon } from './stockage/envois';
export type { AdaptateurPlateforme, IdentiteConnexion, SessionPlateforme } from './plateforme/adaptateur';
export { boiteDemandesEnvoyees, boiteReponses } from './stockage/brouillons';

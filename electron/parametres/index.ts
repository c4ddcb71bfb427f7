/** The settings room's public face: the key-value store and the `parametres.*` handlers. */
export { DepotParametres } from './depot';
export { gestionnairesParametres } from './gestionnaires';

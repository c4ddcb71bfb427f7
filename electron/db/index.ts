/**
 * The database room's public face: opening a SQLite file, the migration runner (the sandbox
 * runs its own list of migrations with it), hot backup and restore.
 */
export { ouvrirBase, migrations, type Base, type OptionsBase } from './connexion';
export { parConnexion } from './par-connexion';
export type { Migration } from './migrations/types';
export { migrer, versionSchema } from './migrer';
export { restaurer, sauvegarder, verifierFichierBase } from './sauvegarde';

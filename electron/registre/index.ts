/**
 * The register room's public face: acts (store, handlers, service), extracts, CSV import,
 * search, the synthetic register, and what matching borrows from search (vocabulary
 * expansion, FTS expressions, date tokens) so it never reaches past this file.
 */
export { communeParCode, indexCommunes } from './communes';
export { DepotActes } from './depot';
export { decoderDonnees } from './donnees-acte';
export { delivrerExtrait, delivrerExtraitPdf } from './extraits/service';
export { extraitEnPdf } from './extraits/pdf';
export { gestionnairesRegistre } from './gestionnaires';
export { fichierRejetsParDefaut, importerCsv, type ProgressionImport } from './import';
export { ExpanseurVocabulaire } from './recherche/expansion';
export { expressionFts, type GroupeFts } from './recherche/expression-fts';
export { jetonJour, jetonMois } from './recherche/jetons-date';
export { reconstruireTermesEnAttente, type BilanReconstruction } from './recherche/reconstruction';
export { rechercherDans, ServiceRegistre } from './service';
export { actesNonIndexes } from './non-indexes';
export { genererActes, remplirRegistre } from './synthetique';

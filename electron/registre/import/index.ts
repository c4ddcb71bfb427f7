/** The CSV import's public face: the plain function (CLI, bench), the worker runner (app). */
export {
  importerCsv,
  importerCsvDans,
  fichierRejetsParDefaut,
  type OptionsImport,
  type ProgressionImport,
} from './importer';
export {
  importerCsvEnTravailleur,
  emplacementTravailleur,
  NOM_TRAVAILLEUR_EMPAQUETE,
  type OptionsImportTravailleur,
} from './lanceur';
export { COLONNES, COLONNES_OBLIGATOIRES, COLONNE_MOTIF_REJET } from './colonnes';
export { detecterFormat, type FormatCsv } from './detection';

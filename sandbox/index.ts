/**
 * The COMEDEC sandbox platform: our own platform following docs/domaine.md, for the sync
 * engine's tests, for a commune's connection test, and embedded in the app as training mode.
 * API: docs/plateforme-bac-a-sable.md. Format: docs/format-echange.md.
 */
export { demarrerPlateforme, type OptionsDemarrage, type PlateformeDemarree } from './demarrage';
export { Plateforme, type OptionsPlateforme } from './plateforme';
export { demarrerPlateformeFormation, type OptionsFormation } from './formation';
export { PREFIXE_DEFI } from './services/authentification';
export type { AutoriteEmettrice } from './pki/autorites';
export { lancerPlateforme, BASE_PAR_DEFAUT, PORT_PAR_DEFAUT, type OptionsLancement } from './lanceur';
export { lancerDemo, type OptionsDemo } from './demo';
export {
  provisionnerCartes,
  BIBLIOTHEQUE_SOFTHSM2,
  type CartesTest,
  type CarteTest,
} from './cartes-essai/provisionner';

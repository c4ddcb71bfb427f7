/**
 * The COMEDEC exchange format, versions 2 (current) and 1 (previous): typed documents,
 * builders (object -> XML) and safe parsers (XML -> object, or a typed error naming the field).
 * Pure: no Node I/O; the sandbox platform and the client's sync engine both use it.
 * The model itself (versions, schemas, reasons) is in shared/comedec so the contract can
 * derive from it; it is re-exported here so the rooms that read and write documents keep one face.
 * See docs/format-echange.md.
 */
export * from '../../../shared/comedec';
export { TAILLE_MAX_DEFAUT, decoderDocument, type OptionsAnalyse } from './analyse';
export { estDocumentInvalide } from './erreurs';
export { NS_XMLDSIG } from './lecteur';
export { construireDemande, lireDemande, RACINE_DEMANDE } from './demande';
export { construireReponse, lireReponse, RACINE_REPONSE } from './reponse';
export { construireAccuse, lireAccuse, RACINE_ACCUSE } from './accuse';
export { construireRejet, lireRejet, erreurDeRejet, RACINE_REJET } from './rejet';
export { construireDemandeEmise, lireDemandeEmise, RACINE_DEMANDE_EMISE } from './demande-emise';
export { formeAttendue, contenuSelonForme } from './forme';
export { identifierDocument, type DocumentIdentifie } from './identifier';

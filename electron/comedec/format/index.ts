/**
 * The COMEDEC exchange format, versions 2 (current) and 1 (previous): typed documents,
 * builders (object -> XML) and safe parsers (XML -> object, or a typed error naming the field).
 * Pure: no Node I/O; the sandbox platform and the client's sync engine both use it.
 * See docs/format-echange.md.
 */
export * from './versions';
export * from './schemas';
export { TAILLE_MAX_DEFAUT, decoderDocument, type OptionsAnalyse } from './analyse';
export { MotifsDocumentInvalide, estDocumentInvalide, type MotifDocumentInvalide, type NomDocument } from './erreurs';
export { NS_XMLDSIG } from './lecteur';
export { construireDemande, lireDemande, RACINE_DEMANDE } from './demande';
export { construireReponse, lireReponse, RACINE_REPONSE } from './reponse';
export { construireAccuse, lireAccuse, RACINE_ACCUSE } from './accuse';
export { construireRejet, lireRejet, erreurDeRejet, RACINE_REJET } from './rejet';
export { construireDemandeEmise, lireDemandeEmise, RACINE_DEMANDE_EMISE } from './demande-emise';
export { formeAttendue, contenuSelonForme } from './forme';
export { identifierDocument, type DocumentIdentifie } from './identifier';

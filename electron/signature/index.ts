/**
 * The signature room's public face: other rooms (sync, demandes, CLI) import from here.
 */
export { gestionnairesCarte, type Carte } from './gestionnaires';
export { ServiceCarte } from './service-carte';
export type { Authentifiant } from './session-active';
export { SignateurXades, type Signataire } from './xades-signer';
export { verifierXades, type ResultatVerification, type OptionsVerification } from './xades-verifier';
export { Confiance } from './confiance';
export { DepotSignature } from './depot-signature';
export { signerLot, type RapportLot } from './lot';
export { CodePin, avecPin } from './pin';
export { analyserCertificat, estCertificatFormation, depuisPem } from './certificats';
export { garantirPlateformeReelle } from './garde-formation';

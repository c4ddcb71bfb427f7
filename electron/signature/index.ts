/**
 * The signature room's public face: other rooms (sync, demandes, CLI) and the sandbox import
 * from here: the card service and its handlers, XAdES sign and verify, certificates and trust,
 * the PKCS#11 binding the test cards are provisioned with.
 */
export { gestionnairesCarte, type Carte } from './gestionnaires';
export { ServiceCarte, type GardeSignature } from './service-carte';
export { algorithmeDeCle, type Authentifiant } from './session-active';
export { SignateurXades, type Signataire } from './xades-signer';
export {
  racineDocument,
  verifierXades,
  type OptionsVerification,
  type RacineDocument,
  type ResultatVerification,
} from './xades-verifier';
export { AVANCE_TOLEREE_MS, RETARD_MAX_MS } from './politique';
export { Confiance } from './confiance';
export { DepotSignature } from './depot-signature';
export { signerLot, type RapportLot } from './lot';
export { CodePin, avecPin } from './pin';
export {
  analyserCertificat,
  depuisPem,
  estCertificatFormation,
  OID_POLITIQUE_FORMATION,
  validite,
  versPem,
  x509,
  type CertificatAnalyse,
} from './certificats';
export { garantirPlateformeReelle } from './garde-formation';
export type { CarteFormation } from './formation';
export { bibliothequeChargee, chargerBibliotheque, pkcs11js, type Liaison } from './liaison';
export { confianceDe, lireParametresCarte, verifierSelonParametres } from './parametres-carte';
export { avertissements, decrireCertificat } from './description';
export { lirePinTerminal } from './pin-terminal';
export {
  creerAutoriteAgents,
  creerRacine,
  emettreCertificat,
  genererCles,
  RSA_2048,
  type Autorite,
  type DemandeCertificat,
  type Emetteur,
  type UsageEmission,
} from './pki-logicielle';

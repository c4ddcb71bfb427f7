import { webcrypto } from 'node:crypto';
import { OID_POLITIQUE_FORMATION, type x509 } from './certificats';
import { creerRacine, emettreCertificat, genererCles } from './pki-logicielle';
const JOUR = 24 * 3600 * 1000;

export interface TitulaireFormation {
  prenom: string;
  nom: string;
  /** MAIRIE-<département>-<COMMUNE> */
  libelleCommune: string;
  codeInsee: string;
}

export interface EmissionFormation {
  ca: x509.X509Certificate;
  authentification: { certificat: x509.X509Certificate; pkcs8: ArrayBuffer };
  signature: { certificat: x509.X509Certificate; pkcs8: ArrayBuffer };
}

const echapper = (s: string) => s.replace(/[,+"\\<>;=]/g, ' ').trim();

/**
 * Issues the training card's certificates with the software PKI: a training CA of its own (never in a real trust
 * list) and, like an agent card, an authentication and a signature certificate. Every one of
 * them carries the training policy OID, so no verifier of ours accepts them outside training.
 */
export async function emettreCarteFormation(t: TitulaireFormation, maintenant: Date): Promise<EmissionFormation> {
  const politiques = [OID_POLITIQUE_FORMATION];
  const ca = await creerRacine('CN=Registre AC de formation (sans valeur), O=Registre formation, C=FR', maintenant, {
    debut: new Date(maintenant.getTime() - JOUR),
    fin: new Date(maintenant.getTime() + 6 * 365 * JOUR),
    profondeur: 0,
    politiques,
  });
  const sujet =
    `CN=${echapper(t.prenom)} ${echapper(t.nom)} (formation), SN=${echapper(t.nom)}, G=${echapper(t.prenom)}, ` +
    `OU=${echapper(t.codeInsee)}, O=${echapper(t.libelleCommune)}, C=FR`;

  async function delivrer(usage: 'authentification' | 'signature') {
    // Extractable: the keys go into the card's PKCS#12 files.
    const cles = await genererCles(true);
    const certificat = await emettreCertificat(ca, {
      spki: cles.publicKey,
      sujet,
      usage,
      notBefore: new Date(maintenant.getTime() - JOUR),
      notAfter: new Date(maintenant.getTime() + 3 * 365 * JOUR),
      politiques,
    });
    return { certificat, pkcs8: await webcrypto.subtle.exportKey('pkcs8', cles.privateKey) };
  }
  return {
    ca: ca.certificat,
    authentification: await delivrer('authentification'),
    signature: await delivrer('signature'),
  };
}

import { webcrypto } from 'node:crypto';
import { OID_POLITIQUE_FORMATION, x509 } from './certificats';

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
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
 * Issues the training card's certificates: a training CA of its own (never in a real trust
 * list) and, like an agent card, an authentication and a signature certificate. Every one of
 * them carries the training policy OID, so no verifier of ours accepts them outside training.
 */
export async function emettreCarteFormation(t: TitulaireFormation, maintenant: Date): Promise<EmissionFormation> {
  const politique = new x509.CertificatePolicyExtension([OID_POLITIQUE_FORMATION]);
  const clesCa = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=Registre AC de formation (sans valeur), O=Registre formation, C=FR',
    keys: clesCa,
    notBefore: new Date(maintenant.getTime() - JOUR),
    notAfter: new Date(maintenant.getTime() + 6 * 365 * JOUR),
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      politique,
    ],
  });
  const sujet =
    `CN=${echapper(t.prenom)} ${echapper(t.nom)} (formation), SN=${echapper(t.nom)}, G=${echapper(t.prenom)}, ` +
    `OU=${echapper(t.codeInsee)}, O=${echapper(t.libelleCommune)}, C=FR`;

  async function delivrer(usage: 'authentification' | 'signature') {
    const cles = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
    const usages =
      usage === 'signature'
        ? [new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation, true)]
        : [
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
          ];
    const certificat = await x509.X509CertificateGenerator.create({
      subject: sujet,
      issuer: ca.subject,
      publicKey: cles.publicKey,
      signingKey: clesCa.privateKey,
      notBefore: new Date(maintenant.getTime() - JOUR),
      notAfter: new Date(maintenant.getTime() + 3 * 365 * JOUR),
      signingAlgorithm: RSA,
      extensions: [new x509.BasicConstraintsExtension(false, undefined, true), ...usages, politique],
    });
    return { certificat, pkcs8: await webcrypto.subtle.exportKey('pkcs8', cles.privateKey) };
  }
  return { ca, authentification: await delivrer('authentification'), signature: await delivrer('signature') };
}

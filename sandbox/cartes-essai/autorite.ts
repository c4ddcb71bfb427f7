import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** A software certification authority of the test PKI (root or agent CA). */
export interface Autorite {
  readonly certificat: x509.X509Certificate;
  readonly cles: CryptoKeyPair;
  readonly pem: string;
}

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const JOUR = 24 * 3600 * 1000;

/** Root CA of the test PKI, like the ANTS root above the agent CA. */
export async function creerRacine(nom: string, maintenant: Date): Promise<Autorite> {
  const cles = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificat = await x509.X509CertificateGenerator.createSelfSigned({
    name: nom,
    keys: cles,
    notBefore: new Date(maintenant.getTime() - 3650 * JOUR),
    notAfter: new Date(maintenant.getTime() + 3650 * JOUR),
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(cles.publicKey),
    ],
  });
  return { certificat, cles, pem: certificat.toString('pem') };
}

/** Intermediate CA that issues the agents' certificates. */
export async function creerAutoriteAgents(nom: string, racine: Autorite, maintenant: Date): Promise<Autorite> {
  const cles = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificat = await x509.X509CertificateGenerator.create({
    subject: nom,
    issuer: racine.certificat.subject,
    publicKey: cles.publicKey,
    signingKey: racine.cles.privateKey,
    notBefore: new Date(maintenant.getTime() - 3000 * JOUR),
    notAfter: new Date(maintenant.getTime() + 3000 * JOUR),
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(cles.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(racine.cles.publicKey),
    ],
  });
  return { certificat, cles, pem: certificat.toString('pem') };
}

export type UsageCertificat = 'authentification' | 'signature';

export interface DemandeCertificat {
  /** SubjectPublicKeyInfo (DER) of the key generated on the card. */
  spki: Uint8Array;
  sujet: string;
  usage: UsageCertificat;
  notBefore: Date;
  notAfter: Date;
}

/**
 * An agent certificate as ANTS issues them: the authentication one has digitalSignature and
 * the clientAuth extended usage; the signature one has nonRepudiation only (qualified signature).
 */
export async function emettreCertificat(ac: Autorite, d: DemandeCertificat): Promise<x509.X509Certificate> {
  const publicKey = new x509.PublicKey(new Uint8Array(d.spki));
  const usages =
    d.usage === 'signature'
      ? [new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation, true)]
      : [
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.emailProtection]),
        ];
  return x509.X509CertificateGenerator.create({
    subject: d.sujet,
    issuer: ac.certificat.subject,
    publicKey,
    signingKey: ac.cles.privateKey,
    notBefore: d.notBefore,
    notAfter: d.notAfter,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      ...usages,
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ac.cles.publicKey),
    ],
  });
}

export { x509 };

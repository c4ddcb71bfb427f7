import { webcrypto } from 'node:crypto';
import { x509 } from './certificats';

/**
 * The one software PKI: certification authorities and certificates with WebCrypto keys. The
 * training card issues its certificates with it, the sandbox its simulated officers and its own
 * CAs, the test cards (the sandbox's and the test fixtures') their agent certificates.
 * Test and training material only: these keys protect nothing real.
 */

export const RSA_2048: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const JOUR = 24 * 3600 * 1000;

/** A software certification authority (root or issuing CA). */
export interface Autorite {
  readonly certificat: x509.X509Certificate;
  readonly cles: CryptoKeyPair;
  readonly pem: string;
}

/** What issuing needs of a CA: its certificate and its private key (a stored CA has no more). */
export interface Emetteur {
  readonly certificat: x509.X509Certificate;
  readonly cles: { readonly privateKey: CryptoKey };
}

export async function genererCles(extractible = true): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA_2048, extractible, ['sign', 'verify'])) as CryptoKeyPair;
}

export interface OptionsAutorite {
  debut?: Date;
  fin?: Date;
  /** How many CAs may stand below (pathLen): 1 for a root above an issuing CA, 0 for an issuing CA. */
  profondeur?: number;
  /** Certificate policies (the training OID marks a training CA). */
  politiques?: string[];
  /** Keys to certify (default: fresh extractable RSA 2048). */
  cles?: CryptoKeyPair;
}

async function creerAutorite(
  nom: string,
  emetteur: Autorite | null,
  o: Required<Pick<OptionsAutorite, 'debut' | 'fin' | 'profondeur'>> & OptionsAutorite,
): Promise<Autorite> {
  const cles = o.cles ?? (await genererCles());
  const certificat = await x509.X509CertificateGenerator.create({
    subject: nom,
    issuer: emetteur?.certificat.subject ?? nom,
    publicKey: cles.publicKey,
    signingKey: emetteur?.cles.privateKey ?? cles.privateKey,
    notBefore: o.debut,
    notAfter: o.fin,
    signingAlgorithm: RSA_2048,
    extensions: [
      new x509.BasicConstraintsExtension(true, o.profondeur, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(cles.publicKey),
      ...(emetteur ? [await x509.AuthorityKeyIdentifierExtension.create(emetteur.cles.publicKey)] : []),
      ...(o.politiques?.length ? [new x509.CertificatePolicyExtension(o.politiques)] : []),
    ],
  });
  return { certificat, cles, pem: certificat.toString('pem') };
}

/** A self-signed root CA, like the ANTS root above the agent CA. */
export function creerRacine(nom: string, maintenant: Date, o: OptionsAutorite = {}): Promise<Autorite> {
  return creerAutorite(nom, null, {
    ...o,
    debut: o.debut ?? new Date(maintenant.getTime() - 3650 * JOUR),
    fin: o.fin ?? new Date(maintenant.getTime() + 3650 * JOUR),
    profondeur: o.profondeur ?? 1,
  });
}

/** An issuing CA under `racine` (the agents' CA, the simulated communes' CA). */
export function creerAutoriteAgents(
  nom: string,
  racine: Autorite,
  maintenant: Date,
  o: OptionsAutorite = {},
): Promise<Autorite> {
  return creerAutorite(nom, racine, {
    ...o,
    debut: o.debut ?? new Date(maintenant.getTime() - 3000 * JOUR),
    fin: o.fin ?? new Date(maintenant.getTime() + 3000 * JOUR),
    profondeur: o.profondeur ?? 0,
  });
}

export type UsageEmission = 'authentification' | 'signature';

export interface DemandeCertificat {
  /** The key to certify: SubjectPublicKeyInfo (DER) of a key generated on a card, or a WebCrypto key. */
  spki: Uint8Array | CryptoKey;
  sujet: string;
  usage: UsageEmission;
  notBefore: Date;
  notAfter: Date;
  politiques?: string[];
}

/**
 * An agent certificate as ANTS issues them: the authentication one has digitalSignature and
 * the clientAuth extended usage; the signature one has nonRepudiation only (qualified signature).
 */
export async function emettreCertificat(ac: Emetteur, d: DemandeCertificat): Promise<x509.X509Certificate> {
  const publicKey = d.spki instanceof Uint8Array ? new x509.PublicKey(new Uint8Array(d.spki)) : d.spki;
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
    signingAlgorithm: RSA_2048,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      ...usages,
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ac.certificat.publicKey),
      ...(d.politiques?.length ? [new x509.CertificatePolicyExtension(d.politiques)] : []),
    ],
  });
}

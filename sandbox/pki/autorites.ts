import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { analyserCertificat, OID_POLITIQUE_FORMATION, x509, type CertificatAnalyse } from '../../electron/signature';
import type { DepotReglages } from '../depots/reglages';

/**
 * The certification authority that issues the certificates of the SIMULATED communes' officers
 * (they sign the answers to requests sent to them). In tests it is the agent CA of the test PKI
 * (so the client verifies those answers with the same trust list as the cards'); a platform
 * started alone makes its own root and agent CA once and keeps them in its database. Test
 * material only: these keys protect nothing real.
 */
export interface AutoriteEmettrice {
  /** The issuing CA (intermediate). */
  certificat: CertificatAnalyse;
  cle: CryptoKey;
  /** The CAs above it, up to the root (included), PEM. */
  superieures: string[];
}

const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const JOUR = 24 * 3600 * 1000;
const subtle = webcrypto.subtle;

async function genererCles(extractible: boolean): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(RSA, extractible, ['sign', 'verify'])) as CryptoKeyPair;
}

async function creerAutorite(sujet: string, emetteur: { sujet: string; cle: CryptoKey } | null, cles: CryptoKeyPair, maintenant: Date) {
  return x509.X509CertificateGenerator.create({
    subject: sujet,
    issuer: emetteur?.sujet ?? sujet,
    publicKey: cles.publicKey,
    signingKey: emetteur?.cle ?? cles.privateKey,
    notBefore: new Date(maintenant.getTime() - JOUR),
    notAfter: new Date(maintenant.getTime() + 3650 * JOUR),
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, emetteur ? 0 : 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(cles.publicKey),
    ],
  });
}

interface PkiStockee {
  racinePem: string;
  acPem: string;
  acCle: string;
}

/** The platform's own PKI, created on first start and kept in its database. */
export async function autoritePropre(reglages: DepotReglages, maintenant: Date): Promise<AutoriteEmettrice> {
  let pki = reglages.lire<PkiStockee | null>('pki', null);
  if (!pki) {
    const clesRacine = await genererCles(false);
    const racine = await creerAutorite('CN=Bac à sable COMEDEC AC Racine, O=Registre essais, C=FR', null, clesRacine, maintenant);
    const clesAc = await genererCles(true);
    const ac = await creerAutorite(
      'CN=Bac à sable COMEDEC AC Communes simulées, O=Registre essais, C=FR',
      { sujet: racine.subject, cle: clesRacine.privateKey },
      clesAc,
      maintenant,
    );
    const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', clesAc.privateKey)).toString('base64');
    pki = { racinePem: racine.toString('pem'), acPem: ac.toString('pem'), acCle: pkcs8 };
    reglages.ecrire('pki', pki);
  }
  const cle = await subtle.importKey('pkcs8', Buffer.from(pki.acCle, 'base64'), RSA, false, ['sign']);
  return { certificat: analyserCertificat(new Uint8Array(new x509.X509Certificate(pki.acPem).rawData)), cle, superieures: [pki.racinePem] };
}

/** A simulated officer's signature certificate (nonRepudiation), with a software key. */
export async function emettreOfficierSimule(
  ac: AutoriteEmettrice,
  commune: { codeInsee: string; libelle: string },
  formation: boolean,
  maintenant: Date,
): Promise<{ certificat: CertificatAnalyse; cle: CryptoKey }> {
  const cles = await genererCles(false);
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=Officier simulé ${commune.codeInsee}, SN=SIMULE, G=Officier, T=Officier de l etat civil, OU=${commune.codeInsee}, O=${commune.libelle}, C=FR`,
    issuer: ac.certificat.x509.subject,
    publicKey: cles.publicKey,
    signingKey: ac.cle,
    notBefore: new Date(maintenant.getTime() - JOUR),
    notAfter: new Date(maintenant.getTime() + 3 * 365 * JOUR),
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(cles.publicKey),
      ...(formation ? [new x509.CertificatePolicyExtension([OID_POLITIQUE_FORMATION])] : []),
    ],
  });
  return { certificat: analyserCertificat(new Uint8Array(cert.rawData)), cle: cles.privateKey };
}

import { webcrypto } from 'node:crypto';
import {
  analyserCertificat,
  creerAutoriteAgents,
  creerRacine,
  emettreCertificat,
  genererCles,
  OID_POLITIQUE_FORMATION,
  RSA_2048,
  x509,
  type CertificatAnalyse,
} from '../../electron/signature';
import type { DepotReglages } from '../depots/reglages';

/**
 * The certification authority that issues the certificates of the SIMULATED communes' officers
 * (they sign the answers to requests sent to them). In tests it is the agent CA of the test PKI
 * (so the client verifies those answers with the same trust list as the cards'); a platform
 * started alone makes its own root and agent CA once (with the app's software PKI) and keeps
 * them in its database. Test material only: these keys protect nothing real.
 */
export interface AutoriteEmettrice {
  /** The issuing CA (intermediate). */
  certificat: CertificatAnalyse;
  cle: CryptoKey;
  /** The CAs above it, up to the root (included), PEM. */
  superieures: string[];
}

const JOUR = 24 * 3600 * 1000;
const subtle = webcrypto.subtle;

interface PkiStockee {
  racinePem: string;
  acPem: string;
  acCle: string;
}

/** The platform's own PKI, created on first start and kept in its database. */
export async function autoritePropre(reglages: DepotReglages, maintenant: Date): Promise<AutoriteEmettrice> {
  let pki = reglages.lire<PkiStockee | null>('pki', null);
  if (!pki) {
    const validite = {
      debut: new Date(maintenant.getTime() - JOUR),
      fin: new Date(maintenant.getTime() + 3650 * JOUR),
    };
    // The root's key is never stored: nothing more will be signed with it.
    const racine = await creerRacine('CN=Bac à sable COMEDEC AC Racine, O=Registre essais, C=FR', maintenant, {
      ...validite,
      cles: await genererCles(false),
    });
    const ac = await creerAutoriteAgents(
      'CN=Bac à sable COMEDEC AC Communes simulées, O=Registre essais, C=FR',
      racine,
      maintenant,
      validite,
    );
    const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', ac.cles.privateKey)).toString('base64');
    pki = { racinePem: racine.pem, acPem: ac.pem, acCle: pkcs8 };
    reglages.ecrire('pki', pki);
  }
  const cle = await subtle.importKey('pkcs8', Buffer.from(pki.acCle, 'base64'), RSA_2048, false, ['sign']);
  return {
    certificat: analyserCertificat(new Uint8Array(new x509.X509Certificate(pki.acPem).rawData)),
    cle,
    superieures: [pki.racinePem],
  };
}

/** A simulated officer's signature certificate (nonRepudiation), with a software key. */
export async function emettreOfficierSimule(
  ac: AutoriteEmettrice,
  commune: { codeInsee: string; libelle: string },
  formation: boolean,
  maintenant: Date,
): Promise<{ certificat: CertificatAnalyse; cle: CryptoKey }> {
  const cles = await genererCles(false);
  const cert = await emettreCertificat(
    { certificat: ac.certificat.x509, cles: { privateKey: ac.cle } },
    {
      spki: cles.publicKey,
      sujet: `CN=Officier simulé ${commune.codeInsee}, SN=SIMULE, G=Officier, T=Officier de l etat civil, OU=${commune.codeInsee}, O=${commune.libelle}, C=FR`,
      usage: 'signature',
      notBefore: new Date(maintenant.getTime() - JOUR),
      notAfter: new Date(maintenant.getTime() + 3 * 365 * JOUR),
      politiques: formation ? [OID_POLITIQUE_FORMATION] : [],
    },
  );
  return { certificat: analyserCertificat(new Uint8Array(cert.rawData)), cle: cles.privateKey };
}

import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { erreurs } from '../../shared/errors';
import { MemoBorne } from '../../shared/memo-borne';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** What a certificate is for, from its key usage and extended key usage (not its label). */
export type UsageCertificat = 'authentification' | 'signature' | 'autorite' | 'autre';
export type ValiditeCertificat = 'valide' | 'expire_bientot' | 'expire' | 'pas_encore_valide';

/** Warn this many days before a certificate expires. */
export const JOURS_AVERTISSEMENT_EXPIRATION = 60;
const JOUR = 24 * 3600 * 1000;

export interface CertificatAnalyse {
  readonly der: Uint8Array<ArrayBuffer>;
  readonly x509: x509.X509Certificate;
  /** SHA-256 of the DER, hex: the certificate's identity everywhere in Registre. */
  readonly empreinte: string;
  readonly usage: UsageCertificat;
  readonly algorithme: 'RSA' | 'EC' | 'autre';
  readonly titulaire: string;
  readonly prenom: string | null;
  readonly nom: string | null;
  readonly titre: string | null;
  readonly organisation: string | null;
  readonly uniteOrganisation: string | null;
  readonly emetteur: string;
  readonly serie: string;
  readonly debut: Date;
  readonly fin: Date;
  readonly autorite: boolean;
  readonly usagesCle: number;
  readonly usagesEtendus: readonly string[];
}

const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const cache = new MemoBorne<string, CertificatAnalyse>(256);

function champ(nom: x509.Name, cle: string): string | null {
  return nom.getField(cle)[0] ?? null;
}

function classer(autorite: boolean, usages: number, etendus: readonly string[]): UsageCertificat {
  if (autorite) return 'autorite';
  // Qualified signature certificates carry nonRepudiation (contentCommitment).
  if (usages & x509.KeyUsageFlags.nonRepudiation) return 'signature';
  if (usages & x509.KeyUsageFlags.digitalSignature && (etendus.length === 0 || etendus.includes(OID_CLIENT_AUTH))) {
    return 'authentification';
  }
  return 'autre';
}

/**
 * Parses a certificate ONCE per process (cached by fingerprint): the batch signer and the
 * verifier meet the same few certificates thousands of times.
 */
export function analyserCertificat(der: Uint8Array): CertificatAnalyse {
  const empreinte = createHash('sha256').update(der).digest('hex');
  return cache.obtenir(empreinte, () => analyser(der, empreinte));
}

function analyser(der: Uint8Array, empreinte: string): CertificatAnalyse {
  let c: x509.X509Certificate;
  try {
    c = new x509.X509Certificate(new Uint8Array(der));
  } catch {
    throw erreurs.certificatInvalide('certificat illisible');
  }
  const bc = c.getExtension(x509.BasicConstraintsExtension);
  const ku = c.getExtension(x509.KeyUsagesExtension);
  const eku = c.getExtension(x509.ExtendedKeyUsageExtension);
  const autorite = bc?.ca === true;
  const usagesCle = ku?.usages ?? 0;
  const usagesEtendus = (eku?.usages ?? []).map(String);
  const nomAlgo = c.publicKey.algorithm.name;
  const analyse: CertificatAnalyse = {
    der: new Uint8Array(der),
    x509: c,
    empreinte,
    usage: classer(autorite, usagesCle, usagesEtendus),
    algorithme: nomAlgo.startsWith('RSA') ? 'RSA' : nomAlgo === 'ECDSA' || nomAlgo === 'ECDH' ? 'EC' : 'autre',
    titulaire: champ(c.subjectName, 'CN') ?? c.subject,
    prenom: champ(c.subjectName, 'G') ?? champ(c.subjectName, '2.5.4.42'),
    nom: champ(c.subjectName, 'SN') ?? champ(c.subjectName, '2.5.4.4'),
    titre: champ(c.subjectName, 'T') ?? champ(c.subjectName, '2.5.4.12'),
    organisation: champ(c.subjectName, 'O'),
    uniteOrganisation: champ(c.subjectName, 'OU'),
    emetteur: champ(c.issuerName, 'CN') ?? c.issuer,
    serie: c.serialNumber.toUpperCase(),
    debut: c.notBefore,
    fin: c.notAfter,
    autorite,
    usagesCle,
    usagesEtendus,
  };
  return analyse;
}

export function depuisPem(pem: string): CertificatAnalyse[] {
  const blocs = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocs.map((b) => analyserCertificat(Buffer.from(b.replace(/-----[^-]+-----|\s/g, ''), 'base64')));
}

export function versPem(c: CertificatAnalyse): string {
  const b64 = Buffer.from(c.der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

export interface EtatValidite {
  readonly validite: ValiditeCertificat;
  /** Whole days until expiry (negative once expired). */
  readonly joursRestants: number;
}

export function validite(c: Pick<CertificatAnalyse, 'debut' | 'fin'>, maintenant: Date): EtatValidite {
  const t = maintenant.getTime();
  const joursRestants = Math.floor((c.fin.getTime() - t) / JOUR);
  if (t < c.debut.getTime()) return { validite: 'pas_encore_valide', joursRestants };
  if (t > c.fin.getTime()) return { validite: 'expire', joursRestants };
  if (joursRestants <= JOURS_AVERTISSEMENT_EXPIRATION) return { validite: 'expire_bientot', joursRestants };
  return { validite: 'valide', joursRestants };
}

/** Refuses an expired or not-yet-valid certificate, with the reason the officer must read. */
export function exigerValide(c: CertificatAnalyse, maintenant: Date): EtatValidite {
  const v = validite(c, maintenant);
  const fin = c.fin.toLocaleDateString('fr-FR');
  if (v.validite === 'expire')
    throw erreurs.certificatInvalide(`le certificat a expiré le ${fin}. Demandez le renouvellement de la carte.`);
  if (v.validite === 'pas_encore_valide') {
    throw erreurs.certificatInvalide(
      `le certificat ne sera valide qu’à partir du ${c.debut.toLocaleDateString('fr-FR')}.`,
    );
  }
  return v;
}

export { x509 };

/**
 * Certificate policy of the training card (an OID under 2.25, the UUID arc anyone may use).
 * A certificate that carries it is never accepted for a real platform.
 */
export const OID_POLITIQUE_FORMATION = '2.25.216527560510583598498572763819641810449';

/**
 * asn1js renders OID arcs above 2^53 in a form of its own when parsing, so the policy is
 * recognised by its DER encoding (as written by the same library), not by its dotted string.
 */
const DER_POLITIQUE_FORMATION = (() => {
  const v = Buffer.from(new x509.CertificatePolicyExtension([OID_POLITIQUE_FORMATION]).value);
  // value = SEQUENCE { SEQUENCE { OID } }: keep the OID's TLV (tag 06).
  return v.subarray(v.indexOf(0x06, 2));
})();

export function estCertificatFormation(c: CertificatAnalyse): boolean {
  return c.x509.extensions.some(
    (e) => e.type === '2.5.29.32' && Buffer.from(e.value).includes(DER_POLITIQUE_FORMATION),
  );
}

import { webcrypto } from 'node:crypto';
import { erreurs, RegistreError } from '../../shared/errors';
import { analyserCertificat, exigerValide, type CertificatAnalyse } from './certificats';
import type { CarteFormation, CarteFormationOuverte } from './formation';
import type { JetonVu } from './jetons';
import type { Liaison } from './liaison';
import { CleMaterielle } from './moteur';
import type { CodePin } from './pin';
import { SessionCarte, type CleCarte } from './session-carte';
import { SignateurXades } from './xades-signer';

export interface CertificatLu {
  readonly analyse: CertificatAnalyse;
  /** CKA_ID of the matching key on the card (null for the training card). */
  readonly id: Buffer | null;
}

export type Acces = { type: 'pkcs11'; session: SessionCarte } | { type: 'formation'; ouverte: CarteFormationOuverte };

/** The one open session: which card, how to reach it, what it holds. */
export interface SessionActive {
  readonly jeton: JetonVu;
  readonly nature: 'carte' | 'formation';
  readonly acces: Acces;
  readonly certificats: CertificatLu[];
  readonly connecteeLe: Date;
  /** The signature key carries CKA_ALWAYS_AUTHENTICATE: a PIN for each signature (read at login). */
  readonly pinParSignature: boolean;
}

/** An agent card holds an authentication certificate; an expired one closes the door. */
export function verifierCertificatsCarte(certs: CertificatAnalyse[], maintenant: Date): void {
  const auth = certs.find((c) => c.usage === 'authentification');
  if (!auth && !certs.some((c) => c.usage === 'signature'))
    throw erreurs.carteInconnue('aucun certificat d’agent sur cette carte');
  if (auth) exigerValide(auth, maintenant);
}

/** Opens a PKCS#11 session: login only if needed; on any failure nothing stays open. */
export function ouvrirCarte(
  jeton: JetonVu,
  liaison: Liaison | null,
  pin: CodePin | null,
  maintenant: Date,
): SessionActive {
  if (!liaison) throw erreurs.carteInconnue('bibliothèque PKCS#11 indisponible');
  const session = SessionCarte.ouvrir(liaison, jeton);
  try {
    session.connecter(pin);
    const certificats = session.certificats().map((c) => ({ analyse: analyserCertificat(c.der), id: c.id }));
    verifierCertificatsCarte(
      certificats.map((c) => c.analyse),
      maintenant,
    );
    return {
      jeton,
      nature: 'carte',
      acces: { type: 'pkcs11', session },
      certificats,
      connecteeLe: maintenant,
      pinParSignature: pinParSignature(session, certificats),
    };
  } catch (e) {
    session.deconnecter();
    session.fermer();
    throw e;
  }
}

/**
 * Reads CKA_ALWAYS_AUTHENTICATE on the signature key (a private object: after login).
 * node-webcrypto-p11 never does the context-specific login, so we read it ourselves. A card
 * without a signature key, or whose key cannot be read now, signs nothing anyway: false.
 */
function pinParSignature(session: SessionCarte, certificats: CertificatLu[]): boolean {
  const sig = certificats.find((c) => c.analyse.usage === 'signature');
  if (!sig?.id) return false;
  try {
    return session.cle(sig.id).toujoursAuthentifier;
  } catch (e) {
    if (e instanceof RegistreError && e.code === 'carte_retiree') throw e;
    return false;
  }
}

export async function ouvrirFormation(
  jeton: JetonVu,
  carte: CarteFormation,
  pin: CodePin | null,
  maintenant: Date,
): Promise<SessionActive> {
  if (!pin) throw erreurs.saisieInvalide('pin', 'le code PIN est requis');
  const ouverte = await carte.ouvrir(pin);
  verifierCertificatsCarte(ouverte.certificats, maintenant);
  const certificats = ouverte.certificats.map((analyse) => ({ analyse, id: null }));
  return {
    jeton,
    nature: 'formation',
    acces: { type: 'formation', ouverte },
    certificats,
    connecteeLe: maintenant,
    pinParSignature: false,
  };
}

export function fermer(s: SessionActive | null): void {
  if (s?.acces.type === 'pkcs11') {
    s.acces.session.deconnecter();
    s.acces.session.fermer();
  }
}

/** The signature certificate, if this card may sign now (else the reason, as an error). */
export function certificatSignature(s: SessionActive, maintenant: Date, mode: 'reelle' | 'formation'): CertificatLu {
  const c = s.certificats.find((x) => x.analyse.usage === 'signature');
  if (!c) {
    throw erreurs.droitsInsuffisants(
      'Cette carte ne porte pas de certificat de signature : seul un officier de l’état civil délégué peut signer.',
    );
  }
  exigerValide(c.analyse, maintenant);
  if (s.nature === 'formation' && mode !== 'formation')
    throw erreurs.droitsInsuffisants('La carte de formation ne signe qu’en mode formation.');
  return c;
}

/**
 * The WebCrypto algorithm a card key signs with, as xadesjs must be told: RSA keys sign
 * PKCS#1 v1.5 SHA-256 (their modulus length from the key), EC keys ECDSA on their curve.
 * Exported so test tools that sign with a token key say the same thing, not a copy of it.
 */
export function algorithmeDeCle(
  cle: Pick<CleCarte, 'algorithme' | 'taille' | 'courbe'>,
): RsaHashedKeyAlgorithm | EcKeyAlgorithm {
  return cle.algorithme === 'RSA'
    ? ({
        name: 'RSASSA-PKCS1-v1_5',
        hash: { name: 'SHA-256' },
        modulusLength: cle.taille * 8,
        publicExponent: new Uint8Array([1, 0, 1]),
      } as RsaHashedKeyAlgorithm)
    : ({ name: 'ECDSA', namedCurve: cle.courbe! } as EcKeyAlgorithm);
}

/**
 * The signer of one batch: the card's signature key and certificate, the card's CA
 * certificates as chain. A key with CKA_ALWAYS_AUTHENTICATE uses `pin` for ONE signature (then
 * it is wiped); any other key signs after the card has checked `pin` once.
 */
export function creerSignataire(
  s: SessionActive,
  pin: CodePin | null,
  maintenant: Date,
  mode: 'reelle' | 'formation',
  certificatAttendu?: string,
): SignateurXades {
  const c = certificatSignature(s, maintenant, mode);
  // A batch that takes several calls started with one certificate: another card is another batch.
  if (certificatAttendu !== undefined && c.analyse.empreinte !== certificatAttendu)
    throw erreurs.carteChangeePendantLot();
  const chaine = s.certificats.map((x) => x.analyse).filter((x) => x.autorite && x.x509.subject !== x.x509.issuer);
  if (s.acces.type === 'formation') {
    const cle = s.acces.ouverte.cles.get(c.analyse.empreinte);
    if (!cle) throw erreurs.carteInconnue('clé de signature absente');
    return new SignateurXades({ nature: 'formation', certificat: c.analyse, chaine, cle });
  }
  const session = s.acces.session;
  if (!c.id) throw erreurs.carteInconnue('certificat de signature sans identifiant de clé');
  if (s.pinParSignature) {
    if (!s.jeton.cheminProtege && !pin) throw erreurs.pinRequis(true);
  } else {
    // One login signs the batch: the PIN typed for it is checked by the card first (before the
    // key is looked up: a logout ends the handles of private objects).
    session.reverifierPin(pin);
  }
  const cle = session.cle(c.id);
  return new SignateurXades({
    nature: 'carte',
    certificat: c.analyse,
    chaine,
    cle: new CleMaterielle(algorithmeDeCle(cle), (donnees) => session.signer(cle, donnees, pin)),
  });
}

/** What connecting to the platform needs: the authentication certificate and its key. */
export interface Authentifiant {
  readonly nature: 'carte' | 'formation';
  readonly certificat: CertificatAnalyse;
  readonly chaine: readonly CertificatAnalyse[];
  /** Signs with the authentication key (RSASSA-PKCS1-v1_5 or ECDSA, SHA-256), through the open session. */
  signer(donnees: Uint8Array): Promise<Uint8Array>;
}

export function creerAuthentifiant(s: SessionActive, maintenant: Date): Authentifiant {
  const c = s.certificats.find((x) => x.analyse.usage === 'authentification');
  if (!c) throw erreurs.carteInconnue('aucun certificat d’authentification sur cette carte');
  exigerValide(c.analyse, maintenant);
  const chaine = s.certificats.map((x) => x.analyse).filter((x) => x.autorite && x.x509.subject !== x.x509.issuer);
  if (s.acces.type === 'formation') {
    const cle = s.acces.ouverte.cles.get(c.analyse.empreinte);
    if (!cle) throw erreurs.carteInconnue('clé d’authentification absente');
    return {
      nature: 'formation',
      certificat: c.analyse,
      chaine,
      signer: async (d) => new Uint8Array(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', cle, d)),
    };
  }
  const session = s.acces.session;
  if (!c.id) throw erreurs.carteInconnue('certificat d’authentification sans identifiant de clé');
  const id = c.id;
  return { nature: 'carte', certificat: c.analyse, chaine, signer: (d) => session.signer(session.cle(id), d, null) };
}

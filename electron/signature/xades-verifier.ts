import { createHash } from 'node:crypto';
import * as xadesjs from 'xadesjs';
import { citer } from '../../shared/citation';
import { erreurs, RegistreError } from '../../shared/errors';
import { analyserCertificat, estCertificatFormation, validite, type CertificatAnalyse } from './certificats';
import type { Confiance } from './confiance';
import { xades } from './moteur';
import { CANONISATIONS, DSIG, lireForme, type FormeSignature, verifierInstantSignature } from './politique';
import { lireXml } from './xml';

const METHODES: Record<string, { nom: 'RSASSA-PKCS1-v1_5' | 'ECDSA'; hash: string }> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { nom: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { nom: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { nom: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { nom: 'ECDSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { nom: 'ECDSA', hash: 'SHA-384' },
};
const CONDENSATS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};
export interface OptionsVerification {
  readonly confiance: Confiance;
  /**
   * The document kind the caller expects (the answer's root): always stated, so a genuine
   * signature on another kind of document (a request sent) is never taken for an answer.
   */
  readonly racineAttendue: RacineDocument;
  /**
   * When the document is received (sync engine, platform) or verified (CLI, screen): the
   * certificate and its chain must be valid then too, and the signing time close before it.
   */
  readonly maintenant: Date;
  /** Signatures of the training card are refused unless the caller is in training mode. */
  readonly accepterFormation?: boolean;
}

export interface RacineDocument {
  readonly nomLocal: string;
  readonly espaceNoms: string | null;
}

/** The kind of a document, as its root names it (for a caller that was not told which to expect). */
export function racineDocument(xml: string): RacineDocument {
  let doc: Document;
  try {
    doc = lireXml(xml, 'signature');
  } catch (e) {
    throw invalide(((e as RegistreError).details?.raison as string) ?? 'document illisible');
  }
  return { nomLocal: doc.documentElement.localName, espaceNoms: doc.documentElement.namespaceURI ?? null };
}

export interface ResultatVerification {
  readonly signataire: CertificatAnalyse;
  readonly chaine: readonly CertificatAnalyse[];
  readonly horodatage: Date;
  readonly nature: 'carte' | 'formation';
}

const invalide = (raison: string) => erreurs.signatureInvalide(raison);
const clesPubliques = new Map<string, CryptoKey>();

function verifierIdsUniques(racine: Element): void {
  const vus = new Set<string>();
  const pile: Element[] = [racine];
  while (pile.length) {
    const e = pile.pop()!;
    for (const nom of ['Id', 'ID', 'id']) {
      const v = e.getAttribute(nom);
      if (v !== null && v !== '') {
        if (vus.has(v)) throw invalide(`identifiant « ${citer(v)} » présent plusieurs fois`);
        vus.add(v);
      }
    }
    for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) pile.push(n as Element);
  }
}

function verifierStructure(doc: Document, options: OptionsVerification): Element {
  const racine = doc.documentElement;
  const attendu = options.racineAttendue;
  if (racine.localName !== attendu.nomLocal) {
    throw invalide(
      `l’élément signé est « ${citer(racine.localName)} », pas l’élément attendu « ${citer(attendu.nomLocal)} »`,
    );
  }
  if ((racine.namespaceURI ?? null) !== attendu.espaceNoms) {
    throw invalide(
      `l’élément signé « ${citer(racine.localName)} » est dans l’espace de noms « ${citer(racine.namespaceURI ?? '(aucun)')} », ` +
        `pas dans l’espace attendu « ${citer(attendu.espaceNoms ?? '(aucun)')} »`,
    );
  }
  const signatures = doc.getElementsByTagNameNS(DSIG, 'Signature');
  if (signatures.length === 0) throw invalide('le document ne porte aucune signature');
  if (signatures.length > 1) throw invalide('le document porte plusieurs signatures');
  const signature = signatures.item(0)!;
  if (signature.parentNode !== racine) throw invalide('la signature n’enveloppe pas l’élément racine du document');
  verifierIdsUniques(racine);
  return signature;
}

/**
 * What the policy (politique.ts) read on the DOM must be what xadesjs verifies: the same
 * methods, the same two references, the same SignedProperties.
 */
function verifierAlgorithmes(signe: xadesjs.SignedXml, forme: FormeSignature): void {
  const info = signe.XmlSignature.SignedInfo;
  if (!CANONISATIONS.has(info.CanonicalizationMethod.Algorithm)) throw invalide('méthode de canonisation non admise');
  if (!METHODES[info.SignatureMethod.Algorithm ?? '']) throw invalide('algorithme de signature non admis');
  const refs = info.References.GetIterator();
  if (refs.length !== forme.references.length) throw invalide('références de la signature incorrectes');
  for (const r of refs)
    if (!CONDENSATS[r.DigestMethod.Algorithm ?? '']) throw invalide('algorithme d’empreinte non admis');
  if (signe.Properties?.SignedProperties.Id !== forme.idProprietes) throw invalide('propriétés XAdES incohérentes');
}

function enfantDsig(e: Element, nom: string): Element | null {
  for (let n = e.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === nom && (n as Element).namespaceURI === DSIG)
      return n as Element;
  }
  return null;
}

/** The certificates carried in KeyInfo/X509Data, parsed once per process (analyserCertificat caches). */
function certificatsKeyInfo(signature: Element): CertificatAnalyse[] {
  const keyInfo = enfantDsig(signature, 'KeyInfo');
  if (!keyInfo) throw invalide('certificat du signataire absent (KeyInfo)');
  const liste = keyInfo.getElementsByTagNameNS(DSIG, 'X509Certificate');
  const certificats: CertificatAnalyse[] = [];
  for (let i = 0; i < liste.length; i++) {
    const b64 = (liste.item(i)!.textContent ?? '').replace(/\s+/g, '');
    try {
      certificats.push(analyserCertificat(Buffer.from(b64, 'base64')));
    } catch {
      throw invalide('certificat illisible dans KeyInfo');
    }
  }
  return certificats;
}

/** The signing certificate: the KeyInfo certificate whose digest is in the signed properties. */
function certificatSignataire(signe: xadesjs.SignedXml, candidats: CertificatAnalyse[]): CertificatAnalyse {
  const ssp = signe.SignedProperties.SignedSignatureProperties;
  const references = [...ssp.SigningCertificateV2.GetIterator(), ...ssp.SigningCertificate.GetIterator()];
  if (references.length !== 1)
    throw invalide('le certificat de signature doit être désigné une fois dans les propriétés signées');
  const ref = references[0];
  const algo = CONDENSATS[ref.CertDigest.DigestMethod.Algorithm ?? ''];
  if (!algo) throw invalide('algorithme d’empreinte du certificat non admis');
  const attendu = Buffer.from(ref.CertDigest.DigestValue);
  const trouve = candidats.find((c) => createHash(algo).update(c.der).digest().equals(attendu));
  if (!trouve) throw invalide('le certificat désigné par les propriétés signées est absent');
  return trouve;
}

async function clePublique(c: CertificatAnalyse, methode: string): Promise<CryptoKey> {
  const m = METHODES[methode];
  const cle = `${c.empreinte}|${methode}`;
  let k = clesPubliques.get(cle);
  if (!k) {
    const alg =
      m.nom === 'ECDSA'
        ? { name: 'ECDSA', namedCurve: (c.x509.publicKey.algorithm as EcKeyAlgorithm).namedCurve }
        : { name: m.nom, hash: m.hash };
    k = await c.x509.publicKey.export(alg, ['verify']);
    clesPubliques.set(cle, k);
  }
  return k;
}

/**
 * Verifies an enveloped XAdES signature under the policy of docs/signature.md: structure (one
 * signature, on the expected element, nothing outside it, the one shape of references and
 * transforms), every reference digest and the signature value (xadesjs), the signing time
 * (present, not in the future, not older than the purge delay), the signing certificate
 * (designated in the signed properties, nonRepudiation, valid at signing time AND at
 * `maintenant`) and its chain up to the trust list. Throws signature_invalide with the reason.
 */
export async function verifierXades(xml: string, options: OptionsVerification): Promise<ResultatVerification> {
  xades();
  let doc: Document;
  try {
    doc = lireXml(xml, 'signature');
  } catch (e) {
    throw invalide(((e as RegistreError).details?.raison as string) ?? 'document illisible');
  }
  const signature = verifierStructure(doc, options);
  const forme = lireForme(signature, doc.documentElement);
  const signe = new xadesjs.SignedXml(doc);
  const candidats = certificatsKeyInfo(signature);
  // KeyInfo is signed by nobody (it is only where the certificates travel): xadesjs would parse
  // every certificate in it again at each verification; we read them ourselves (cached by
  // fingerprint), and let xadesjs load the signature without it.
  const keyInfo = enfantDsig(signature, 'KeyInfo');
  const suivant = keyInfo?.nextSibling ?? null;
  if (keyInfo) signature.removeChild(keyInfo);
  try {
    signe.LoadXml(signature);
  } catch {
    throw invalide('élément Signature illisible');
  } finally {
    if (keyInfo) signature.insertBefore(keyInfo, suivant);
  }
  verifierAlgorithmes(signe, forme);
  const signataire = certificatSignataire(signe, candidats);
  const methode = signe.XmlSignature.SignedInfo.SignatureMethod.Algorithm!;
  const attendue = METHODES[methode].nom === 'ECDSA' ? 'EC' : 'RSA';
  if (signataire.algorithme !== attendue)
    throw invalide('algorithme de signature incohérent avec la clé du certificat');

  let ok: boolean;
  // Our key is already imported for this exact method; without `Algorithm` xmldsigjs does not
  // re-import it (its re-import drops the curve of ECDSA keys, and costs time for RSA ones).
  signe.Algorithm = undefined;
  try {
    ok = await signe.Verify(await clePublique(signataire, methode));
  } catch (e) {
    // xml-core's XmlError is not an Error: read its message directly.
    const message = String((e as { message?: unknown })?.message ?? '');
    if (/Invalid digest for uri '#/.test(message)) {
      throw invalide('les propriétés signées (date de signature, certificat) ont été modifiées');
    }
    if (/Invalid digest/.test(message)) throw invalide('le contenu du document a été modifié depuis sa signature');
    throw invalide('vérification impossible');
  }
  if (!ok) throw invalide('la valeur de signature ne correspond pas au contenu signé');

  // Read from the DOM (politique.ts), never from xadesjs: its SigningTime defaults to the time
  // the library was loaded when the element is missing.
  const { horodatage } = forme;
  verifierInstantSignature(horodatage, options.maintenant);
  for (const [instant, quand] of [
    [horodatage, 'à la date de signature'],
    [options.maintenant, 'à la date de réception ou de vérification'],
  ] as const) {
    const v = validite(signataire, instant).validite;
    if (v === 'expire' || v === 'pas_encore_valide') throw invalide(`le certificat n’était pas valide ${quand}`);
  }
  if (signataire.usage !== 'signature')
    throw invalide('le certificat n’est pas un certificat de signature (non-répudiation)');
  const formation = estCertificatFormation(signataire);
  if (formation && !options.accepterFormation) throw invalide('signature faite avec une carte de formation');

  const chaine = await options.confiance.verifierChaine(
    signataire,
    candidats.filter((c) => c !== signataire),
    [horodatage, options.maintenant],
  );
  return { signataire, chaine, horodatage, nature: formation ? 'formation' : 'carte' };
}

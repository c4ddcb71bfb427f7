import { createHash } from 'node:crypto';
import * as xadesjs from 'xadesjs';
import { erreurs, RegistreError } from '../../shared/errors';
import { analyserCertificat, estCertificatFormation, validite, type CertificatAnalyse } from './certificats';
import type { Confiance } from './confiance';
import { xades } from './moteur';
import { lireXml } from './xml';
import { EXC_C14N } from './xades-signer';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const TYPE_PROPRIETES = 'http://uri.etsi.org/01903#SignedProperties';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPPEE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const CANONISATIONS = new Set([EXC_C14N, C14N]);
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
/** A signing time this far in the future is a clock problem or a forgery. */
const AVANCE_TOLEREE_MS = 5 * 60 * 1000;

export interface OptionsVerification {
  readonly confiance: Confiance;
  /** The element the caller expects to be signed (the answer): any other root is refused. */
  readonly racineAttendue?: { nomLocal: string; espaceNoms: string | null };
  readonly maintenant?: Date;
  /** Signatures of the training card are refused unless the caller is in training mode. */
  readonly accepterFormation?: boolean;
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
        if (vus.has(v)) throw invalide(`identifiant « ${v.slice(0, 40)} » présent plusieurs fois`);
        vus.add(v);
      }
    }
    for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) pile.push(n as Element);
  }
}

function verifierStructure(doc: Document, options: OptionsVerification): Element {
  const racine = doc.documentElement;
  const attendu = options.racineAttendue;
  if (attendu && (racine.localName !== attendu.nomLocal || (racine.namespaceURI ?? null) !== attendu.espaceNoms)) {
    throw invalide(`l’élément signé est « ${racine.localName} », pas l’élément attendu « ${attendu.nomLocal} »`);
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
 * Only a reference to the whole document (URI="" or the root's own Id) with the enveloped and
 * canonicalisation transforms, plus the SignedProperties reference: any other shape could sign
 * something else than what the caller reads (signature wrapping, XPath filtering).
 */
function verifierReferences(signe: xadesjs.SignedXml, racine: Element, signature: Element): void {
  const info = signe.XmlSignature.SignedInfo;
  if (!CANONISATIONS.has(info.CanonicalizationMethod.Algorithm)) throw invalide('méthode de canonisation non admise');
  if (!METHODES[info.SignatureMethod.Algorithm ?? '']) throw invalide('algorithme de signature non admis');
  const refs = info.References.GetIterator();
  if (refs.length !== 2)
    throw invalide('la signature doit porter exactement sur le document et ses propriétés signées');
  const idRacine = racine.getAttribute('Id') ?? racine.getAttribute('ID') ?? racine.getAttribute('id');
  const props = signe.Properties;
  if (!props) throw invalide('propriétés XAdES absentes');
  const idSignature = signature.getAttribute('Id');
  if (!idSignature || props.Target !== `#${idSignature}`)
    throw invalide('propriétés XAdES rattachées à une autre signature');
  let donnees = 0;
  let proprietes = 0;
  for (const r of refs) {
    if (!CONDENSATS[r.DigestMethod.Algorithm ?? '']) throw invalide('algorithme d’empreinte non admis');
    if (r.Type === TYPE_PROPRIETES) {
      if (r.Uri !== `#${props.SignedProperties.Id}`) throw invalide('référence aux propriétés signées incorrecte');
      proprietes++;
      continue;
    }
    if (!(r.Uri === '' || (idRacine && r.Uri === `#${idRacine}`))) {
      throw invalide('la signature porte sur un autre élément que le document attendu');
    }
    const transformations = r.Transforms ? r.Transforms.GetIterator().map((t) => t.Algorithm) : [];
    if (
      !transformations.includes(ENVELOPPEE) ||
      transformations.some((t) => t !== ENVELOPPEE && !CANONISATIONS.has(t))
    ) {
      throw invalide('transformations non admises sur la référence du document');
    }
    donnees++;
  }
  if (donnees !== 1 || proprietes !== 1) throw invalide('références de la signature incorrectes');
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
 * Verifies an enveloped XAdES signature: structure (one signature, on the expected element,
 * whole document), every reference digest and the signature value (xadesjs), the signing
 * certificate (designated in the signed properties, nonRepudiation, valid at signing time) and
 * its chain up to the trust list. Throws signature_invalide with the reason.
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
  verifierReferences(signe, doc.documentElement, signature);
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

  const horodatage = signe.SignedProperties.SignedSignatureProperties.SigningTime.Value;
  if (!(horodatage instanceof Date) || Number.isNaN(horodatage.getTime()))
    throw invalide('date de signature absente ou illisible');
  const maintenant = options.maintenant ?? new Date();
  if (horodatage.getTime() > maintenant.getTime() + AVANCE_TOLEREE_MS)
    throw invalide('date de signature dans le futur');
  const v = validite(signataire, horodatage).validite;
  if (v === 'expire' || v === 'pas_encore_valide')
    throw invalide('le certificat n’était pas valide à la date de signature');
  if (signataire.usage !== 'signature')
    throw invalide('le certificat n’est pas un certificat de signature (non-répudiation)');
  const formation = estCertificatFormation(signataire);
  if (formation && !options.accepterFormation) throw invalide('signature faite avec une carte de formation');

  const chaine = await options.confiance.verifierChaine(
    signataire,
    candidats.filter((c) => c !== signataire),
    horodatage,
  );
  return { signataire, chaine, horodatage, nature: formation ? 'formation' : 'carte' };
}

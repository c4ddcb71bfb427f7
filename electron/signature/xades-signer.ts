import * as xmldsig from 'xmldsigjs';
import * as xadesjs from 'xadesjs';
import { erreurs } from '../../shared/errors';
import type { CertificatAnalyse } from './certificats';
import { xades, type CleMaterielle } from './moteur';
import { EXC_C14N } from './politique';
import { ecrireXml, lireXml } from './xml';

/** Who signs: the signature certificate, the CAs to ship with it, and the key that matches. */
export interface Signataire {
  /** 'formation' = the training card: never accepted by a real platform. */
  readonly nature: 'carte' | 'formation';
  readonly certificat: CertificatAnalyse;
  /** Intermediate CAs (not the root) carried in KeyInfo so any verifier can build the chain. */
  readonly chaine: readonly CertificatAnalyse[];
  readonly cle: CryptoKey | CleMaterielle;
}

/**
 * xadesjs parses the signing certificate again at every signature to compute its digest; ours
 * is computed once per signer and handed over here.
 */
class SignedXmlPrepare extends xadesjs.SignedXml {
  constructor(private readonly empreinteCertificat: Uint8Array) {
    super();
  }

  protected override async ApplySigningCertificateV2(): Promise<void> {
    const props = this.Properties;
    if (!props) return;
    const cert = new xadesjs.xml.CertV2();
    cert.CertDigest.DigestMethod.Algorithm = xmldsig.CryptoConfig.GetHashAlgorithm('SHA-256').namespaceURI;
    cert.CertDigest.DigestValue = this.empreinteCertificat;
    props.SignedProperties.SignedSignatureProperties.SigningCertificateV2.Add(cert);
  }
}

/**
 * Makes XAdES-BES enveloped signatures (SHA-256, exclusive canonicalisation, signing
 * certificate in KeyInfo and in SigningCertificateV2, signing time) over the WHOLE document
 * (Reference URI=""), so what is signed is exactly the answer, never a part of it.
 * Built once per signer: certificates are parsed and hashed here, not per document.
 */
export class SignateurXades {
  private readonly certificatsDsig: xmldsig.X509Certificate[];
  private readonly empreinte: Uint8Array;
  private readonly algorithme: Algorithm;

  constructor(readonly signataire: Signataire) {
    xades();
    const { certificat, chaine } = signataire;
    if (certificat.usage !== 'signature') {
      throw erreurs.certificatInvalide(
        'ce certificat n’est pas un certificat de signature (usage « non-répudiation » absent)',
      );
    }
    this.certificatsDsig = [certificat, ...chaine].map((c) => new xmldsig.X509Certificate(c.der));
    this.empreinte = new Uint8Array(Buffer.from(certificat.empreinte, 'hex'));
    this.algorithme =
      certificat.algorithme === 'EC'
        ? ({ name: 'ECDSA', hash: { name: 'SHA-256' } } as Algorithm)
        : ({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } } as Algorithm);
  }

  /** Signs one document; returns the signed document as text. */
  async signer(xml: string, options: { horodatage: Date }): Promise<string> {
    const doc = lireXml(xml);
    if (doc.documentElement.getElementsByTagNameNS(xmldsig.XmlSignature.NamespaceURI, 'Signature').length) {
      throw erreurs.saisieInvalide('document', 'le document porte déjà une signature');
    }
    const signe = new SignedXmlPrepare(this.empreinte);
    signe.XmlSignature.SignedInfo.CanonicalizationMethod.Algorithm = EXC_C14N;
    const x509Data = new xmldsig.KeyInfoX509Data();
    for (const c of this.certificatsDsig) x509Data.AddCertificate(c);
    signe.XmlSignature.KeyInfo.Add(x509Data);
    await signe.Sign(this.algorithme, this.signataire.cle as CryptoKey, doc, {
      references: [{ hash: 'SHA-256', transforms: ['enveloped', 'exc-c14n'], uri: '' }],
      signingCertificateV2: 'précalculé',
      signingTime: { value: options.horodatage },
    });
    const noeud = signe.GetXml();
    if (!noeud) throw erreurs.interne('signature XML vide');
    doc.documentElement.appendChild(doc.importNode(noeud, true));
    return ecrireXml(doc);
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as xadesjs from 'xadesjs';
import { XMLSerializer } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyserCertificat } from '../../../electron/signature/certificats';
import { Confiance } from '../../../electron/signature/confiance';
import { xades } from '../../../electron/signature/moteur';
import { SignateurXades } from '../../../electron/signature/xades-signer';
import { verifierXades, type OptionsVerification } from '../../../electron/signature/xades-verifier';
import { lireXml } from '../../../electron/signature/xml';
import { pkiLogicielle, type CertificatLogiciel } from '../../fixtures/cartes/logiciel';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';

const T0 = new Date();
const NS = 'urn:registre:comedec:reponse:1';
const RACINE = { nomLocal: 'Reponse', espaceNoms: NS };
const REPONSE = `<rep:Reponse xmlns:rep="${NS}" Id="r1"><rep:Nom>DUPONT</rep:Nom><rep:Resultat>positif</rep:Resultat></rep:Reponse>`;
let pki: Awaited<ReturnType<typeof pkiLogicielle>>;
let sig: CertificatLogiciel;
let confiance: Confiance;
let dossier: string;
let caFichier: string;

function options(o: Partial<OptionsVerification> = {}): OptionsVerification {
  return { confiance, racineAttendue: RACINE, maintenant: new Date(), ...o };
}

function signateur(c: CertificatLogiciel, chaine = [pki.agents.certificat.rawData]) {
  return new SignateurXades({
    nature: 'carte',
    certificat: analyserCertificat(c.der),
    chaine: chaine.map((d) => analyserCertificat(new Uint8Array(d))),
    cle: c.clePrivee,
  });
}

beforeAll(async () => {
  pki = await pkiLogicielle(T0);
  sig = await pki.emettre('signature');
  confiance = Confiance.depuisPem(pki.racine.pem);
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'verif-'));
  caFichier = path.join(dossier, 'ca.pem');
  fs.writeFileSync(caFichier, pki.racine.pem);
}, 60_000);
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

// Some cases make a whole PKI (RSA keys): seconds on a loaded machine, beyond the default 5 s.
describe('vérification XAdES', { timeout: 60_000 }, () => {
  it('accepte une signature correcte (et xmlsec1 aussi)', async () => {
    const xml = await signateur(sig).signer(REPONSE, { horodatage: T0 });
    const r = await verifierXades(xml, options());
    expect(r.signataire.titulaire).toBe('Jeanne MARTIN');
    expect(r.chaine.map((c) => c.titulaire)).toEqual([
      'Jeanne MARTIN',
      'Registre AC Agents de test',
      'Registre AC Racine de test',
    ]);
    expect(Math.abs(r.horodatage.getTime() - T0.getTime())).toBeLessThan(1000);
    expect(verifierAvecXmlsec(xml, caFichier).ok).toBe(true);
  });

  it('refuse l’emballage de signature : une signature valide sur un autre élément que la réponse', async () => {
    xades();
    // A genuine signature over an inner element (#vraie), put into a document whose root says
    // something else. xmlsec1 (which only checks the signature) accepts it; we must not.
    const piege = lireXml(
      `<rep:Reponse xmlns:rep="${NS}"><rep:Resultat>negatif</rep:Resultat><rep:Annexe Id="vraie"><rep:Resultat>positif</rep:Resultat></rep:Annexe></rep:Reponse>`,
    );
    const sx = new xadesjs.SignedXml();
    await sx.Sign({ name: 'RSASSA-PKCS1-v1_5' } as Algorithm, sig.clePrivee, piege, {
      references: [{ hash: 'SHA-256', transforms: ['exc-c14n'], uri: '#vraie' }],
      x509: [Buffer.from(sig.der).toString('base64'), Buffer.from(pki.agents.certificat.rawData).toString('base64')],
      signingCertificateV2: Buffer.from(sig.der).toString('base64'),
    });
    piege.documentElement.appendChild(piege.importNode(sx.GetXml()!, true));
    const xml = new XMLSerializer().serializeToString(piege as never);
    // (xmlsec1 must be told that Annexe's Id is an ID to resolve the reference)
    const x = verifierAvecXmlsec(xml, caFichier, ['--id-attr:Id', `${NS}:Annexe`]);
    expect(x.ok, x.sortie).toBe(true);
    await expect(verifierXades(xml, options())).rejects.toThrow(/autre élément que le document attendu/);

    // The genuine signed answer moved inside another envelope: no longer the document's root signature.
    const vraie = await signateur(sig).signer(REPONSE, { horodatage: T0 });
    expect(verifierAvecXmlsec(vraie, caFichier).ok).toBe(true);
    const enveloppe = `<Enveloppe>${vraie.replace(/^<\?xml[^>]*>\s*/, '')}<rep:Reponse xmlns:rep="${NS}"><rep:Nom>AUTRE</rep:Nom></rep:Reponse></Enveloppe>`;
    await expect(
      verifierXades(enveloppe, options({ racineAttendue: { nomLocal: 'Enveloppe', espaceNoms: null } })),
    ).rejects.toThrow(/n’enveloppe pas l’élément racine/);
    // The right signature, but not the element the caller expects.
    await expect(
      verifierXades(vraie, options({ racineAttendue: { nomLocal: 'Demande', espaceNoms: NS } })),
    ).rejects.toThrow(/pas l’élément attendu/);
  });

  it('refuse : deux signatures, identifiants en double, DOCTYPE, document sans signature', async () => {
    const xml = await signateur(sig).signer(REPONSE, { horodatage: T0 });
    expect(verifierAvecXmlsec(xml, caFichier).ok).toBe(true);
    const signature = xml.slice(
      xml.indexOf('<ds:Signature'),
      xml.indexOf('</ds:Signature>') + '</ds:Signature>'.length,
    );
    await expect(
      verifierXades(
        xml.replace('</rep:Reponse>', `${signature}</rep:Reponse>`).replace(signature, signature),
        options(),
      ),
    ).rejects.toThrow(/plusieurs signatures|plusieurs fois/);
    await expect(verifierXades(xml.replace('<rep:Nom>', '<rep:Nom Id="r1">'), options())).rejects.toThrow(
      /plusieurs fois/,
    );
    await expect(
      verifierXades(`<!DOCTYPE x [<!ENTITY a "b">]>${xml.replace(/^<\?xml[^>]*>/, '')}`, options()),
    ).rejects.toThrow(/DOCTYPE/);
    await expect(verifierXades(REPONSE, options())).rejects.toThrow(/aucune signature/);
  });

  it('chaîne : refuse une autorité hors de la liste de confiance, et une liste vide', async () => {
    const autrePki = await pkiLogicielle(T0);
    const intrus = await autrePki.emettre('signature');
    const xml = await signateur(intrus, [autrePki.agents.certificat.rawData]).signer(REPONSE, { horodatage: T0 });
    await expect(verifierXades(xml, options())).rejects.toThrow(/liste de confiance/);
    expect(verifierAvecXmlsec(xml, caFichier).ok).toBe(false);
    await expect(verifierXades(xml, options({ confiance: new Confiance([]) }))).rejects.toThrow(
      /aucune autorité de confiance/,
    );
    // trusting the intermediate directly is allowed (anchor = agent CA)
    const viaIntermediaire = await signateur(sig).signer(REPONSE, { horodatage: T0 });
    await expect(
      verifierXades(viaIntermediaire, options({ confiance: Confiance.depuisPem(pki.agents.pem) })),
    ).resolves.toBeTruthy();
    expect(verifierAvecXmlsec(viaIntermediaire, caFichier).ok).toBe(true);
  });

  it('validité à la date de signature, usage signature, date dans le futur', async () => {
    const court = await pki.emettre('signature', { debutJours: -10, finJours: 5 });
    const tard = new Date(T0.getTime() + 10 * 24 * 3600 * 1000);
    const apresExpiration = await signateur(court).signer(REPONSE, { horodatage: tard });
    await expect(verifierXades(apresExpiration, options({ maintenant: tard }))).rejects.toThrow(
      /pas valide à la date de signature/,
    );
    // xmlsec1 checks the certificate at ITS current time, not at the signing time: it accepts today
    expect(verifierAvecXmlsec(apresExpiration, caFichier).ok).toBe(true);
    // signed while valid, received after expiry: refused too (XAdES-BES has no trusted time, so a
    // signing time alone cannot prove the card was valid when it signed; docs/signature.md)
    const pendant = await signateur(court).signer(REPONSE, { horodatage: T0 });
    await expect(verifierXades(pendant, options({ maintenant: tard }))).rejects.toThrow(
      /pas valide à la date de réception ou de vérification/,
    );
    await expect(verifierXades(pendant, options({ maintenant: T0 }))).resolves.toBeTruthy();
    expect(verifierAvecXmlsec(pendant, caFichier).ok).toBe(true);
    const futur = await signateur(sig).signer(REPONSE, { horodatage: new Date(Date.now() + 3600_000) });
    await expect(verifierXades(futur, options())).rejects.toThrow(/dans le futur/);
    expect(verifierAvecXmlsec(futur, caFichier).ok).toBe(true);
    // an authentication certificate cannot sign answers
    const auth = await pki.emettre('authentification');
    expect(() => signateur(auth)).toThrow(/pas un certificat de signature/);
  });

  it('ne signe pas un document déjà signé ni un XML mal formé', async () => {
    const s = signateur(sig);
    const xml = await s.signer(REPONSE, { horodatage: T0 });
    expect(verifierAvecXmlsec(xml, caFichier).ok).toBe(true);
    await expect(s.signer(xml, { horodatage: T0 })).rejects.toThrow(/déjà une signature/);
    await expect(s.signer('<a><b></a>', { horodatage: T0 })).rejects.toMatchObject({ code: 'saisie_invalide' });
  });
});

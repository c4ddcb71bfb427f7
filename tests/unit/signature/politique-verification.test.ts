import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistreError } from '../../../shared/errors';
import { analyserCertificat, type CertificatAnalyse } from '../../../electron/signature/certificats';
import { Confiance } from '../../../electron/signature/confiance';
import { lireDateSignature, RETARD_MAX_MS } from '../../../electron/signature/politique';
import type { Signataire } from '../../../electron/signature/xades-signer';
import { verifierXades, type OptionsVerification } from '../../../electron/signature/xades-verifier';
import { falsifier, type Falsification } from '../../fixtures/signatures/falsification';
import { pkiLogicielle, type CertificatLogiciel } from '../../fixtures/cartes/logiciel';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';

/**
 * The verification policy (docs/signature.md), one rule at a time, each with a signature whose
 * value and digests are right (made by the forger, tests/fixtures/signatures): only the policy
 * can refuse it. xmlsec1's verdict is written beside ours where it differs.
 */
const T0 = new Date();
const J = 24 * 3600 * 1000;
const NS = 'urn:registre:comedec:2';
const REPONSE = `<?xml version="1.0" encoding="UTF-8"?>\n<reponse xmlns="${NS}" version="2" Id="REP-1"><nom>DUPONT</nom><resultat>positif</resultat></reponse>`;
const RACINE = { nomLocal: 'reponse', espaceNoms: NS };
let pki: Awaited<ReturnType<typeof pkiLogicielle>>;
let confiance: Confiance;
let officier: Signataire;
let dossier: string;
let caFichier: string;

function signataire(
  c: CertificatLogiciel,
  chaine: CertificatAnalyse[] = [analyserCertificat(new Uint8Array(pki.agents.certificat.rawData))],
): Signataire {
  return { nature: 'carte', certificat: analyserCertificat(c.der), chaine, cle: c.clePrivee };
}

function options(o: Partial<OptionsVerification> = {}): OptionsVerification {
  return { confiance, racineAttendue: RACINE, maintenant: new Date(), ...o };
}

/** The refusal, checked to be typed and bounded (a French reason, never the attacker's text in bulk). */
async function refus(xml: string, o: Partial<OptionsVerification> = {}): Promise<string> {
  try {
    await verifierXades(xml, options(o));
  } catch (e) {
    expect(e).toBeInstanceOf(RegistreError);
    expect((e as RegistreError).code).toBe('signature_invalide');
    expect((e as RegistreError).message.length).toBeLessThan(300);
    return (e as RegistreError).message;
  }
  throw new Error('signature acceptée à tort');
}

const xmlsec = (xml: string) => verifierAvecXmlsec(xml, caFichier).ok;

beforeAll(async () => {
  pki = await pkiLogicielle(T0);
  confiance = Confiance.depuisPem(pki.racine.pem);
  officier = signataire(await pki.emettre('signature', { debutJours: -100 }));
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'politique-'));
  caFichier = path.join(dossier, 'ca.pem');
  fs.writeFileSync(caFichier, pki.racine.pem);
}, 60_000);
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

// Each case makes RSA keys and certificates: seconds on a loaded machine, beyond the default 5 s.
describe('politique de vérification', { timeout: 60_000 }, () => {
  it('la signature de référence est acceptée par nous et par xmlsec1', async () => {
    const xml = await falsifier(officier, REPONSE);
    await expect(verifierXades(xml, options())).resolves.toMatchObject({ nature: 'carte' });
    expect(xmlsec(xml)).toBe(true);
  });

  it('1. rien hors de la racine que la déclaration XML et des blancs', async () => {
    const xml = await falsifier(officier, REPONSE);
    const corps = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
    const feuille = `<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="piege.xsl"?>\n${corps}`;
    expect(await refus(feuille)).toMatch(/instruction de traitement « xml-stylesheet » interdite/);
    // xmlsec1 digests the whole document (URI=""): the added instruction breaks the digest.
    expect(xmlsec(feuille)).toBe(false);
    expect(await refus(`${xml}<!-- après -->`)).toMatch(/hors de l’élément racine/);
    expect(await refus(`${xml}<?pi après?>`)).toMatch(/instruction de traitement « pi » interdite/);
    expect(await refus(`<!-- avant -->${corps}`)).toMatch(/hors de l’élément racine/);
    // Whitespace and the declaration alone are fine, for both.
    await expect(verifierXades(`${corps}\n\n`, options())).resolves.toBeTruthy();
    expect(xmlsec(`${corps}\n\n`)).toBe(true);
  });

  it('2. exactement les transformations attendues sur chaque référence', async () => {
    const filtre = {
      name: 'xpath',
      selector: 'not(ancestor-or-self::xades:SigningTime)',
      namespaces: { xades: 'http://uri.etsi.org/01903/v1.3.2#' },
    } as const;
    const filtree = await falsifier(officier, REPONSE, { transformsProprietes: [filtre, 'exc-c14n'] });
    expect(await refus(filtree)).toMatch(/transformations non admises sur la référence des propriétés signées/);
    // The attack it allowed: SigningTime moved back 10 days, still "covered" by the filtered digest.
    const reculee = filtree.replace(
      /<xades:SigningTime>[^<]+/,
      `<xades:SigningTime>${new Date(T0.getTime() - 10 * J).toISOString()}`,
    );
    expect(reculee).not.toBe(filtree);
    expect(await refus(reculee)).toMatch(/transformations non admises/);

    const xpathDocument = await falsifier(officier, REPONSE, {
      transformsDocument: ['enveloped', { name: 'xpath', selector: 'not(self::nom)' }, 'exc-c14n'],
    });
    expect(await refus(xpathDocument)).toMatch(/transformations non admises sur la référence du document/);
    expect(
      await refus(await falsifier(officier, REPONSE, { transformsDocument: ['enveloped', 'c14n', 'exc-c14n'] })),
    ).toMatch(/transformations non admises/);
    expect(await refus(await falsifier(officier, REPONSE, { transformsProprietes: ['enveloped'] }))).toMatch(
      /transformations non admises sur la référence des propriétés/,
    );
    expect(
      await refus(
        await falsifier(officier, REPONSE, { canonisation: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments' }),
      ),
    ).toMatch(/canonisation non admise/);
    expect(
      await refus(
        await falsifier(officier, REPONSE, { referencesEnPlus: [{ uri: '#REP-1', transforms: ['exc-c14n'] }] }),
      ),
    ).toMatch(/exactement sur le document et ses propriétés/);

    // The admitted variants: enveloped alone, or then inclusive c14n; the properties canonicalised.
    const admises: Falsification[] = [
      { transformsDocument: ['enveloped'] },
      { transformsDocument: ['enveloped', 'c14n'] },
      { transformsProprietes: ['exc-c14n'] },
    ];
    for (const f of admises) {
      const xml = await falsifier(officier, REPONSE, f);
      await expect(verifierXades(xml, options()), JSON.stringify(f)).resolves.toBeTruthy();
      expect(xmlsec(xml), JSON.stringify(f)).toBe(true);
    }
  });

  it('3. SigningTime exigé, lisible, une date qui existe', async () => {
    const sans = await falsifier(officier, REPONSE, { horodatage: null });
    expect(sans).not.toContain('SigningTime');
    expect(await refus(sans)).toMatch(/date de signature absente/);
    expect(await refus(await falsifier(officier, REPONSE, { formatHorodatage: 'dd/mm/yyyy' }))).toMatch(
      /date de signature illisible/,
    );
    // Without offset, the instant is unknown.
    expect(await refus(await falsifier(officier, REPONSE, { formatHorodatage: "yyyy-mm-dd'T'HH:MM:ss" }))).toMatch(
      /illisible/,
    );
    for (const impossible of [
      '2023-02-30T10:00:00Z',
      '2023-02-29T10:00:00Z',
      '1900-02-29T00:00:00Z',
      '2023-04-31T00:00:00Z',
      '2023-13-01T00:00:00Z',
      '2023-01-01T24:00:00Z',
    ]) {
      expect(() => lireDateSignature(impossible), impossible).toThrow(/date de signature impossible|illisible/);
    }
    expect(lireDateSignature('2024-02-29T12:00:00.5+02:00').toISOString()).toBe('2024-02-29T10:00:00.500Z');
    expect(lireDateSignature(' 2026-01-01T00:00:00-01:30 ').toISOString()).toBe('2026-01-01T01:30:00.000Z');
    // The value quoted in a refusal is a short escaped excerpt.
    expect(() => lireDateSignature(`\u001b[2J${'9'.repeat(10_000)}`)).toThrow(/\\u\{1B\}\[2J9+… \(10004 caractères\)/);
  });

  it('4. antidatée : certificat valide à la date de signature ET à la réception ; bornes de la date de signature', async () => {
    // The case: the card expired 10 days ago, signed today "as of" 30 days before its expiry.
    const expiree = signataire(await pki.emettre('signature', { debutJours: -400, finJours: -10 }));
    const antidatee = await falsifier(expiree, REPONSE, { horodatage: new Date(T0.getTime() - 40 * J) });
    expect(await refus(antidatee)).toMatch(/plus de 23 jours avant la réception/);
    // Even within the bound, a card expired at reception is refused.
    const recente = await falsifier(expiree, REPONSE, { horodatage: new Date(T0.getTime() - 12 * J) });
    expect(await refus(recente)).toMatch(/pas valide à la date de réception ou de vérification/);
    expect(xmlsec(recente)).toBe(false);
    // Received when it was still valid: accepted (the sync engine passes the reception time).
    await expect(
      verifierXades(recente, options({ maintenant: new Date(T0.getTime() - 11 * J) })),
    ).resolves.toBeTruthy();

    // Bounds on a valid card: 23 days before reception at most, a few minutes in the future at most.
    const limite = new Date(T0.getTime() - RETARD_MAX_MS + 60_000);
    await expect(
      verifierXades(await falsifier(officier, REPONSE, { horodatage: limite }), options({ maintenant: T0 })),
    ).resolves.toBeTruthy();
    const trop = await falsifier(officier, REPONSE, { horodatage: new Date(T0.getTime() - RETARD_MAX_MS - 60_000) });
    expect(await refus(trop, { maintenant: T0 })).toMatch(/23 jours/);
    expect(xmlsec(trop)).toBe(true);
    const avance = await falsifier(officier, REPONSE, { horodatage: new Date(T0.getTime() + 4 * 60_000) });
    await expect(verifierXades(avance, options({ maintenant: T0 }))).resolves.toBeTruthy();
    const futur = await falsifier(officier, REPONSE, { horodatage: new Date(T0.getTime() + 6 * 60_000) });
    expect(await refus(futur, { maintenant: T0 })).toMatch(/dans le futur/);

    // The chain too: an issuing CA expired at reception.
    const racine = pki.racine;
    const { creerAutoriteAgents } = await import('../../../electron/signature/pki-logicielle');
    const courte = await creerAutoriteAgents('CN=AC courte, O=Registre essais, C=FR', racine, T0, {
      debut: new Date(T0.getTime() - 100 * J),
      fin: new Date(T0.getTime() + 2 * J),
    });
    const sousCourte = signataire(await pki.emettre('signature', { ac: courte }), [
      analyserCertificat(new Uint8Array(courte.certificat.rawData)),
    ]);
    const xml = await falsifier(sousCourte, REPONSE, { horodatage: T0 });
    await expect(verifierXades(xml, options({ maintenant: T0 }))).resolves.toBeTruthy();
    expect(await refus(xml, { maintenant: new Date(T0.getTime() + 3 * J) })).toMatch(
      /autorité de la chaîne n’est plus valide à la date de réception/,
    );
  });

  it('5. un BOM UTF-8 avant une réponse signée valide est accepté (comme par xmlsec1)', async () => {
    const xml = await falsifier(officier, REPONSE);
    const avecBom = `\ufeff${xml}`;
    await expect(verifierXades(avecBom, options())).resolves.toBeTruthy();
    expect(xmlsec(avecBom)).toBe(true);
    // A BOM is skipped once; a second one is content outside the root.
    expect(await refus(`\ufeff\ufeff${xml}`)).toMatch(/contenu hors de l’élément racine/);
  });

  it('7. un document trop profond est refusé avant la signature, avec une erreur claire (pas « Erreur interne »)', async () => {
    const profond = `<reponse xmlns="${NS}">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</reponse>`;
    const debut = performance.now();
    const { SignateurXades } = await import('../../../electron/signature/xades-signer');
    const s = new SignateurXades(officier);
    await expect(s.signer(profond, { horodatage: T0 })).rejects.toMatchObject({
      code: 'saisie_invalide',
      message: expect.stringMatching(/^Document XML refusé : éléments imbriqués sur plus de 64 niveaux\.$/),
    });
    // And the verifier says the same, as a signature refusal.
    expect(await refus(profond)).toMatch(/éléments imbriqués sur plus de 64 niveaux/);
    expect(performance.now() - debut).toBeLessThan(2000);
  });

  it('6. le type de document attendu est toujours vérifié : une demande émise signée n’est pas une réponse', async () => {
    const emise = `<demandeEmise xmlns="${NS}" version="2" Id="EMI-1"><motif>dossier_mariage</motif></demandeEmise>`;
    const xml = await falsifier(officier, emise);
    expect(await refus(xml)).toMatch(/l’élément signé est « demandeEmise », pas l’élément attendu « reponse »/);
    await expect(
      verifierXades(xml, options({ racineAttendue: { nomLocal: 'demandeEmise', espaceNoms: NS } })),
    ).resolves.toBeTruthy();
    // Same local name in another namespace: not our document.
    expect(
      await refus(xml, { racineAttendue: { nomLocal: 'demandeEmise', espaceNoms: 'urn:registre:comedec:1' } }),
    ).toMatch(
      /« demandeEmise » est dans l’espace de noms « urn:registre:comedec:2 », pas dans l’espace attendu « urn:registre:comedec:1 »/,
    );
  });
});

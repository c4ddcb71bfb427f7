import { describe, expect, it } from 'vitest';
import {
  algorithmeDeCle,
  analyserCertificat,
  creerAutoriteAgents,
  creerRacine,
  emettreCertificat,
  estCertificatFormation,
  genererCles,
} from '../../../electron/signature';
import { emettreCarteFormation } from '../../../electron/signature/formation-emission';

// One software PKI serves the training card, the sandbox and the test cards: the chains it
// makes hold, the usages read back as the app reads a card, the training policy marks its certificates.
describe('PKI logicielle unique', () => {
  const maintenant = new Date('2026-03-01T10:00:00Z');

  it('racine, AC agents et certificats d’agent : une chaîne qui se vérifie', async () => {
    const racine = await creerRacine('CN=Racine, O=Essais, C=FR', maintenant);
    const agents = await creerAutoriteAgents('CN=AC Agents, O=Essais, C=FR', racine, maintenant);
    expect(await agents.certificat.verify({ publicKey: racine.certificat.publicKey, date: maintenant })).toBe(true);
    const cles = await genererCles(false);
    for (const usage of ['authentification', 'signature'] as const) {
      const c = await emettreCertificat(agents, {
        spki: cles.publicKey,
        sujet: 'CN=Jeanne MARTIN, SN=MARTIN, G=Jeanne, OU=81021, O=MAIRIE-81-AUSSILLON, C=FR',
        usage,
        notBefore: new Date(maintenant.getTime() - 86_400_000),
        notAfter: new Date(maintenant.getTime() + 86_400_000),
      });
      expect(await c.verify({ publicKey: agents.certificat.publicKey, date: maintenant })).toBe(true);
      const a = analyserCertificat(new Uint8Array(c.rawData));
      expect(a.usage).toBe(usage);
      expect(estCertificatFormation(a)).toBe(false);
    }
    expect(analyserCertificat(new Uint8Array(agents.certificat.rawData)).autorite).toBe(true);
  });

  it('un certificat émis depuis une clé de carte (SPKI) porte cette clé', async () => {
    const racine = await creerRacine('CN=Racine, O=Essais, C=FR', maintenant);
    const cles = await genererCles(true);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', cles.publicKey));
    const c = await emettreCertificat(racine, {
      spki,
      sujet: 'CN=X, C=FR',
      usage: 'signature',
      notBefore: maintenant,
      notAfter: new Date(maintenant.getTime() + 1000),
    });
    expect(Buffer.from(c.publicKey.rawData)).toEqual(Buffer.from(spki));
  });

  it('la carte de formation : AC et certificats marqués de la politique de formation', async () => {
    const e = await emettreCarteFormation(
      { prenom: 'Alice', nom: 'ESSAI', libelleCommune: 'MAIRIE-81-AUSSILLON', codeInsee: '81021' },
      maintenant,
    );
    for (const c of [e.ca, e.authentification.certificat, e.signature.certificat]) {
      const a = analyserCertificat(new Uint8Array(c.rawData));
      expect(estCertificatFormation(a)).toBe(true);
    }
    expect(analyserCertificat(new Uint8Array(e.authentification.certificat.rawData)).usage).toBe('authentification');
    expect(analyserCertificat(new Uint8Array(e.signature.certificat.rawData)).usage).toBe('signature');
    expect(await e.signature.certificat.verify({ publicKey: e.ca.publicKey, date: maintenant })).toBe(true);
  });

  it('l’algorithme d’une clé de carte : RSA PKCS#1 v1.5 SHA-256 ou ECDSA sur sa courbe', () => {
    expect(algorithmeDeCle({ algorithme: 'RSA', taille: 256, courbe: null })).toMatchObject({
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      hash: { name: 'SHA-256' },
    });
    expect(algorithmeDeCle({ algorithme: 'EC', taille: 64, courbe: 'P-256' })).toEqual({
      name: 'ECDSA',
      namedCurve: 'P-256',
    });
  });
});

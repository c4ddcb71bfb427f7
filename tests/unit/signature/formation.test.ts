import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Confiance } from '../../../electron/signature/confiance';
import { CarteFormation } from '../../../electron/signature/formation';
import { garantirPlateformeReelle } from '../../../electron/signature/garde-formation';
import { CodePin } from '../../../electron/signature/pin';
import { SignateurXades } from '../../../electron/signature/xades-signer';
import { verifierXades } from '../../../electron/signature/xades-verifier';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';

const pin = (t: string) => CodePin.depuisTexte(t);
const REPONSE = '<reponse xmlns="urn:registre:test"><acte>naissance</acte><nom>DUPONT</nom></reponse>';
const RACINE = { nomLocal: 'reponse', espaceNoms: 'urn:registre:test' };
let dossier: string;
let carte: CarteFormation;

beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'formation-'));
  carte = new CarteFormation(dossier);
  await carte.creer(
    pin('2580'),
    pin('25802580'),
    { prenom: 'Léa', nom: 'ESSAI', libelleCommune: 'MAIRIE-81-AUSSILLON', codeInsee: '81021' },
    new Date(),
  );
});
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

describe('carte de formation', () => {
  it('range ses clés dans des fichiers PKCS#12 du dossier de l’utilisateur, chiffrés', () => {
    const p12 = fs.readFileSync(path.join(dossier, 'carte-formation-signature.p12'));
    expect(p12[0]).toBe(0x30);
    expect(fs.readFileSync(path.join(dossier, 'carte-formation.json'), 'utf8')).not.toContain('2580');
  });

  it('a l’interface d’une carte : certificats d’authentification et de signature marqués « formation »', () => {
    const certs = carte.certificats();
    expect(certs.map((c) => c.usage).sort()).toEqual(['authentification', 'autorite', 'signature']);
    expect(certs.find((c) => c.usage === 'signature')!.titulaire).toBe('Léa ESSAI (formation)');
  });

  it('signe en XAdES ; xmlsec1 accepte avec l’AC de formation ; notre vérificateur la refuse hors formation', async () => {
    const ouverte = await carte.ouvrir(pin('2580'));
    const sig = ouverte.certificats.find((c) => c.usage === 'signature')!;
    const signateur = new SignateurXades({
      nature: 'formation',
      certificat: sig,
      chaine: [],
      cle: ouverte.cles.get(sig.empreinte)!,
    });
    const signe = await signateur.signer(REPONSE, { horodatage: new Date() });
    const caFichier = path.join(dossier, 'ca-formation.pem');
    expect(verifierAvecXmlsec(signe, caFichier).ok).toBe(true);
    expect(verifierAvecXmlsec(signe.replace('DUPONT', 'DUPOND'), caFichier).ok).toBe(false);
    const confiance = Confiance.depuisPem(carte.caPem());
    await expect(verifierXades(signe, { confiance, racineAttendue: RACINE, maintenant: new Date() })).rejects.toThrow(
      /carte de formation/,
    );
    const r = await verifierXades(signe, {
      confiance,
      racineAttendue: RACINE,
      maintenant: new Date(),
      accepterFormation: true,
    });
    expect(r.nature).toBe('formation');
    expect(() => garantirPlateformeReelle(sig.der)).toThrow(/plateforme COMEDEC réelle/);
  });

  it('compte les essais comme une carte : dernier essai, blocage, déblocage par le PUK', async () => {
    await expect(carte.ouvrir(pin('0000'))).rejects.toMatchObject({ code: 'pin_incorrect' });
    expect(carte.etatPin()).toBe('essais_bas');
    await expect(carte.ouvrir(pin('0000'))).rejects.toMatchObject({
      code: 'pin_incorrect',
      details: { dernierEssai: true },
    });
    expect(carte.etatPin()).toBe('dernier_essai');
    await expect(carte.ouvrir(pin('0000'))).rejects.toMatchObject({ code: 'pin_bloque' });
    // locked: even the right PIN is refused
    await expect(carte.ouvrir(pin('2580'))).rejects.toMatchObject({ code: 'pin_bloque' });
    expect(() => carte.debloquer(pin('11111111'), pin('1357'))).toThrow(/^Code de déblocage incorrect\./);
    carte.debloquer(pin('25802580'), pin('1357'));
    expect(carte.etatPin()).toBe('normal');
    await expect(carte.ouvrir(pin('2580'))).rejects.toMatchObject({ code: 'pin_incorrect' });
    await carte.ouvrir(pin('1357'));
    carte.changerPin(pin('1357'), pin('97531'));
    const o = await carte.ouvrir(pin('97531'));
    expect(o.cles.size).toBe(2);
  });
});

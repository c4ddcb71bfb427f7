import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParametresCarte } from '../../../shared/contract/carte';
import { horlogeSysteme } from '../../../electron/horloge';
import { CodePin } from '../../../electron/signature/pin';
import { ServiceCarte } from '../../../electron/signature/service-carte';
import { provisionnerCartes, type CartesTest } from '../../fixtures/cartes/provisionner';

let dossier: string;
let cartes: CartesTest;
let parametres: ParametresCarte;
let service: ServiceCarte;

beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'authentifiant-'));
  cartes = await provisionnerCartes(path.join(dossier, 'cartes'), { seulement: ['officier'] });
  parametres = { bibliotheque: cartes.bibliotheque, mode: 'formation', confiancePem: cartes.caPem };
  service = new ServiceCarte({
    horloge: horlogeSysteme,
    parametres: () => parametres,
    dossierFormation: path.join(dossier, 'formation'),
  });
});
afterAll(() => {
  service?.arreter();
  fs.rmSync(dossier, { recursive: true, force: true });
});

function verifie(pem: string, donnees: Buffer, signature: Uint8Array): boolean {
  return verify('sha256', donnees, createPublicKey(pem), signature);
}

describe('identité de connexion à la plateforme (clé d’authentification de la session ouverte)', () => {
  it('carte PKCS#11 : signe avec la clé d’authentification, sans nouveau PIN', async () => {
    // A card is there, no session yet: say what is true, not « Aucune carte ».
    expect(() => service.authentifiant()).toThrow(
      /^Ouvrez une session avec votre carte \(code PIN\) pour mettre à jour\.$/,
    );
    expect(() => service.signataire(null)).toThrow(
      expect.objectContaining({ code: 'session_requise', details: { action: 'signer' } }),
    );
    const jeton = service.rafraichir().lecteurs.find((l) => l.carte?.label === cartes.cartes.officier.label)!.carte!;
    await service.connecter(jeton.id, CodePin.depuisTexte(cartes.cartes.officier.pin));
    const a = service.authentifiant();
    expect(a).toMatchObject({ nature: 'carte', certificat: { usage: 'authentification', titulaire: 'Jeanne MARTIN' } });
    expect(a.chaine.map((c) => c.titulaire)).toEqual(['Registre AC Agents de test']);
    const defi = Buffer.from('défi de la plateforme');
    expect(verifie(cartes.cartes.officier.certificats.authentification, defi, await a.signer(defi))).toBe(true);
    service.deconnecter();
  });

  it('carte de formation : même interface, marquée formation', async () => {
    await service.formation.creer(
      CodePin.depuisTexte('2580'),
      CodePin.depuisTexte('25802580'),
      { prenom: 'Léa', nom: 'ESSAI', libelleCommune: 'MAIRIE-81-AUSSILLON', codeInsee: '81021' },
      new Date(),
    );
    await service.connecter('formation', CodePin.depuisTexte('2580'));
    const a = service.authentifiant();
    expect(a.nature).toBe('formation');
    const defi = Buffer.from('défi');
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(a.certificat.der).toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect(verifie(pem, defi, await a.signer(defi))).toBe(true);
  });
});

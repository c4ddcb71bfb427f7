import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionnerCartes, type CartesTest } from '../fixtures/cartes/provisionner';
import { appelerApi, capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { reglerCommuneEtCarte } from './poste-officier';

/**
 * What the card and sync messages say when the user meets them: a card inserted without a
 * session ("Mettre à jour", "Tester la connexion"), an expired card (refused before any PIN,
 * next to the card).
 */
let dossier: string;
let cartes: CartesTest;
beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cartes-messages-'));
  cartes = await provisionnerCartes(dossier, { seulement: ['officier', 'expiree'] });
  process.env.REGISTRE_PKCS11 = cartes.bibliotheque;
});
afterAll(() => {
  delete process.env.REGISTRE_PKCS11;
  fs.rmSync(dossier, { recursive: true, force: true });
});

describe('Cartes et synchronisation : des messages qui disent ce qui est vrai', () => {
  it('carte insérée sans session : « ouvrez une session », avec le bouton ; carte expirée : refusée à côté d’elle, sans PIN', async () => {
    const session = await ouvrirSession({
      avant: async (h) => {
        await reglerCommuneEtCarte(h, cartes, { confiancePem: cartes.caPem });
        await appelerApi(h, 'sync.enregistrerParametres', {
          plateforme: { url: 'http://127.0.0.1:9' },
          planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
        });
      },
    });
    try {
      const { page } = session;
      await page.keyboard.press('Alt+1');
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('Ouvrez une session avec votre carte (code PIN) pour mettre à jour.').waitFor();
      expect(await page.getByText(/Aucune carte agent/).count()).toBe(0);
      // no failed sync was recorded for a card that was simply not opened
      expect((await appelerApi<{ derniere: unknown }>(session.harnais, 'sync.etat', {})).derniere).toBeNull();
      await capturer(page, 'demandes-session-requise');

      await page.getByRole('button', { name: 'Tester la connexion' }).click();
      const dialogue = page.getByRole('dialog', { name: 'Tester la connexion à COMEDEC' });
      await dialogue
        .getByText('Carte : Ouvrez une session avec votre carte (code PIN) pour tester la connexion.')
        .waitFor();
      await dialogue.getByRole('button', { name: 'Ouvrir une session' }).click();
      await page.getByRole('heading', { name: 'Carte agent' }).waitFor();

      // The expired card: refused beside it, its button disabled; no PIN dialog ever opens.
      const expiree = page.getByRole('listitem').filter({ hasText: `Carte ${cartes.cartes.expiree.label}` });
      await expiree
        .getByText(/Cette carte ne peut pas ouvrir de session : Certificat refusé : le certificat a expiré le/)
        .waitFor();
      expect(await expiree.getByRole('button', { name: 'Ouvrir une session' }).isDisabled()).toBe(true);
      expect(await page.getByRole('alertdialog', { name: 'Code PIN de la carte' }).count()).toBe(0);
      const officier = page.getByRole('listitem').filter({ hasText: `Carte ${cartes.cartes.officier.label}` });
      expect(await officier.getByRole('button', { name: 'Ouvrir une session' }).isDisabled()).toBe(false);
      await verifierAccessibilite(page, 'Cartes (carte expirée)');
      await capturer(page, 'cartes-carte-expiree');
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

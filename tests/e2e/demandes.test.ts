import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable, demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import { appelerApi, capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { preparerPosteOfficier } from './poste-officier';

/**
 * The requests screen in Chromium, through the harness, against the real sandbox platform with
 * a SoftHSM2 card: "Mettre à jour" with its progress, states and deadline labels (J-2, en
 * retard), the quarantine with its reasons, "Tester la connexion" step by step.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
const JOUR = 24 * 3600 * 1000;

const admin = adminBacASable(() => plateforme);

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-demandes-'));
  // Requests made available 19 and 21 days ago (J-2 and late), then 3 fresh ones.
  const maintenant = Date.now();
  await admin('PUT', '/v1/admin/horloge', { maintenant: new Date(maintenant - 21 * JOUR).toISOString() });
  await admin('POST', '/v1/admin/communes/81021/demandes/generer', { nombre: 1, graine: 1 });
  await admin('PUT', '/v1/admin/horloge', { maintenant: new Date(maintenant - 19 * JOUR).toISOString() });
  await admin('POST', '/v1/admin/communes/81021/demandes/generer', { nombre: 1, graine: 2 });
  await admin('PUT', '/v1/admin/horloge', { maintenant: new Date(maintenant).toISOString() });
  await admin('POST', '/v1/admin/communes/81021/demandes/generer', { nombre: 3, graine: 3 });
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

describe('Demandes : réception, échéances, quarantaine et test de connexion dans l’interface', () => {
  it('« Mettre à jour », états J-2 et en retard, quarantaine, « Tester la connexion », paramètres', async () => {
    const session = await ouvrirSession({
      avant: (h) => preparerPosteOfficier(h, { cartes, urlPlateforme: plateforme.url }),
    });
    try {
      const { page } = session;
      await page.keyboard.press('Alt+1');
      await page.getByRole('heading', { name: 'Demandes COMEDEC' }).waitFor();
      await page.getByText('Aucune mise à jour pour le moment.').waitFor();

      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('Mise à jour terminée').first().waitFor();
      const tableau = page.getByRole('table', { name: 'Demandes reçues' });
      await tableau.waitFor();
      expect(await tableau.getByRole('row').count()).toBe(1 + 5);
      await tableau.getByText('En retard').waitFor();
      await tableau.getByText('À échéance (J-2)').waitFor();
      expect(await tableau.getByText('Reçue', { exact: true }).count()).toBe(3);
      // the most urgent first
      expect(await tableau.getByRole('row').nth(1).textContent()).toMatch(/En retard/);
      // One line per request, the whole row is the target: arrows move, Enter opens.
      const premiere = tableau.locator('tbody tr').first();
      const hauteurs = await tableau
        .locator('tbody tr')
        .evaluateAll((l) => l.map((r) => r.getBoundingClientRect().height));
      expect(Math.max(...hauteurs)).toBeLessThan(2 * Math.min(...hauteurs));
      await premiere.focus();
      await page.keyboard.press('ArrowDown');
      const deuxieme = tableau.locator('tbody tr').nth(1);
      expect(await deuxieme.evaluate((r) => r === document.activeElement)).toBe(true);
      const nomDeuxieme = (await deuxieme.locator('td').nth(2).textContent())!.trim();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('dialog').filter({ hasText: nomDeuxieme.split(' ')[0] });
      await detail.getByText('Mise à disposition').waitFor();
      await detail.getByText('Téléchargée le').waitFor();
      expect(await detail.textContent()).not.toMatch(/Ministère de l’Intérieur — Ministère de l’Intérieur/);
      await capturer(page, 'demandes-detail');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });
      // the deadline filters show their counts like the others
      await page.getByRole('button', { name: 'J-2 (1)' }).waitFor();
      await page.getByRole('button', { name: 'J-5 (0)' }).waitFor();
      await page.getByRole('button', { name: 'J-2' }).click();
      await page.waitForFunction(
        () => document.querySelectorAll('table[aria-label="Demandes reçues"] tbody tr').length === 1,
      );
      // axe reads a toast mid-animation as low contrast: checked once the confirmation is gone
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Demandes');
      await capturer(page, 'demandes-liste');

      // one request whose XML arrives broken: quarantined with its reason, shown
      await admin('PUT', '/v1/admin/pannes', { tauxXmlMalForme: 1 });
      await admin('POST', '/v1/admin/communes/81021/demandes/generer', { nombre: 1, graine: 9 });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByRole('tab', { name: /Quarantaine \(1\)/ }).click();
      const quarantaine = page.getByRole('table', { name: 'Documents en quarantaine' });
      // a French reason first, the parser's technical text only as a detail
      await quarantaine.getByText('Document XML mal formé (illisible)').waitFor();
      await quarantaine.getByText(/^Détail : Document COMEDEC invalide/).waitFor();
      await capturer(page, 'demandes-quarantaine');
      await admin('PUT', '/v1/admin/pannes', {});
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 15_000 });

      await page.getByRole('button', { name: 'Tester la connexion' }).click();
      const dialogue = page.getByRole('dialog', { name: 'Tester la connexion à COMEDEC' });
      await dialogue.getByText('La connexion fonctionne.').waitFor();
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      for (const etape of [
        'Carte agent : réussie.',
        'Plateforme joignable : réussie.',
        'Version et format : réussie.',
        'Authentification : réussie.',
      ])
        await dialogue.getByText(etape).waitFor();
      await verifierAccessibilite(page, 'Tester la connexion');
      await capturer(page, 'demandes-tester-connexion');
      await page.keyboard.press('Escape');
      await dialogue.waitFor({ state: 'hidden' });

      // the settings: read back, a wrong value refused with its reason, a right one saved
      await page.getByRole('button', { name: 'Paramètres de synchronisation' }).click();
      const reglages = page.getByRole('dialog', { name: 'Paramètres de synchronisation' });
      // The dialog reads the settings after it opens: wait for them.
      await expect.poll(() => reglages.getByLabel('Adresse de la plateforme').inputValue()).toBe(plateforme.url);
      await reglages.getByLabel('Toutes les (minutes)').fill('2');
      await reglages.getByRole('button', { name: 'Enregistrer' }).click();
      await reglages.getByText('au moins 5 minutes').first().waitFor();
      await reglages.getByLabel('Toutes les (minutes)').fill('15');
      await verifierAccessibilite(page, 'Paramètres de synchronisation');
      await reglages.getByRole('button', { name: 'Enregistrer' }).click();
      await reglages.waitFor({ state: 'hidden' });
      const lus = await appelerApi<{ planification: { intervalleMinutes: number } }>(
        session.harnais,
        'sync.lireParametres',
        {},
      );
      expect(lus.planification.intervalleMinutes).toBe(15);
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

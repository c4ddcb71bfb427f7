import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable, demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import { reglerCommuneEtCarte } from './poste-officier';
import { appelerApi, capturer, ouvrirSession } from './outils-ui';

/**
 * The defect that lost real requests: training and real requests shared one store, deduplicated
 * by the platform's id alone, and both platforms number from 1. Reproduced as the user met it,
 * in Chromium through the harness: training mode, the training card's 14 requests; back to real
 * mode, the officer's card against a fresh sandbox with 5 requests; each world shows its own,
 * nothing of the other, and the sandbox's 5 are stored before they are acknowledged.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;

const admin = adminBacASable(() => plateforme);

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-formation-'));
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

const lignes = (page: Page) => page.locator('table[aria-label="Demandes reçues"] tbody tr');

async function basculerMode(page: Page, formation: boolean) {
  await page.keyboard.press('Alt+3');
  const interrupteur = page.getByRole('switch', { name: /Mode formation/ });
  await interrupteur.waitFor();
  if ((await interrupteur.isChecked()) !== formation) await interrupteur.click();
  await expect.poll(() => interrupteur.isChecked()).toBe(formation);
}

async function mettreAJour(page: Page) {
  await page.keyboard.press('Alt+1');
  await page.getByRole('button', { name: 'Mettre à jour' }).click();
  await page.getByText('Mise à jour terminée').first().waitFor();
}

describe('Formation : un monde à part, jamais mêlé aux demandes réelles', () => {
  it('14 demandes d’entraînement, puis 5 réelles : chacune dans son monde, aucune perdue', async () => {
    const session = await ouvrirSession({
      avant: async (h) => {
        await reglerCommuneEtCarte(h, cartes);
      },
    });
    const h = session.harnais;
    try {
      const { page } = session;
      expect(await page.getByTestId('bandeau-formation').count()).toBe(0);

      // Training: the switch in Cartes > Réglages, the training card, its session, "Mettre à jour".
      await basculerMode(page, true);
      await page.getByTestId('bandeau-formation').waitFor();
      await appelerApi(h, 'carte.creerFormation', {
        pin: '2580',
        codeDeblocage: '25802580',
        prenom: 'Léa',
        nom: 'ESSAI',
      });
      await appelerApi(h, 'carte.connecter', { jetonId: 'formation', pin: '2580' });
      await mettreAJour(page);
      await expect.poll(() => lignes(page).count()).toBe(14);
      await capturer(page, 'formation-demandes');

      // Real mode: another world, empty; the officer's card against a fresh sandbox with 5 requests.
      await basculerMode(page, false);
      await page.getByTestId('bandeau-formation').waitFor({ state: 'detached' });
      await appelerApi(h, 'sync.enregistrerParametres', {
        plateforme: { url: plateforme.url },
        planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
      });
      const etat = await appelerApi<{ lecteurs: { carte: { id: string; label: string } | null }[] }>(
        h,
        'carte.etat',
        {},
      );
      const officier = etat.lecteurs.find((l) => l.carte?.label === cartes.cartes.officier.label)!.carte!;
      await appelerApi(h, 'carte.connecter', { jetonId: officier.id, pin: cartes.cartes.officier.pin });
      await admin('POST', '/v1/admin/communes/81021/demandes/generer', { nombre: 5, graine: 7 });
      await page.keyboard.press('Alt+1');
      await expect.poll(() => lignes(page).count()).toBe(0);
      await mettreAJour(page);
      await page
        .getByText(/5 demande\(s\) reçue\(s\)/)
        .first()
        .waitFor();
      await expect.poll(() => lignes(page).count()).toBe(5);
      const resultat = await appelerApi<{ derniere: { recues: number } }>(h, 'sync.etat', {});
      expect(resultat.derniere.recues).toBe(5);
      // The platform was told only once they were stored: all 5 are here, none under a training id.
      const reelles = await appelerApi<{ demandes: { idPlateforme: string }[] }>(h, 'demandes.lister', {});
      expect(reelles.demandes).toHaveLength(5);
      const cote = (await admin('GET', '/v1/admin/communes/81021/demandes')) as {
        demandes: { id: string; acquitteeLe: string | null }[];
      };
      expect(cote.demandes.map((d) => d.id).sort()).toEqual(reelles.demandes.map((d) => d.idPlateforme).sort());
      expect(cote.demandes.every((d) => d.acquitteeLe !== null)).toBe(true);
      await capturer(page, 'formation-retour-mode-reel');

      // Back to training: its 14, and still none of the real 5.
      await basculerMode(page, true);
      await page.getByTestId('bandeau-formation').waitFor();
      await page.keyboard.press('Alt+1');
      await expect.poll(() => lignes(page).count()).toBe(14);
      const formation = await appelerApi<{ demandes: { idPlateforme: string }[] }>(h, 'demandes.lister', {});
      expect(formation.demandes.map((d) => d.idPlateforme).sort()).not.toEqual(
        reelles.demandes.map((d) => d.idPlateforme).sort(),
      );
      expect(fs.existsSync(path.join(h.dossierDonnees, 'formation', 'registre.db'))).toBe(true);
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

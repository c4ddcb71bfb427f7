import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { PREMIERE_OFFICIERE } from '../integration/annuaire/outils';
import { demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import { stockerDemandes, UNE_HEURE } from './demandes-nombreuses';
import { appelerApi, capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { preparerPosteOfficier } from './poste-officier';

/**
 * The working frame in Chromium: the status bar (the card and whose it is, by the directory;
 * the platform and the syncs), and the received requests at 10,000: only the rows in view
 * exist in the page, the list scrolls to its end, the last request is reached and opened with
 * the keyboard; filters by person, requester, act and dates with their counts; specimens
 * listed and marked, never counted; "Traiter à la suite" runs through the whole list, past the
 * rows read so far.
 */
const NOMBRE = 10_000;
const SPECIMENS = 20;
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
let dossierDonnees: string;
let semeesLe: Date;

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-cadre-demandes-'));
  dossierDonnees = path.join(dossier, 'donnees');
  fs.mkdirSync(dossierDonnees);
  semeesLe = stockerDemandes(path.join(dossierDonnees, 'registre.db'), NOMBRE, SPECIMENS);
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

const SELECTEUR_LIGNES = 'table[aria-label="Demandes reçues"] tbody tr';
const lignesDansLaPage = (page: Page) => page.evaluate((s) => document.querySelectorAll(s).length, SELECTEUR_LIGNES);
const indexFocalise = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.index ?? null);

describe('Cadre de travail : barre d’état et demandes reçues à 10 000', () => {
  it('la barre dit la carte, la plateforme et les mises à jour ; 10 000 demandes défilent, filtrées et comptées', async () => {
    const session = await ouvrirSession({
      dossierDonnees,
      avant: async (h) => {
        await preparerPosteOfficier(h, { cartes, urlPlateforme: plateforme.url });
        await appelerApi(h, 'annuaire.creer', PREMIERE_OFFICIERE);
      },
    });
    try {
      const { page } = session;
      const barre = page.getByRole('contentinfo', { name: 'Barre d’état' });
      // the card at the keyboard, named by the directory, with its holder's quality
      await barre.getByText('Carte de Jeanne MARTIN — officier').waitFor();
      const plateformeBarre = barre.getByTestId('barre-plateforme');
      await expect.poll(() => plateformeBarre.textContent()).toBe('Plateforme non atteinte');
      expect(await plateformeBarre.getAttribute('title')).toBe('Plateforme injoignable (essai).');
      await barre.getByText(/^Dernière mise à jour : .* ; pas de mise à jour automatique prévue$/).waitFor();

      await page.keyboard.press('Alt+1');
      const tableau = page.getByRole('table', { name: 'Demandes reçues' });
      await tableau.waitFor();
      // specimens are listed and marked, never counted
      await page.getByRole('button', { name: `À traiter (${NOMBRE - SPECIMENS})` }).waitFor();
      await page
        .getByText(`${NOMBRE} demandes dans cette liste, dont ${SPECIMENS} spécimens`, { exact: false })
        .waitFor();
      expect(await page.getByRole('tab', { name: `Demandes reçues (${NOMBRE - SPECIMENS})` }).count()).toBe(1);
      expect(await tableau.getAttribute('aria-rowcount')).toBe(String(NOMBRE + 1));
      expect(await lignesDansLaPage(page)).toBeLessThan(60);

      // scrolled from top to bottom in 25 steps: each time, the rows in view are read and drawn,
      // and only they (and a few around) exist in the page
      const defilement = tableau.locator('xpath=..');
      const hauteur = await defilement.evaluate((e) => e.scrollHeight);
      expect(hauteur).toBeGreaterThan(NOMBRE * 30);
      let maximum = 0;
      for (let pas = 1; pas <= 25; pas++) {
        await defilement.evaluate((e, p) => (e.scrollTop = (e.scrollHeight * p) / 25), pas);
        await page.waitForFunction(
          (s) => {
            const lignes = [...document.querySelectorAll<HTMLElement>(s)];
            const boite = lignes[0]?.closest('div')?.getBoundingClientRect();
            const visibles = lignes.filter((l) => {
              const r = l.getBoundingClientRect();
              return boite && r.bottom > boite.top + 40 && r.top < boite.bottom;
            });
            return visibles.length > 3 && visibles.every((l) => !l.textContent?.includes('Chargement…'));
          },
          SELECTEUR_LIGNES,
          { timeout: 15_000 },
        );
        maximum = Math.max(maximum, await lignesDansLaPage(page));
      }
      expect(maximum).toBeLessThan(60);
      await page.locator(`${SELECTEUR_LIGNES}[aria-rowindex="${NOMBRE + 1}"]`).waitFor();

      // the keyboard: arrows from the first request, then End to the last, opened with Enter
      await defilement.evaluate((e) => (e.scrollTop = 0));
      const premiere = page.locator(`${SELECTEUR_LIGNES}[data-index="0"]`);
      await premiere.focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      expect(await indexFocalise(page)).toBe('3');
      await page.keyboard.press('ArrowUp');
      expect(await indexFocalise(page)).toBe('2');
      await page.keyboard.press('PageDown');
      expect(Number(await indexFocalise(page))).toBeGreaterThan(5);
      await page.keyboard.press('End');
      await expect.poll(() => indexFocalise(page)).toBe(String(NOMBRE - 1));
      const derniere = page.locator(`${SELECTEUR_LIGNES}[data-index="${NOMBRE - 1}"]`);
      await expect.poll(() => derniere.getAttribute('aria-label')).toMatch(/^Ouvrir la demande DEM-/);
      const attendue = await appelerApi<{ demandes: { idPlateforme: string }[] }>(session.harnais, 'demandes.lister', {
        etats: ['recue', 'en_cours', 'a_echeance', 'en_retard'],
        limite: 1,
        decalage: NOMBRE - 1,
      });
      const idDerniere = attendue.demandes[0].idPlateforme;
      expect(await derniere.getAttribute('aria-label')).toContain(idDerniere);
      await page.keyboard.press('Enter');
      const dialogue = page.getByRole('dialog', { name: new RegExp(`^Demande ${idDerniere}`) });
      await dialogue.waitFor();
      await page.keyboard.press('Escape');
      await dialogue.waitFor({ state: 'hidden' });
      // Échap gives the keyboard back to the row the request was opened from
      await expect.poll(() => indexFocalise(page)).toBe(String(NOMBRE - 1));
      await page.keyboard.press('Home');
      await expect.poll(() => indexFocalise(page)).toBe('0');

      // filters: a person (the beginning of a name, accents and case folded), then requester and
      // act, each value counted under the others
      await page.getByRole('textbox', { name: 'Personne' }).fill('zyg');
      await expect.poll(() => lignesDansLaPage(page)).toBe(1);
      await tableau.getByText('ZYGMUNT Prénom7777').waitFor();
      await page.getByRole('button', { name: 'Effacer les filtres (1)' }).click();
      await page.getByRole('textbox', { name: 'Personne' }).fill('Martin');
      const martins = Array.from({ length: NOMBRE }, (_, i) => i).filter((i) => i % 8 === 0 && i !== 7777);
      const reelles = (f: (i: number) => boolean) => martins.filter((i) => i % 500 !== 1 && f(i)).length;
      // i % 8 === 0: every MARTIN is asked for by the Ministry (i % 4 === 0)
      await page.getByRole('button', { name: `Ministère de l’Intérieur (${reelles(() => true)})` }).waitFor();
      await page.getByRole('button', { name: 'Notaire (0)' }).waitFor();
      await page.getByRole('button', { name: `Décès (${reelles((i) => i % 3 === 2)})` }).click();
      await page.getByRole('button', { name: `À traiter (${reelles((i) => i % 3 === 2)})` }).waitFor();
      // the other act types keep their own counts under the person filter
      await page.getByRole('button', { name: `Naissance (${reelles((i) => i % 3 === 0)})` }).waitFor();
      await page.getByText(`${martins.filter((i) => i % 3 === 2).length} demande(s) correspondent.`).waitFor();
      await verifierAccessibilite(page, 'Demandes reçues filtrées');
      await capturer(page, 'cadre-demandes-filtrees');

      // "Reçues du … au …": a day typed as the office writes it
      await page.getByRole('button', { name: 'Effacer les filtres (2)' }).click();
      // the Paris day of the newest requests (made available an hour before the seeding): "today"
      // would hold none between midnight and 1:00 Paris (failure seen in CI)
      const jour = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(
        new Date(semeesLe.getTime() - UNE_HEURE),
      );
      await page.getByRole('textbox', { name: 'Reçues du' }).fill(jour);
      const iso = jour.split('/').reverse().join('-');
      const aujourdhui = await appelerApi<{ total: number }>(session.harnais, 'demandes.lister', {
        etats: ['recue', 'en_cours', 'a_echeance', 'en_retard'],
        du: iso,
        limite: 1,
      });
      expect(aujourdhui.total).toBeGreaterThan(0);
      await page.getByText(`${aujourdhui.total} demandes dans cette liste`, { exact: false }).waitFor();
      await page.getByRole('textbox', { name: 'au', exact: true }).fill('01/01/2000');
      await page.getByText('avant la date de début').waitFor();
      await page.getByRole('button', { name: /^Effacer les filtres/ }).click();
      await page.getByText(`${NOMBRE} demandes dans cette liste`, { exact: false }).waitFor();

      // "Traiter à la suite" queues the whole filtered list, not only the rows read so far (the
      // list was just read again: its first page alone). Passed one after the other (S), the run
      // goes past that page: its 101st request is the list's 101st, as the main process orders it.
      await page.locator(`${SELECTEUR_LIGNES}[data-index="0"]`).focus();
      await page.keyboard.press('t');
      const suite = page.getByRole('dialog', { name: /^Demande / });
      await suite.getByText(`À la suite : 1 sur ${NOMBRE}`, { exact: true }).waitFor();
      const PASSEES = 100;
      for (let i = 2; i <= PASSEES + 1; i++) {
        await page.keyboard.press('s');
        await suite.getByText(`À la suite : ${i} sur ${NOMBRE}`, { exact: true }).waitFor();
      }
      const centUnieme = await appelerApi<{ demandes: { idPlateforme: string }[] }>(
        session.harnais,
        'demandes.lister',
        { etats: ['recue', 'en_cours', 'a_echeance', 'en_retard'], limite: 1, decalage: PASSEES },
      );
      await page.getByRole('dialog', { name: new RegExp(`^Demande ${centUnieme.demandes[0].idPlateforme}`) }).waitFor();
      await page.keyboard.press('Escape');
      await suite.waitFor({ state: 'hidden' });

      // a sync: the platform answered, the bar says so at once (no polling: the sync's events)
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await barre.getByText('Plateforme joignable').waitFor({ timeout: 30_000 });
      // its toast seen first: waiting for a toast not shown yet to be hidden would not wait at all
      await page.getByText('Mise à jour terminée').first().waitFor();
      await barre.getByText(/^Dernière mise à jour : \d{2}\/\d{2}\/\d{4}/).waitFor();
      await capturer(page, 'cadre-barre-etat');
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Demandes reçues à 10 000, barre d’état');

      // the card session closed: the bar follows the card's event
      await appelerApi(session.harnais, 'carte.deconnecter', {});
      await barre.getByText('Carte insérée, session fermée').waitFor();
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

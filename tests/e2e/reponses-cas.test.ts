import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable, demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import { capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { AUSSILLON, declaration, naissance, preparerPosteOfficier } from './poste-officier';

/**
 * The answering screens' other cases, in Chromium through the harness, against the sandbox
 * platform with the SoftHSM2 officer card: the inbox counts its requests by matching outcome; a
 * request set aside with a comment, then taken back; twins, where the officer chooses the second
 * candidate with the keyboard while the first stays listed with its differences; an act known
 * only by its number blocks the negative answer ("Indexez l'acte") and its link opens the act; a
 * specimen request answered the same way, marked as a specimen up to its receipt.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
const admin = adminBacASable(() => plateforme);

const fabre = naissance(7, 1992, '1992-10-01', 'FABRE', 'Julie', 'Michel', 'Odile');
// Twins: same day, same parents; the request misspells the given name, both are candidates.
const lea = naissance(10, 1995, '1995-04-02', 'BARTHE', 'Léa', 'Marc', 'Sylvie');
const lena = naissance(11, 1995, '1995-04-02', 'BARTHE', 'Léna', 'Marc', 'Sylvie');
// Known only by its number: 1938's births were never keyed in.
const nonIndexe = { type: 'naissance', annee: 1938, numero: 5, personnes: [], mentions: [], indexe: false };

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-reponses-cas-'));
  const jumelle = declaration(lena, 'interieur');
  for (const demande of [
    declaration(fabre, 'interieur'),
    { ...jumelle, personne: { ...jumelle.personne, prenoms: ['Lina'] } },
    {
      ...declaration(fabre, 'notaire'),
      personne: {
        nom: 'ZYGMUNT',
        prenoms: ['Ottilie'],
        sexe: 'F',
        dateNaissance: '1938-05-05',
        lieuNaissance: AUSSILLON,
      },
      pere: { nom: 'ZYGMUNT', prenoms: ['Wojciech'] },
      mere: { nom: 'LARROQUE', prenoms: ['Anne'] },
    },
  ])
    await admin('POST', '/v1/admin/communes/81021/demandes', { demande });
  await admin('POST', '/v1/admin/communes/81021/specimens', { nombre: 1 });
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

/** Toasts fade in and out: axe would read one mid-animation, and a capture would be covered. */
const sansNotification = (page: Page, texte: string) =>
  page.getByText(texte).first().waitFor({ state: 'hidden', timeout: 15_000 });

describe('Répondre aux demandes : les autres cas de l’écran', () => {
  it('comptes par rapprochement, mise de côté et reprise, jumelles, acte à indexer, spécimen', async () => {
    const session = await ouvrirSession({
      avant: (h) =>
        preparerPosteOfficier(h, { cartes, urlPlateforme: plateforme.url, actes: [fabre, lea, lena, nonIndexe] }),
    });
    try {
      const { page } = session;
      await page.keyboard.press('Alt+1');
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('Mise à jour terminée').first().waitFor();
      const tableau = page.getByRole('table', { name: 'Demandes reçues' });
      const lignes = tableau.locator('tbody tr');
      const ligne = (texte: string) => lignes.filter({ hasText: texte });
      await expect.poll(() => lignes.count()).toBe(4);
      await expect.poll(() => tableau.getByText('En cours…').count(), { timeout: 30_000 }).toBe(0);

      // The inbox counts its requests by matching outcome, as the rows say it.
      await ligne('FABRE').getByText(/^Sûr/).waitFor();
      await ligne('ZYGMUNT').getByText('Aucun acte').waitFor();
      await ligne('SPECIMEN').getByText('Aucun acte').waitFor();
      const issues = await lignes.evaluateAll((rs) => rs.map((r) => r.querySelectorAll('td')[3].textContent ?? ''));
      const compte = (prefixe: string) => issues.filter((t) => t.startsWith(prefixe)).length;
      expect(compte('Sûr') + compte('À vérifier') + compte('Aucun acte')).toBe(4);
      expect(compte('Aucun acte')).toBe(2);
      // the specimen is listed and answered like the others, but never counted
      const entete = `Rapprochement des demandes listées — Sûr : ${compte('Sûr')} ; À vérifier : ${compte('À vérifier')} ; Aucun acte : ${compte('Aucun acte') - 1} (1 spécimen à part, non compté)`;
      await page.getByText(entete, { exact: true }).waitFor();
      await sansNotification(page, 'Mise à jour terminée');
      await verifierAccessibilite(page, 'Demandes reçues, comptes par rapprochement');
      await capturer(page, 'reponses-cas-comptes');

      // Set aside with a comment: no answer while it is; taken back with the same key.
      await ligne('FABRE').focus();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('dialog', { name: /^Demande / });
      await detail.getByText('Rapprochement : Sûr').waitFor();
      await page.keyboard.press('m');
      const deCote = detail.getByRole('form', { name: 'Mettre la demande de côté' });
      await deCote.getByLabel(/^Commentaire/).waitFor();
      await page.keyboard.type('Attente du livret de famille');
      await page.keyboard.press('Control+Enter');
      await detail.getByText(/^Mise de côté par .*: Attente du livret de famille\. Reprenez-la \(M\)/).waitFor();
      const positive = detail.getByRole('button', { name: 'Répondre positivement (P)' });
      expect(await positive.isDisabled()).toBe(true);
      await page.keyboard.press('p');
      expect(await detail.getByLabel('Texte de la réponse').count()).toBe(0);
      await sansNotification(page, 'Demande mise de côté');
      await verifierAccessibilite(page, 'Demande mise de côté');
      await capturer(page, 'reponses-cas-mise-de-cote');
      await page.keyboard.press('m');
      await detail.getByRole('button', { name: 'Mettre de côté (M)' }).waitFor();
      expect(await detail.getByText(/^Mise de côté par/).count()).toBe(0);
      await page.keyboard.press('p');
      await detail.getByRole('button', { name: 'Réponse positive prête' }).waitFor();
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      // Twins: two candidates; 2 chooses the second, the first stays listed with its differences.
      await ligne('BARTHE').focus();
      await page.keyboard.press('Enter');
      const candidats = detail.getByRole('radiogroup', { name: /^Actes candidats/ });
      await candidats.waitFor();
      const radios = candidats.getByRole('radio');
      expect(await radios.count()).toBe(2);
      const libelles = await candidats.locator('label').allTextContents();
      const second = /^2\. (acte de naissance n° (\d+) de 1995 \([^)]+\))/.exec(libelles[1])!;
      expect(second).not.toBeNull();
      await page.keyboard.press('2');
      expect(await radios.nth(1).isChecked()).toBe(true);
      await detail.getByRole('table', { name: `Déclaration et ${second[1]}` }).waitFor();
      // every candidate still listed, each with what sets it apart from the declaration
      expect(await candidats.getByText(/^Différences : Prénoms déclaré « Lina », registre « Lé(a|na) »/).count()).toBe(
        2,
      );
      await sansNotification(page, 'Réponse positive prête à signer');
      await verifierAccessibilite(page, 'Jumelles : deux candidats');
      await capturer(page, 'reponses-cas-jumelles');
      await page.keyboard.press('p');
      await detail
        .getByRole('heading', { name: new RegExp(`^Réponse positive \\(.*Naissance n° ${second[2]} de 1995\\)`) })
        .waitFor();
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      // An act known only by its number: the negative answer is blocked, its link opens the act.
      await ligne('ZYGMUNT').focus();
      await page.keyboard.press('Enter');
      await detail.getByText('Aucun acte candidat dans le registre.').waitFor();
      await page.keyboard.press('n');
      const negative = detail.getByRole('form', { name: 'Répondre négativement' });
      await negative.getByRole('radio').first().waitFor();
      await page.keyboard.press('Enter');
      await negative.getByText(/^Indexez l’acte : le registre des naissances de 1938 compte un acte connu/).waitFor();
      const lien = negative.getByRole('button', { name: 'Indexez l’acte : Naissance n° 5 de 1938' });
      expect(await negative.getByRole('button', { name: 'Préparer la réponse négative' }).isDisabled()).toBe(true);
      await sansNotification(page, 'Réponse positive prête à signer');
      await verifierAccessibilite(page, 'Réponse négative bloquée : acte à indexer');
      await capturer(page, 'reponses-cas-acte-a-indexer');
      await lien.focus();
      await page.keyboard.press('Enter');
      await detail.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: 'Acte de naissance n° 5 de 1938' }).waitFor();
      await page.getByRole('article').getByText('Non indexé', { exact: true }).waitFor();
      await capturer(page, 'reponses-cas-acte-ouvert');

      // A specimen request, answered the same way (N, Entrée), its answer marked as a specimen.
      await page.keyboard.press('Alt+1');
      await ligne('SPECIMEN').getByText('Naissance (spécimen)').waitFor();
      await ligne('SPECIMEN').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: /^Demande .* \(spécimen\)$/ }).waitFor();
      await page.keyboard.press('n');
      await negative.getByRole('radio').first().waitFor();
      await page.keyboard.press('Enter');
      await detail
        .getByRole('heading', { name: /^Réponse négative : Acte non détenu par la commune — À signer \(spécimen\)$/ })
        .waitFor();
      await capturer(page, 'reponses-cas-specimen');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      // Signed with the others in one batch, sent, receipted: still marked as a specimen.
      await page.getByRole('tab', { name: 'Réponses (3 à signer)' }).click();
      await page.getByRole('button', { name: 'Signer les 3 réponses' }).click();
      const pin = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
      await pin.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
      await page.keyboard.press('Enter');
      await page.getByText(/^3 réponse\(s\) signée\(s\)\./).waitFor();
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      const envoyees = page.getByRole('table', { name: 'Réponses signées et envoyées' });
      await expect.poll(() => envoyees.getByText(/^Accusé AR-/).count(), { timeout: 30_000 }).toBe(3);
      await envoyees
        .locator('tbody tr')
        .filter({ hasText: '(spécimen)' })
        .getByText(/^Accusé AR-/)
        .waitFor();
      const { reponses } = (await admin('GET', '/v1/admin/communes/81021/reponses')) as { reponses: unknown[] };
      expect(reponses).toHaveLength(3);
      await sansNotification(page, 'Mise à jour terminée');
      await verifierAccessibilite(page, 'Réponses envoyées, dont un spécimen');
      await capturer(page, 'reponses-cas-envoyees');

      // "Traiter à la suite" (T): each answer shows the next request at once, the focus inside.
      await admin('POST', '/v1/admin/communes/81021/demandes', { demande: declaration(lea, 'notaire') });
      await admin('POST', '/v1/admin/communes/81021/demandes', {
        demande: {
          ...declaration(fabre, 'interieur'),
          personne: {
            nom: 'QUINTANA',
            prenoms: ['Inès'],
            sexe: 'F',
            dateNaissance: '1999-09-09',
            lieuNaissance: AUSSILLON,
          },
          pere: null,
          mere: null,
        },
      });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByRole('tab', { name: /^Demandes reçues/ }).click();
      await ligne('QUINTANA').getByText('Aucun acte').waitFor();
      await ligne('BARTHE Léa')
        .getByText(/^(Sûr|À vérifier)/)
        .waitFor();
      // ZYGMUNT still waits for its act to be indexed: passed (S); the others answered, P or N.
      await expect.poll(() => lignes.count()).toBe(3);
      await lignes.first().focus();
      await page.keyboard.press('t');
      const suite = page.getByRole('dialog', { name: /^Demande / });
      for (let i = 1; i <= 3; i++) {
        await suite.getByText(`À la suite : ${i} sur 3`, { exact: true }).waitFor();
        await suite.getByText(/^Rapprochement : /).waitFor();
        expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
        if (i === 2) {
          await suite
            .getByText(
              /^Demande DEM-\S+ (: réponse (positive|négative) (en préparation…|prête à signer\.)|passée, sans réponse\.)$/,
            )
            .waitFor();
          await capturer(page, 'reponses-cas-a-la-suite');
        }
        const texte = (await suite.textContent())!;
        if (texte.includes('ZYGMUNT')) await page.keyboard.press('s');
        else if (texte.includes('Aucun acte candidat dans le registre.')) {
          await page.keyboard.press('n');
          await suite.getByRole('form', { name: 'Répondre négativement' }).getByRole('radio').first().waitFor();
          await page.keyboard.press('Enter');
        } else await page.keyboard.press('p');
      }
      await suite.waitFor({ state: 'hidden' });
      await page.getByRole('tab', { name: 'Réponses (2 à signer)' }).waitFor();
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable, demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import { capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { AUSSILLON, declaration, naissance, preparerPosteOfficier } from './poste-officier';

/**
 * Answering requests in Chromium, through the harness, against the sandbox platform with a
 * SoftHSM2 officer card: requests received and matched; a "sûr" one opened and answered
 * positively with the keyboard only; another answered from the list with P; a negative answer
 * meets the guard naming the candidate and is confirmed; the three answers signed in one batch
 * with one PIN; sent with "Mettre à jour"; the sandbox's receipts shown in the app; an answer to a
 * request the platform purged comes back rejected with its reason in French.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
const admin = adminBacASable(() => plateforme);

const acteA = naissance(42, 1987, '1987-03-12', 'NDIAYE', 'Zoé', 'Amadou', 'Françoise');
const acteB = naissance(7, 1992, '1992-10-01', 'FABRE', 'Julie', 'Michel', 'Odile');
const acteC = naissance(3, 1990, '1990-06-02', 'ROUSSEL', 'Léa', 'Louis', 'Anne');

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-reponses-'));
  for (const demande of [
    declaration(acteA, 'notaire'),
    declaration(acteB, 'interieur'),
    declaration(acteC, 'interieur'),
  ])
    await admin('POST', '/v1/admin/communes/81021/demandes', { demande });
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

describe('Répondre aux demandes dans l’interface, de la réception à l’accusé de réception', () => {
  it('positive au clavier, négative avec la garde confirmée, lot signé d’un seul PIN, envoi et accusés', async () => {
    const session = await ouvrirSession({
      avant: (h) => preparerPosteOfficier(h, { cartes, urlPlateforme: plateforme.url, actes: [acteA, acteB, acteC] }),
    });
    try {
      const { page } = session;
      await page.keyboard.press('Alt+1');
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('Mise à jour terminée').first().waitFor();
      const tableau = page.getByRole('table', { name: 'Demandes reçues' });
      const ligne = (nom: string) => tableau.locator('tbody tr').filter({ hasText: nom });
      // the list shows each request's matching outcome once it is done
      for (const nom of ['NDIAYE', 'FABRE', 'ROUSSEL'])
        await ligne(nom)
          .getByText(/^Sûr \(\d+ %\)$/)
          .waitFor();

      // A "sûr" request, answered positively with the keyboard only: Enter, P, Échap.
      await ligne('NDIAYE').focus();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('dialog', { name: /^Demande / });
      await detail.getByText('Rapprochement : Sûr').waitFor();
      const comparaison = detail.getByRole('table', { name: /Déclaration et acte de naissance n° 42 de 1987/ });
      await comparaison.getByRole('row').filter({ hasText: 'Nom' }).first().getByText('Identique').waitFor();
      await detail
        .getByText('Étude de Maître Lefèvre, Castres (forme attendue : copie intégrale)', { exact: false })
        .waitFor();
      await detail.getByRole('button', { name: 'Répondre positivement (P)' }).waitFor();
      await verifierAccessibilite(page, 'Détail d’une demande');
      await capturer(page, 'reponses-detail');
      await page.keyboard.press('p');
      const texte = detail.getByLabel('Texte de la réponse');
      await texte.waitFor();
      expect(await texte.textContent()).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
      await detail.getByRole('button', { name: 'Réponse positive prête' }).waitFor();
      await page.keyboard.press('x');
      expect(await detail.getByLabel('XML de la réponse').textContent()).toMatch(/<\?xml|<[a-zA-Z:]+/);
      await capturer(page, 'reponses-brouillon');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      // From the list, P answers the selected "sûr" request without opening it.
      await ligne('ROUSSEL').focus();
      await page.keyboard.press('p');
      await page.getByText('Réponse positive prête à signer').first().waitFor();

      // A negative answer while the register holds the candidate: the guard names it.
      await ligne('FABRE').focus();
      await page.keyboard.press('Enter');
      await detail.getByText('Rapprochement : Sûr').waitFor();
      await page.keyboard.press('n');
      const negative = detail.getByRole('form', { name: 'Répondre négativement' });
      await negative.getByLabel('Commentaire (facultatif)').fill('Homonyme : la personne est née à Mazamet.');
      await negative.getByRole('button', { name: 'Préparer la réponse négative' }).click();
      await negative
        .getByText(
          /Le registre contient un acte qui peut être celui demandé : acte de naissance n° 7 de 1992 \(Julie FABRE\)/,
        )
        .waitFor();
      const confirmer = negative.getByRole('button', { name: 'Confirmer la réponse négative' });
      expect(await confirmer.isDisabled()).toBe(true);
      // axe reads a toast behind the modal overlay as low contrast: checked once it is gone
      await page.getByText('Réponse positive prête à signer').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Garde d’une réponse négative');
      await capturer(page, 'reponses-garde');
      await negative.getByLabel(/Je confirme que la demande ne concerne pas acte de naissance n° 7 de 1992/).check();
      await confirmer.click();
      await negative.waitFor({ state: 'hidden' });
      await detail
        .getByRole('heading', { name: /^Réponse négative : Acte non détenu par la commune — À signer/ })
        .waitFor();
      await detail.getByText(/Écarté : acte de naissance n° 7 de 1992 \(Julie FABRE\), confirmé par/).waitFor();
      // the focus stays in the request's dialog once the form is gone: Échap closes it
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      // The three drafts, with who prepared them, signed in one batch with one PIN.
      await page.getByRole('tab', { name: 'Réponses (3 à signer)' }).click();
      const aSigner = page.getByRole('table', { name: 'Réponses à signer' });
      expect(await aSigner.locator('tbody tr').count()).toBe(3);
      expect(await aSigner.locator('tbody tr').filter({ hasText: cartes.cartes.officier.titulaire.nom }).count()).toBe(
        3,
      );
      // axe reads a toast mid-animation as low contrast: checked once they are gone
      await page.getByText('Réponse négative prête à signer').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Réponses à signer');
      await capturer(page, 'reponses-a-signer');
      await page.getByRole('button', { name: 'Signer les 3 réponses' }).click();
      const pin = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
      await pin.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
      await page.keyboard.press('Enter');
      await pin.waitFor({ state: 'hidden' });
      await page.getByText(/3 réponse\(s\) signée\(s\)\./).waitFor();
      await page.getByText('Aucune réponse à signer.', { exact: false }).waitFor();

      // Sent with "Mettre à jour"; the sandbox's receipts come back to the list.
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('3 réponse(s) acceptée(s).', { exact: false }).first().waitFor();
      const envoyees = page.getByRole('table', { name: 'Réponses signées et envoyées' });
      await expect.poll(() => envoyees.getByText(/^Accusé AR-/).count()).toBe(3);
      const { reponses } = (await admin('GET', '/v1/admin/communes/81021/reponses')) as { reponses: unknown[] };
      expect(reponses).toHaveLength(3);
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Réponses envoyées');
      await capturer(page, 'reponses-envoyees');

      // An answer to a request the platform purged comes back rejected, with its reason in French.
      await admin('POST', '/v1/admin/communes/81021/demandes', {
        demande: {
          ...declaration(acteC, 'notaire'),
          personne: {
            nom: 'ZYGMUNT',
            prenoms: ['Ottilie'],
            sexe: 'F',
            dateNaissance: '1995-05-05',
            lieuNaissance: AUSSILLON,
          },
          pere: { nom: 'ZYGMUNT', prenoms: ['Wojciech'] },
          mere: { nom: 'LARROQUE', prenoms: ['Anne'] },
        },
      });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByRole('tab', { name: /^Demandes reçues/ }).click();
      await ligne('ZYGMUNT').getByText('Aucun acte').waitFor();
      await ligne('ZYGMUNT').focus();
      await page.keyboard.press('Enter');
      await detail.getByText('Aucun acte candidat dans le registre.').waitFor();
      await page.keyboard.press('n');
      await negative.getByRole('button', { name: 'Préparer la réponse négative' }).click();
      await detail
        .getByRole('heading', { name: /^Réponse négative : Acte non détenu par la commune — À signer/ })
        .waitFor();
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });
      await page.getByRole('tab', { name: 'Réponses (1 à signer)' }).click();
      await page.getByRole('button', { name: 'Signer la réponse' }).click();
      await pin.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
      await page.keyboard.press('Enter');
      await pin.waitFor({ state: 'hidden' });
      await page.getByText(/^1 réponse\(s\) signée\(s\)\./).waitFor();
      await admin('PUT', '/v1/admin/horloge', { avancerMs: 24 * 24 * 3600 * 1000 });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      const rejetee = envoyees.locator('tbody tr').filter({ hasText: 'Rejetée' });
      await rejetee.getByText(/^demande purgée : la réponse ne compte plus .*refaire sa demande/).waitFor();
      // the toasts gone, the rejection's reason reads whole in the capture
      await expect.poll(() => page.getByText('Mise à jour terminée').count(), { timeout: 20_000 }).toBe(0);
      await capturer(page, 'reponses-rejet');
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable, demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import type { HarnaisDeTest } from './harnais';
import { appelerApi, capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { AUSSILLON, declaration, naissance, preparerPosteOfficier } from './poste-officier';

/**
 * The card session closes while the officer answers (SoftHSM2 officer card, sandbox platform):
 * answering and signing lock at once and say so, the comment typed in the negative form stays,
 * searching the register goes on; the session back, the same answer goes through, is signed and
 * accepted by the platform.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
const admin = adminBacASable(() => plateforme);

const acteA = naissance(42, 1987, '1987-03-12', 'NDIAYE', 'Zoé', 'Amadou', 'Françoise');
const COMMENTAIRE = 'Aucune naissance de ce nom à Aussillon : vérifiez la commune.';
const MESSAGE = /Carte retirée ou session fermée : répondre et signer sont verrouillés/;

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-verrou-'));
  // A request the register cannot match: answered negatively, with nothing for the guard to name.
  await admin('POST', '/v1/admin/communes/81021/demandes', {
    demande: {
      ...declaration(acteA, 'notaire'),
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
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

async function rouvrirSession(h: HarnaisDeTest): Promise<void> {
  const etat = await appelerApi<{ lecteurs: { carte: { id: string; label: string } | null }[] }>(h, 'carte.etat', {});
  const jeton = etat.lecteurs.find((l) => l.carte?.label === cartes.cartes.officier.label)!.carte!;
  await appelerApi(h, 'carte.connecter', { jetonId: jeton.id, pin: cartes.cartes.officier.pin });
}

describe('Carte retirée : répondre et signer verrouillés, la saisie gardée, la recherche continue', () => {
  it('verrou à la fermeture de la session, levé à la suivante, la réponse part', async () => {
    const session = await ouvrirSession({
      avant: (h) => preparerPosteOfficier(h, { cartes, urlPlateforme: plateforme.url, actes: [acteA] }),
    });
    try {
      const { page, harnais } = session;
      await page.keyboard.press('Alt+1');
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('Mise à jour terminée').first().waitFor();
      const ligne = page
        .getByRole('table', { name: 'Demandes reçues' })
        .locator('tbody tr')
        .filter({ hasText: 'ZYGMUNT' });
      await ligne.getByText('Aucun acte').waitFor();
      await ligne.focus();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('dialog', { name: /^Demande / });
      await detail.getByText('Aucun acte candidat dans le registre.').waitFor();
      await page.keyboard.press('n');
      const negative = detail.getByRole('form', { name: 'Répondre négativement' });
      const commentaire = negative.getByLabel('Commentaire (facultatif)');
      await commentaire.fill(COMMENTAIRE);
      const preparer = negative.getByRole('button', { name: 'Préparer la réponse négative' });
      expect(await preparer.isDisabled()).toBe(false);

      // The session closes: everything that writes locks at once, the message in a live region.
      await appelerApi(harnais, 'carte.deconnecter', {});
      await detail.getByRole('status').filter({ hasText: MESSAGE }).waitFor();
      await expect.poll(() => preparer.isDisabled()).toBe(true);
      for (const nom of ['Répondre négativement (N)', 'Mettre de côté (M)'])
        expect(await detail.getByRole('button', { name: nom }).isDisabled()).toBe(true);
      // what was typed stays, and reading goes on (the request, the form)
      expect(await commentaire.inputValue()).toBe(COMMENTAIRE);
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Demande verrouillée sans session de carte');
      await capturer(page, 'verrou-carte-demande');

      // The session back: the lock lifts, the same comment goes into the answer.
      await rouvrirSession(harnais);
      await detail.getByText(MESSAGE).waitFor({ state: 'hidden' });
      await expect.poll(() => preparer.isDisabled()).toBe(false);
      expect(await commentaire.inputValue()).toBe(COMMENTAIRE);
      await preparer.click();
      await detail
        .getByRole('heading', { name: /^Réponse négative : Acte non détenu par la commune — À signer/ })
        .waitFor();
      expect(await detail.getByLabel('Texte de la réponse').textContent()).toContain(COMMENTAIRE);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      // Without a session again: the answers' signature locks; searching the register goes on.
      await page.getByRole('tab', { name: 'Réponses (1 à signer)' }).click();
      const signer = page.getByRole('button', { name: 'Signer la réponse' });
      // the tab's list and the signer's rights are read after the click: wait for them (an
      // immediate check failed once under load)
      await expect.poll(() => signer.isDisabled()).toBe(false);
      await appelerApi(harnais, 'carte.deconnecter', {});
      await page.getByRole('status').filter({ hasText: MESSAGE }).waitFor();
      await expect.poll(() => signer.isDisabled()).toBe(true);
      await page.getByText('Réponse négative prête à signer').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Réponses verrouillées sans session de carte');
      await page.keyboard.press('Alt+2');
      const recherche = page.getByRole('searchbox', { name: 'Rechercher dans le registre' });
      await recherche.fill('ndiaye zoe');
      const options = page.getByRole('listbox', { name: 'Résultats de la recherche' }).getByRole('option');
      await expect.poll(() => options.count()).toBe(1);
      await options.first().click();
      await page.getByRole('article').getByRole('heading', { name: 'Acte de naissance n° 42 de 1987' }).waitFor();

      // The session back: signed with the PIN, sent, and accepted by the platform.
      await rouvrirSession(harnais);
      await page.keyboard.press('Alt+1');
      await page.getByRole('tab', { name: 'Réponses (1 à signer)' }).click();
      await expect.poll(() => signer.isDisabled()).toBe(false);
      expect(await page.getByText(MESSAGE).count()).toBe(0);
      await signer.click();
      const pin = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
      await pin.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
      await page.keyboard.press('Enter');
      await pin.waitFor({ state: 'hidden' });
      await page.getByText(/^1 réponse\(s\) signée\(s\)\./).waitFor();
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('1 réponse(s) acceptée(s).', { exact: false }).first().waitFor();
      const { reponses } = (await admin('GET', '/v1/admin/communes/81021/reponses')) as { reponses: unknown[] };
      expect(reponses).toHaveLength(1);
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable, demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import type { HarnaisDeTest } from './harnais';
import { appelerApi, capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { declaration, naissance, preparerPosteOfficier } from './poste-officier';
import type { Page } from 'playwright-core';

/**
 * The directory exists (Jeanne MARTIN, delegated officer and card manager; Paul DURAND, agent,
 * his card AGENT-0002 registered). Paul opens his card session in Chromium and prepares the
 * answer: the draft says "Préparée par Paul DURAND"; signing is off, and says an officer must
 * sign (the main process refuses it too). Jeanne opens her session: she signs it, it is sent and
 * accepted by the sandbox platform.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
const admin = adminBacASable(() => plateforme);

const acte = naissance(42, 1987, '1987-03-12', 'NDIAYE', 'Zoé', 'Amadou', 'Françoise');
const REFUS_AGENT =
  'Cette carte ne peut pas signer : Paul DURAND n’est pas officier de l’état civil : il prépare les réponses, un officier délégué les signe. ' +
  'Pour signer, un officier de l’état civil délégué ouvre sa session avec sa propre carte.';

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-agent-officier-', ['agent']));
  await admin('POST', '/v1/admin/communes/81021/demandes', { demande: declaration(acte, 'notaire') });
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

type EtatCartes = { lecteurs: { carte: { id: string; label: string } | null }[] };
const jetonDe = async (h: HarnaisDeTest, label: string) =>
  (await appelerApi<EtatCartes>(h, 'carte.etat', {})).lecteurs.find((l) => l.carte?.label === label)!.carte!.id;

/** The directory, made by the officer's session through the contract (annuaire.test.ts does it on screen). */
async function creerAnnuaire(h: HarnaisDeTest): Promise<void> {
  await appelerApi(h, 'annuaire.creer', {
    agent: { nom: 'MARTIN', prenoms: 'Jeanne', dateNaissance: '1968-03-14', fonction: 'Maire adjointe', email: null },
    delegation: { qualite: 'adjoint', arreteLe: '2026-01-05', reference: 'A-2026-03', portee: 'état civil', fin: null },
  });
  const durand = await appelerApi<{ id: number }>(h, 'annuaire.enregistrerAgent', {
    nom: 'DURAND',
    prenoms: 'Paul',
    dateNaissance: '1990-11-02',
    fonction: 'Agent d’accueil',
    email: null,
  });
  await appelerApi(h, 'annuaire.enregistrerCarte', {
    agentId: durand.id,
    jetonId: await jetonDe(h, cartes.cartes.agent.label),
  });
}

/** Cartes, "Ma carte": the card's "Ouvrir une session", its PIN typed in the dialog. */
async function ouvrirSessionCarte(page: Page, label: string, pin: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Ma carte' }).click();
  const carte = page.getByRole('listitem').filter({ hasText: `Carte ${label}` });
  await carte.getByRole('button', { name: 'Ouvrir une session' }).click();
  const dialogue = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
  await dialogue.getByLabel('Code PIN').fill(pin);
  await page.keyboard.press('Enter');
  await dialogue.waitFor({ state: 'hidden' });
  await carte.getByRole('button', { name: 'Fermer la session' }).waitFor();
}

describe('Un agent prépare, un officier délégué signe (annuaire, cartes SoftHSM2, bac à sable)', () => {
  it('le brouillon dit qui l’a préparé ; l’agent ne peut pas signer, l’officier signe et la réponse part', async () => {
    const session = await ouvrirSession({
      avant: async (h) => {
        await preparerPosteOfficier(h, { cartes, urlPlateforme: plateforme.url, actes: [acte] });
        await creerAnnuaire(h);
      },
    });
    try {
      const { page, harnais } = session;
      // The officer's session fetches the request (the platform knows her card).
      await page.keyboard.press('Alt+1');
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('Mise à jour terminée').first().waitFor();
      const ligne = page
        .getByRole('table', { name: 'Demandes reçues' })
        .locator('tbody tr')
        .filter({ hasText: 'NDIAYE' });
      await ligne.getByText(/^Sûr \(\d+ %\)$/).waitFor();

      // Paul DURAND at the keyboard: "Ma carte" already says he prepares and an officer signs.
      await ouvrirSessionCarte(page, cartes.cartes.agent.label, cartes.cartes.agent.pin);
      await page.getByText(REFUS_AGENT).waitFor();
      expect(await page.getByRole('button', { name: 'Signer les documents en attente' }).isDisabled()).toBe(true);

      // He prepares the answer from the list (P); the draft names him.
      await page.keyboard.press('Alt+1');
      await page.getByRole('tab', { name: /^Demandes reçues/ }).click();
      await ligne.focus();
      await page.keyboard.press('p');
      await page.getByText('Réponse positive prête à signer').first().waitFor();
      await page.getByRole('tab', { name: 'Réponses (1 à signer)' }).click();
      const aSigner = page.getByRole('table', { name: 'Réponses à signer' });
      await aSigner.locator('tbody tr').filter({ hasText: 'Paul DURAND' }).waitFor();
      await aSigner.locator('tbody tr').first().focus();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('dialog', { name: /^Demande / });
      await detail.getByText(/^Préparée par Paul DURAND le /).waitFor();
      await capturer(page, 'agent-brouillon-prepare-par');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      // He cannot sign it: the button is off, and says why and who signs (its description too).
      const signer = page.getByRole('button', { name: 'Signer la réponse' });
      await page.getByText(REFUS_AGENT).waitFor();
      expect(await signer.isDisabled()).toBe(true);
      const description = await signer.evaluate((b) =>
        (b.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      expect(description).toBe(REFUS_AGENT);
      // …and the main process refuses it anyway, naming the check.
      const documents = await appelerApi<{ id: number }[]>(harnais, 'signature.lister', {
        etat: 'a_signer',
        limite: 10,
      });
      await expect(
        appelerApi(harnais, 'signature.signerLot', { ids: documents.map((d) => d.id), pin: cartes.cartes.agent.pin }),
      ).rejects.toThrow(/Signature non autorisée : Paul DURAND n’est pas officier/);
      await page.getByText('Réponse positive prête à signer').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Réponses : l’agent ne peut pas signer');
      await capturer(page, 'agent-ne-signe-pas');

      // Jeanne MARTIN's session: she signs the same draft with her PIN; it is sent and accepted.
      await ouvrirSessionCarte(page, cartes.cartes.officier.label, cartes.cartes.officier.pin);
      await page.keyboard.press('Alt+1');
      await page.getByRole('tab', { name: 'Réponses (1 à signer)' }).click();
      await expect.poll(() => signer.isDisabled()).toBe(false);
      expect(await page.getByText(REFUS_AGENT).count()).toBe(0);
      await signer.click();
      const pin = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
      await pin.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
      await page.keyboard.press('Enter');
      await pin.waitFor({ state: 'hidden' });
      await page.getByText(/^1 réponse\(s\) signée\(s\)\./).waitFor();
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('1 réponse(s) acceptée(s).', { exact: false }).first().waitFor();
      const envoyees = page.getByRole('table', { name: 'Réponses signées et envoyées' });
      await envoyees.getByText(/^Accusé AR-/).waitFor();
      const { reponses } = (await admin('GET', '/v1/admin/communes/81021/reponses')) as { reponses: unknown[] };
      expect(reponses).toHaveLength(1);
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Réponses : signée par l’officier et envoyée');
      await capturer(page, 'officier-signe-envoie');
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

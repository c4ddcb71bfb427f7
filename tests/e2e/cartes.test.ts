import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provisionnerCartes, type CartesTest } from '../fixtures/cartes/provisionner';
import {
  appelerApi,
  capturer,
  ouvrirSession,
  renseignerCommuneParApi,
  verifierAccessibilite,
  type Session,
} from './outils-ui';

// The harness runs in a child process: it inherits SOFTHSM2_CONF (set by the provisioning) and
// REGISTRE_PKCS11, so it sees the same SoftHSM2 test cards.
let dossier: string;
let cartes: CartesTest;
beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cartes-'));
  cartes = await provisionnerCartes(dossier, { seulement: ['officier', 'agent'] });
  process.env.REGISTRE_PKCS11 = cartes.bibliotheque;
});
afterAll(() => {
  delete process.env.REGISTRE_PKCS11;
  fs.rmSync(dossier, { recursive: true, force: true });
});

describe('Cartes : la carte agent dans l’interface', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('session avec la carte (PIN masqué, jamais prérempli, Échap annule), certificats, signature d’un lot', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        await appelerApi(h, 'carte.enregistrerParametres', { confiancePem: cartes.caPem });
        await appelerApi(h, 'signature.ajouter', {
          documents: [1, 2].map((n) => ({
            reference: `e2e:${n}`,
            nature: 'reponse',
            xml: `<r:Reponse xmlns:r="urn:x"><r:N>${n}</r:N></r:Reponse>`,
          })),
        });
      },
    });
    const { page } = session;
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Carte agent' }).waitFor();
    const officier = page.getByRole('listitem').filter({ hasText: 'Carte OFFICIER-0001' });
    await officier.getByText('PIN : essais disponibles').waitFor();
    await verifierAccessibilite(page, 'Cartes');

    await officier.getByRole('button', { name: 'Ouvrir une session' }).click();
    const dialogue = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
    const champ = dialogue.getByLabel('Code PIN');
    expect(await champ.getAttribute('type')).toBe('password');
    expect(await champ.inputValue()).toBe('');
    await champ.fill('000000');
    await page.keyboard.press('Enter');
    await dialogue.getByText(/Code PIN incorrect/).waitFor();
    // emptied after the attempt, never retried by itself
    expect(await champ.inputValue()).toBe('');
    await verifierAccessibilite(page, 'Dialogue PIN');
    await capturer(page, 'cartes-pin-incorrect');
    await page.keyboard.press('Escape');
    await dialogue.waitFor({ state: 'hidden' });
    await officier.getByText('PIN : peu d’essais restants').waitFor();

    // Reopened: empty again, and the tries left are said before typing (SoftHSM2 sets "count low").
    await officier.getByRole('button', { name: 'Ouvrir une session' }).click();
    await dialogue.getByText(/Peu d’essais restants/).waitFor();
    expect(await champ.inputValue()).toBe('');
    await champ.fill(cartes.cartes.officier.pin);
    await page.keyboard.press('Enter');
    await officier.getByText('Session ouverte').waitFor();
    const certificats = officier.getByRole('list', { name: 'Certificats de la carte' });
    await certificats.getByText('Jeanne MARTIN — MAIRIE-81-AUSSILLON (81021)').first().waitFor();
    await expect.poll(() => certificats.getByText('Valide', { exact: true }).count()).toBe(3);

    await page.getByRole('button', { name: 'Signer les documents en attente' }).click();
    await dialogue.getByText('pour signer 2 documents').waitFor();
    await champ.fill(cartes.cartes.officier.pin);
    await page.keyboard.press('Enter');
    await page.getByText('2 signé(s).', { exact: true }).waitFor();
    await capturer(page, 'cartes-lot-signe');
    const signes = await appelerApi<{ etat: string }[]>(session.harnais, 'signature.lister', { etat: 'signe' });
    expect(signes).toHaveLength(2);
    expect(session.erreursPage).toEqual([]);
  });

  it('carte de formation : « dernier essai » annoncé avant le dernier essai, puis carte bloquée', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        await appelerApi(h, 'carte.enregistrerParametres', { mode: 'formation' });
        await appelerApi(h, 'carte.creerFormation', {
          pin: '2580',
          codeDeblocage: '25802580',
          prenom: 'Léa',
          nom: 'ESSAI',
        });
      },
    });
    const { page } = session;
    await page.keyboard.press('Alt+3');
    await page.getByText('Mode formation').first().waitFor();
    const formation = page.getByRole('listitem').filter({ hasText: 'Carte CARTE DE FORMATION' });
    await formation.getByRole('button', { name: 'Ouvrir une session' }).click();
    const dialogue = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
    await dialogue.getByText('carte de formation', { exact: true }).waitFor();
    const champ = dialogue.getByLabel('Code PIN');
    await champ.fill('0000');
    await page.keyboard.press('Enter');
    await dialogue.getByText(/Code PIN incorrect. Il reste 2 essais/).waitFor();
    await champ.fill('0000');
    await page.keyboard.press('Enter');
    await dialogue.getByText(/Code PIN incorrect. Attention : dernier essai/).waitFor();
    await page.keyboard.press('Escape');
    await dialogue.waitFor({ state: 'hidden' });
    // "dernier essai" said BEFORE the final try, when the dialog opens again
    await formation.getByRole('button', { name: 'Ouvrir une session' }).click();
    await dialogue.getByText('Dernier essai : un code faux bloquera la carte.').waitFor();
    await capturer(page, 'cartes-dernier-essai');
    await champ.fill('0000');
    await page.keyboard.press('Enter');
    await dialogue.getByText(/Le code PIN est bloqué/).waitFor();
    expect(await champ.isDisabled()).toBe(true);
    await dialogue.getByRole('button', { name: 'Annuler' }).click();
    await formation.getByText('PIN bloqué').waitFor();
    expect(session.erreursPage).toEqual([]);
  });
});

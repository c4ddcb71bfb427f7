import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable, demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import { appelerApi, capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { AUSSILLON, declaration, naissance, preparerPosteOfficier } from './poste-officier';

/**
 * "Saisir l'acte" in Chromium through the harness, against the sandbox platform with the
 * SoftHSM2 officer card: a request the register cannot match (the act is on paper only) opens;
 * I opens the editor pre-filled from the declaration; the officer adds the given name the paper
 * register shows and types a number another act already holds: the save is refused, said in
 * French, and nothing typed is lost; with the right number it is saved, the officer is back on
 * the request with the act beside the declaration and the positive answer drafted from it, which
 * is then signed and sent.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
const admin = adminBacASable(() => plateforme);
let idDemande = '';

// Already keyed in: its number is the one the officer mistypes.
const fabre = naissance(7, 1995, '1995-10-01', 'FABRE', 'Julie', 'Michel', 'Odile');

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-saisie-demande-'));
  const base = declaration(fabre, 'notaire');
  ({ id: idDemande } = (await admin('POST', '/v1/admin/communes/81021/demandes', {
    demande: {
      ...base,
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
  })) as { id: string });
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

const sansNotification = (page: Page, texte: string) =>
  page.getByText(texte).first().waitFor({ state: 'hidden', timeout: 15_000 });

const valeur = (page: Page, id: string) => page.locator(`#${id}`).inputValue();

describe('Saisir l’acte depuis une demande', () => {
  it('demande « aucun » → Saisir l’acte (I) → correction → refus gardant la saisie → enregistré → réponse positive préparée, signée, envoyée', async () => {
    const session = await ouvrirSession({
      avant: (h) => preparerPosteOfficier(h, { cartes, urlPlateforme: plateforme.url, actes: [fabre] }),
    });
    try {
      const { page, harnais } = session;
      await page.keyboard.press('Alt+1');
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('Mise à jour terminée').first().waitFor();
      const tableau = page.getByRole('table', { name: 'Demandes reçues' });
      const ligne = tableau.locator('tbody tr').filter({ hasText: 'ZYGMUNT' });
      await ligne.getByText('Aucun acte').waitFor();

      // The request: nothing in the register; "Saisir l'acte (I)" is offered.
      await ligne.focus();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('dialog', { name: `Demande ${idDemande}` });
      await detail.getByText('Aucun acte candidat dans le registre.').waitFor();
      await detail.getByRole('button', { name: 'Saisir l’acte (I)' }).waitFor();
      await sansNotification(page, 'Mise à jour terminée');
      await verifierAccessibilite(page, 'Demande sans acte : Saisir l’acte');
      await capturer(page, 'saisie-demande-aucun');
      await page.keyboard.press('i');

      // The editor, pre-filled from the declaration; the number (read on paper) has the focus.
      await page.getByRole('heading', { name: `Saisir l’acte de naissance de la demande ${idDemande}` }).waitFor();
      await page.getByText(`Saisie depuis la demande ${idDemande}`).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('champ-numero');
      expect(await valeur(page, 'champ-annee')).toBe('1995');
      expect(await valeur(page, 'champ-numero')).toBe('');
      expect(await valeur(page, 'champ-dateEvenement')).toBe('05/05/1995');
      expect(await valeur(page, 'champ-lieuEvenement')).toBe('Aussillon');
      expect(await valeur(page, 'champ-personnes-titulaire-nom')).toBe('ZYGMUNT');
      expect(await valeur(page, 'champ-personnes-pere-prenoms')).toBe('Wojciech');
      expect(await valeur(page, 'champ-personnes-mere-nom')).toBe('LARROQUE');
      await verifierAccessibilite(page, 'Éditeur prérempli depuis une demande');
      await capturer(page, 'saisie-demande-editeur');

      // The paper register: number 7 (mistyped: another act's) and a second given name.
      await page.keyboard.type('7');
      await page.locator('#champ-personnes-titulaire-prenoms').focus();
      await page.keyboard.press('End');
      await page.keyboard.type(', Maria');
      await page.keyboard.press('Control+s');
      await page
        .getByText(/^L’acte n’a pas été enregistré\. L’acte de naissance n° 7 de 1995 est déjà indexé/)
        .waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('champ-numero');
      // Nothing typed is lost: the form, and its draft kept while typing.
      expect(await valeur(page, 'champ-numero')).toBe('7');
      expect(await valeur(page, 'champ-personnes-titulaire-prenoms')).toBe('Ottilie, Maria');
      expect(await valeur(page, 'champ-personnes-titulaire-nom')).toBe('ZYGMUNT');
      const brouillons = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('registre.brouillon')),
      );
      expect(brouillons).toHaveLength(1);
      expect(brouillons[0]).toMatch(/^registre\.brouillon\.demande-\d+$/);
      await verifierAccessibilite(page, 'Saisie depuis une demande refusée');
      await capturer(page, 'saisie-demande-refus');

      // The right number: saved; back on the request with the act beside it and the draft.
      await page.keyboard.press('Control+a');
      await page.keyboard.type('18');
      await page.keyboard.press('Control+s');
      await detail.getByText('Rapprochement : Sûr').waitFor();
      const candidats = detail.getByRole('radiogroup', { name: /^Actes candidats/ });
      await candidats.getByText(/^1\. acte de naissance n° 18 de 1995 \(Ottilie Maria ZYGMUNT\)/).waitFor();
      await detail.getByRole('table', { name: /^Déclaration et acte de naissance n° 18 de 1995/ }).waitFor();
      await detail.getByRole('heading', { name: /^Réponse positive \(.*Naissance n° 18 de 1995\)/ }).waitFor();
      await detail.getByRole('button', { name: 'Réponse positive prête' }).waitFor();
      expect(await detail.getByRole('button', { name: 'Saisir l’acte (I)' }).count()).toBe(0);
      await sansNotification(page, 'Acte enregistré');
      await verifierAccessibilite(page, 'Demande après la saisie : acte et réponse préparée');
      await capturer(page, 'saisie-demande-reponse-preparee');
      expect(
        await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('registre.brouillon'))),
      ).toEqual([]);

      // The act remembers the request it was keyed in from.
      const { resultats } = await appelerApi<{ resultats: { id: number }[] }>(harnais, 'registre.rechercher', {
        texte: 'ottilie zygmunt',
      });
      expect(resultats).toHaveLength(1);
      expect(await appelerApi(harnais, 'registre.lire', { id: resultats[0].id })).toMatchObject({
        numero: 18,
        origine: 'demande',
        demandeOrigine: idDemande,
        personnes: expect.arrayContaining([
          expect.objectContaining({ role: 'titulaire', prenoms: ['Ottilie', 'Maria'] }),
        ]),
      });

      // Answered: signed with the card's PIN, sent, receipted.
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });
      await page.getByRole('tab', { name: 'Réponses (1 à signer)' }).click();
      await page.getByRole('button', { name: 'Signer la réponse' }).click();
      const pin = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
      await pin.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
      await page.keyboard.press('Enter');
      await page.getByText(/^1 réponse\(s\) signée\(s\)\./).waitFor();
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      const envoyees = page.getByRole('table', { name: 'Réponses signées et envoyées' });
      await expect.poll(() => envoyees.getByText(/^Accusé AR-/).count(), { timeout: 30_000 }).toBe(1);
      const { reponses } = (await admin('GET', '/v1/admin/communes/81021/reponses')) as {
        reponses: { demandeId?: string; xml?: string }[];
      };
      expect(reponses).toHaveLength(1);
      await capturer(page, 'saisie-demande-envoyee');
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});

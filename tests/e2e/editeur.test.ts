import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  acteNaissance,
  appelerApi,
  capturer,
  enregistrerParApi,
  messageSous,
  ouvrirSession,
  renseignerCommuneParApi,
  verifierAccessibilite,
  type Session,
} from './outils-ui';

/** What has the focus: its id, or else its label (checkboxes, buttons). */
function focus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return '';
    return el.id?.startsWith('champ-')
      ? el.id
      : (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });
}

/** Tab to the next field, check it is the expected one (the tab order is part of the test), type. */
async function tabEtSaisir(page: Page, attendu: string, texte?: string): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await focus(page)).toBe(attendu);
  if (texte !== undefined) await page.keyboard.type(texte);
}

function groupe(page: Page, titre: string) {
  return page.getByRole('group', { name: titre, exact: true });
}

describe('Éditeur d’acte', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('saisir un acte au clavier seulement : erreur sous le champ, correction, Ctrl+S', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page, harnais } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();

    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Nouvel acte' }).waitFor();
    expect(await focus(page)).toBe('champ-type');
    // Tabbing into a text field selects its content: typing replaces the proposed year.
    await tabEtSaisir(page, 'champ-annee', '1950');
    await tabEtSaisir(page, 'champ-numero', '12');
    await tabEtSaisir(page, 'champ-dateActe', '14/03/1950');
    await tabEtSaisir(page, 'Acte indexé (décoché : acte connu seulement par son type, son année et son numéro)');
    await tabEtSaisir(page, 'champ-dateEvenement', '31/02/1950');
    // Leaving the field checks it: the reason shows under the field, in French.
    await tabEtSaisir(page, 'champ-lieuEvenement', 'albi');
    await expect.poll(() => page.locator('#champ-dateEvenement').getAttribute('aria-invalid')).toBe('true');
    expect(await messageSous(page, 'champ-dateEvenement')).toContain('le 31 février n’existe pas');
    await page.getByRole('option', { name: /^Albi \(81\) — 81004/ }).waitFor();
    await page.keyboard.press('Enter');
    await tabEtSaisir(page, 'À l’étranger');
    await tabEtSaisir(page, 'champ-personnes-titulaire-nom', 'Lefèvre');
    await tabEtSaisir(page, 'champ-personnes-titulaire-prenoms', 'Éloïse, Marie');
    await tabEtSaisir(page, 'champ-personnes-titulaire-sexe', 'F');
    await tabEtSaisir(page, 'champ-personnes-pere-nom', 'Lefèvre');
    await tabEtSaisir(page, 'champ-personnes-pere-prenoms', 'Paul André');
    await tabEtSaisir(page, 'champ-personnes-pere-dateNaissance', '2/5/1921');
    await tabEtSaisir(page, 'champ-personnes-pere-lieuNaissance');
    await tabEtSaisir(page, 'À l’étranger');
    await page.keyboard.press('Space');
    await tabEtSaisir(page, 'champ-personnes-pere-lieuNaissance-pays', 'Belgique');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focus(page)).toBe('champ-personnes-pere-lieuNaissance');
    await page.keyboard.type('Liège');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await tabEtSaisir(page, 'champ-personnes-pere-profession', 'boulanger');
    await tabEtSaisir(page, 'champ-personnes-mere-nom', 'Martin');
    await tabEtSaisir(page, 'champ-personnes-mere-prenoms', 'Cécile');
    expect(await groupe(page, 'Naissance').getByText('Code INSEE 81004, département 81').count()).toBe(1);
    await page.locator('#champ-dateEvenement').scrollIntoViewIfNeeded();
    await capturer(page, 'editeur-erreur-champ');
    await verifierAccessibilite(page, 'Éditeur (nouvel acte, une erreur)');

    // Saving with an error: nothing is sent, the focus goes to the field to fix.
    await page.keyboard.press('Control+s');
    await expect.poll(() => focus(page)).toBe('champ-dateEvenement');
    await page.getByText('Un champ est à corriger.', { exact: false }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('12/3/1950');
    await page.keyboard.press('Control+s');

    // Saved: the editor closes on the act, as the register now holds it.
    await page.getByText('Acte enregistré', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Acte de naissance n° 12 de 1950' }).waitFor();
    await capturer(page, 'editeur-acte-enregistre');
    const { resultats } = await appelerApi<{ resultats: { id: number }[] }>(harnais, 'registre.rechercher', {
      texte: 'eloise lefevre',
    });
    expect(resultats).toHaveLength(1);
    const acte = await appelerApi<Record<string, unknown>>(harnais, 'registre.lire', { id: resultats[0].id });
    expect(acte).toMatchObject({
      type: 'naissance',
      annee: 1950,
      numero: 12,
      dateActe: '1950-03-14',
      dateEvenement: '1950-03-12',
      lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81', pays: null },
      origine: 'saisie',
      indexe: true,
    });
    expect(acte.personnes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'titulaire', nom: 'Lefèvre', prenoms: ['Éloïse', 'Marie'], sexe: 'F' }),
        expect.objectContaining({
          role: 'pere',
          prenoms: ['Paul', 'André'],
          dateNaissance: '1921-05-02',
          lieuNaissance: { commune: 'Liège', codeInsee: null, departement: null, pays: 'Belgique' },
          profession: 'boulanger',
        }),
        expect.objectContaining({ role: 'mere', nom: 'Martin', prenoms: ['Cécile'] }),
      ]),
    );
    // The draft kept while typing is gone once saved.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('registre.brouillon'))),
    ).toEqual([]);
    expect(session.erreursPage).toEqual([]);
  });

  it('modifier un acte existant (F2) et l’enregistrer : ajout d’une mention marginale', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        await enregistrerParApi(h, acteNaissance(1961, 4, 'Dubois', ['Hélène']));
      },
    });
    const { page, harnais } = session;
    const recherche = page.getByRole('searchbox', { name: 'Rechercher dans le registre' });
    await recherche.pressSequentially('helene dubois', { delay: 20 });
    await page.getByRole('option', { name: /Dubois Hélène/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Acte de naissance n° 4 de 1961' }).waitFor();
    await page.keyboard.press('F2');
    await page.getByRole('heading', { name: 'Modifier l’acte de naissance n° 4 de 1961' }).waitFor();
    expect(await page.locator('#champ-personnes-titulaire-nom').inputValue()).toBe('Dubois');
    expect(await page.locator('#champ-dateEvenement').inputValue()).toBe('12/03/1961');

    await page.getByRole('button', { name: 'Ajouter une mention' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focus(page)).toBe('champ-mentions-0-type');
    await page.locator('#champ-mentions-0-type').selectOption('mariage');
    await page.keyboard.press('Tab');
    await page.keyboard.type('05/06/1985');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Mariée à Albi le 5 juin 1985 avec Louis Moreau.');
    await page.locator('#champ-personnes-pere-profession').fill('menuisier');
    await capturer(page, 'editeur-modification');
    await page.keyboard.press('Control+s');
    await page.getByText('Acte enregistré', { exact: true }).waitFor();
    await page.getByText('Mariée à Albi le 5 juin 1985 avec Louis Moreau.').waitFor();
    await page.getByRole('heading', { name: 'Acte de naissance n° 4 de 1961' }).waitFor();

    const { resultats } = await appelerApi<{ resultats: { id: number }[] }>(harnais, 'registre.rechercher', {
      texte: 'dubois',
    });
    const acte = await appelerApi<{ mentions: unknown[]; personnes: { role: string; profession: string | null }[] }>(
      harnais,
      'registre.lire',
      {
        id: resultats[0].id,
      },
    );
    expect(acte.mentions).toEqual([
      { type: 'mariage', date: '1985-06-05', texte: 'Mariée à Albi le 5 juin 1985 avec Louis Moreau.' },
    ]);
    expect(acte.personnes.find((p) => p.role === 'pere')?.profession).toBe('menuisier');
    expect(session.erreursPage).toEqual([]);
  });

  it('après Ctrl+S, la ligne surlignée reste celle de l’acte enregistré (Entrée rouvre le même acte)', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        await enregistrerParApi(h, acteNaissance(1961, 4, 'Dubois', ['Hélène']));
        await enregistrerParApi(h, acteNaissance(1962, 5, 'Dubois', ['Anne']));
        await enregistrerParApi(h, acteNaissance(1963, 6, 'Dubois', ['Marc']));
      },
    });
    const { page } = session;
    await page
      .getByRole('searchbox', { name: 'Rechercher dans le registre' })
      .pressSequentially('dubois', { delay: 20 });
    const liste = page.getByRole('listbox');
    // the results of "dubois" (each with its match badge), not the latest acts shown before typing
    await expect.poll(() => liste.getByRole('option').filter({ hasText: 'Exacte' }).count()).toBe(3);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const choisie = (await liste.locator('[role="option"][aria-selected="true"]').textContent()) ?? '';
    await page.keyboard.press('Enter');
    const titre = page.getByRole('heading', { name: /^Acte de naissance n° \d de 196\d$/ });
    await titre.waitFor();
    const nomActe = (await titre.textContent()) ?? '';
    await page.keyboard.press('F2');
    await page.locator('#champ-personnes-pere-profession').fill('boulanger');
    await page.keyboard.press('Control+s');
    await page.getByText('Acte enregistré', { exact: true }).waitFor();
    await page.getByRole('heading', { name: nomActe }).waitFor();
    await expect
      .poll(async () => (await liste.locator('[role="option"][aria-selected="true"]').textContent()) ?? '')
      .toBe(choisie);
    expect(session.erreursPage).toEqual([]);
  });

  it('une erreur du service (numéro déjà pris) garde toutes les valeurs du formulaire', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        await enregistrerParApi(h, acteNaissance(1970, 8, 'Moreau', ['Louis']));
      },
    });
    const { page } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Nouvel acte' }).waitFor();
    const valeurs: Record<string, string> = {
      'champ-annee': '1970',
      'champ-numero': '8',
      'champ-dateActe': '03/02/1970',
      'champ-dateEvenement': '01/02/1970',
      'champ-personnes-titulaire-nom': 'Girard',
      'champ-personnes-titulaire-prenoms': 'Anne, Sophie',
      'champ-personnes-mere-nom': 'Girard',
      'champ-personnes-mere-prenoms': 'Claire',
    };
    for (const [id, v] of Object.entries(valeurs)) await page.locator(`#${id}`).fill(v);
    await page.locator('#champ-personnes-titulaire-sexe').selectOption('F');
    await page.locator('#champ-lieuEvenement').fill('Castres');
    await page.getByRole('option', { name: /^Castres \(81\)/ }).click();
    await page.keyboard.press('Control+s');

    const alerte = page.getByRole('alert').filter({ hasText: 'L’acte n’a pas été enregistré' });
    await alerte.waitFor();
    expect(await alerte.textContent()).toMatch(/existe déjà dans le registre/);
    expect(await alerte.textContent()).toMatch(/Votre saisie est conservée/);
    // The number is the field to check, and it has the focus.
    await expect.poll(() => focus(page)).toBe('champ-numero');
    expect(await messageSous(page, 'champ-numero')).toMatch(/existe déjà/);
    for (const [id, v] of Object.entries(valeurs)) expect(await page.locator(`#${id}`).inputValue()).toBe(v);
    expect(await page.locator('#champ-lieuEvenement').inputValue()).toBe('Castres');
    expect(await page.locator('#champ-personnes-titulaire-sexe').inputValue()).toBe('F');
    await capturer(page, 'editeur-erreur-service');

    // Fixing the number is enough: the rest was kept.
    await page.locator('#champ-numero').fill('9');
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { name: 'Acte de naissance n° 9 de 1970' }).waitFor();
    expect(session.erreursPage).toEqual([]);
  });

  it('le service arrêté pendant la saisie : message clair, rien de perdu, brouillon gardé', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page, harnais } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.locator('#champ-numero').fill('3');
    await page.locator('#champ-annee').fill('1999');
    await page.locator('#champ-dateEvenement').fill('01/01/1999');
    await page.locator('#champ-lieuEvenement').fill('Albi');
    await page.locator('#champ-personnes-titulaire-nom').fill('Faure');
    await page.locator('#champ-personnes-titulaire-prenoms').fill('Jules');
    await page.locator('#champ-personnes-titulaire-sexe').selectOption('M');
    await harnais.arreter();
    await page.keyboard.press('Control+s');
    const alerte = page.getByRole('alert').filter({ hasText: 'L’acte n’a pas été enregistré' });
    await alerte.waitFor();
    expect(await alerte.textContent()).toMatch(/ne répond pas/);
    expect(await page.locator('#champ-personnes-titulaire-nom').inputValue()).toBe('Faure');
    const brouillon = await page.evaluate(() => localStorage.getItem('registre.brouillon.nouveau'));
    expect(brouillon).toContain('Faure');
    // Console errors are expected here (the requests fail): not checked.
  });

  it('brouillon restauré après un rechargement ; quitter avec des modifications demande confirmation', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.locator('#champ-numero').fill('77');
    await page.locator('#champ-personnes-titulaire-nom').fill('Perrin');
    await page.locator('#champ-personnes-titulaire-prenoms').fill('Zoé');

    // In the application: another screen asks first.
    await page.keyboard.press('Alt+5');
    const dialogue = page.getByRole('alertdialog', { name: 'Modifications non enregistrées' });
    await dialogue.waitFor();
    await verifierAccessibilite(page, 'Éditeur (confirmation de sortie)');
    await dialogue.getByRole('button', { name: 'Continuer la saisie' }).click();
    expect(await page.locator('#champ-personnes-titulaire-nom').inputValue()).toBe('Perrin');

    // The browser warns before a reload; accepted here, the draft brings everything back.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('registre.brouillon.nouveau') ?? ''))
      .toContain('Zoé');
    const avertissements: string[] = [];
    page.on('dialog', (d) => {
      avertissements.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(avertissements).toEqual(['beforeunload']);
    await page.getByText('Saisie non enregistrée retrouvée').waitFor();
    await page.getByRole('button', { name: 'Reprendre la saisie' }).click();
    expect(await page.locator('#champ-numero').inputValue()).toBe('77');
    expect(await page.locator('#champ-personnes-titulaire-nom').inputValue()).toBe('Perrin');
    expect(await page.locator('#champ-personnes-titulaire-prenoms').inputValue()).toBe('Zoé');
    await page.getByText('Brouillon restauré').waitFor();

    // Leaving without saving, confirmed: the draft is discarded.
    await page.getByRole('button', { name: 'Fermer', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: 'Modifications non enregistrées' })
      .getByRole('button', { name: 'Quitter sans enregistrer' })
      .click();
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('registre.brouillon.nouveau'))).toBeNull();
    expect(session.erreursPage).toEqual([]);
  });
});

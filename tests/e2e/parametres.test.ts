import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { capturer, ouvrirSession, renseignerCommuneParApi, verifierAccessibilite, type Session } from './outils-ui';

describe('Paramètres : identité de la commune et sauvegardes', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('au premier lancement, guide vers Paramètres ; la commune se choisit au clavier et s’enregistre', async () => {
    session = await ouvrirSession();
    const { page } = session;

    // First start: no commune yet, the application opens on Paramètres.
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('tab', { name: 'Paramètres' })
          .getAttribute('aria-selected'),
      )
      .toBe('true');
    await page.getByRole('heading', { name: 'Identité de la commune' }).waitFor();
    await verifierAccessibilite(page, 'Paramètres (vide)');

    // Elsewhere, a banner leads back to Paramètres.
    await page.keyboard.press('Alt+2');
    await page.getByText('Commencez par renseigner votre commune').waitFor();
    await page.getByRole('button', { name: 'Renseigner la commune' }).click();

    // Name typed, suggestion taken with Enter: the INSEE code and the department follow.
    const nom = page.getByRole('combobox', { name: 'Nom de la commune' });
    await nom.click();
    await nom.pressSequentially('albi', { delay: 30 });
    await page.getByRole('option', { name: /^Albi \(81\) — 81004/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Code INSEE').inputValue()).toBe('81004');
    expect(await page.getByLabel('Département').inputValue()).toBe('81');
    expect(await nom.inputValue()).toBe('Albi');

    // A bad e-mail address is refused next to the field, in French; nothing else is lost.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const courriel = page.getByLabel('Adresse électronique fonctionnelle du service');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('commune-email');
    await page.keyboard.type('etat-civil@');
    await page.keyboard.press('Enter');
    await expect.poll(() => courriel.getAttribute('aria-invalid')).toBe('true');
    const message = await page
      .locator(`#${await courriel.getAttribute('aria-describedby').then((d) => d?.split(' ')[0])}`)
      .textContent();
    expect(message).toMatch(/adresse électronique invalide/);
    expect(await page.getByLabel('Code INSEE').inputValue()).toBe('81004');

    await courriel.fill('etat-civil@mairie-albi.fr');
    await page.keyboard.press('Enter');
    await page.getByText('Identité de la commune enregistrée', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('contentinfo').textContent()).toContain('MAIRIE-81-ALBI');
    expect(await page.getByTestId('libelle-plateforme').textContent()).toBe('MAIRIE-81-ALBI');
    await capturer(page, 'parametres-commune');

    // Saved for real: a reload reads it back, and the banner is gone.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('tab', { name: 'Paramètres' })
      .click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Nom de la commune' }).inputValue()).toBe('Albi');
    expect(await page.getByLabel('Adresse électronique fonctionnelle du service').inputValue()).toBe(
      'etat-civil@mairie-albi.fr',
    );
    await page.keyboard.press('Alt+2');
    expect(await page.getByText('Commencez par renseigner votre commune').count()).toBe(0);
    expect(session.erreursPage).toEqual([]);
  });

  it('un code INSEE qui ne correspond à aucune commune est refusé par le service, sous le champ', async () => {
    session = await ouvrirSession();
    const { page } = session;
    await page.getByRole('heading', { name: 'Identité de la commune' }).waitFor();
    await page.getByRole('combobox', { name: 'Nom de la commune' }).fill('Nulle-Part');
    await page.getByLabel('Code INSEE').fill('99999');
    await page.getByLabel('Département').fill('99');
    await page.getByLabel('Adresse électronique fonctionnelle du service').fill('mairie@exemple.fr');
    await page.getByRole('button', { name: 'Enregistrer l’identité de la commune' }).click();
    const insee = page.getByLabel('Code INSEE');
    await expect.poll(() => insee.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('ce code INSEE ne correspond à aucune commune française').waitFor();
    // What was typed is still there.
    expect(await page.getByRole('combobox', { name: 'Nom de la commune' }).inputValue()).toBe('Nulle-Part');
    expect(await page.getByLabel('Adresse électronique fonctionnelle du service').inputValue()).toBe(
      'mairie@exemple.fr',
    );
    expect(session.erreursPage).toEqual([]);
  });

  it('sauvegarder maintenant, voir la liste, restaurer après confirmation', async () => {
    session = await ouvrirSession();
    const { page, harnais } = session;
    await page.getByRole('heading', { name: 'Sauvegardes' }).waitFor();
    await page.getByText('Aucune sauvegarde pour l’instant.').waitFor();
    // Backup taken while the commune is not set yet...
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.getByText('Sauvegarde créée', { exact: true }).waitFor();
    const lignes = page.getByRole('table', { name: 'Sauvegardes disponibles' }).getByRole('row');
    await expect.poll(() => lignes.count()).toBe(2); // header + one backup
    await page.getByRole('heading', { name: 'À propos de Registre' }).waitFor();

    // ... then the commune is set: restoring the backup must bring back the unset state.
    await renseignerCommuneParApi(harnais);
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('tab', { name: 'Paramètres' })
      .click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Nom de la commune' }).inputValue()).toBe('Albi');

    await page.getByRole('button', { name: /^Restaurer la sauvegarde du/ }).click();
    const confirmation = page.getByRole('alertdialog', { name: 'Restaurer cette sauvegarde ?' });
    await confirmation.waitFor();
    await verifierAccessibilite(page, 'Paramètres (confirmation de restauration)');
    await capturer(page, 'parametres-restauration');
    await confirmation.getByRole('button', { name: 'Restaurer' }).click();
    await page.getByText('Base restaurée', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Nom de la commune' }).inputValue()).toBe('');
    await expect.poll(() => page.getByRole('contentinfo').textContent()).toContain('Commune non renseignée');
    // The replaced database was copied aside first.
    expect(fs.readdirSync(harnais.dossierDonnees).some((f) => f.includes('avant-restauration'))).toBe(true);
    expect(session.erreursPage).toEqual([]);
  });
});

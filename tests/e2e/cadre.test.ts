import { afterEach, describe, expect, it } from 'vitest';
import { ouvrirSession, renseignerCommuneParApi, verifierAccessibilite, type Session } from './outils-ui';

describe('Cadre de l’application : navigation, raccourcis, écrans à venir', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('Alt+1 à Alt+5 changent d’écran ; Statistiques dit ce qui viendra ; / et Ctrl+F mènent à la recherche ; F1 liste les raccourcis', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page } = session;
    const onglet = (nom: string) =>
      page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('tab', { name: nom });
    await expect.poll(() => onglet('Registre').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();

    // Demandes is another screen's work: only the navigation to it is checked here.
    await page.keyboard.press('Alt+1');
    await expect.poll(() => onglet('Demandes').getAttribute('aria-selected')).toBe('true');
    expect(await page.title()).toBe('Demandes — Registre');

    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: 'Statistiques : bientôt disponibles' }).waitFor();
    await verifierAccessibilite(page, 'Statistiques');
    expect(await page.title()).toBe('Statistiques — Registre');

    await page.keyboard.press('Alt+3');
    await expect.poll(() => onglet('Cartes').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { name: 'Identité de la commune' }).waitFor();

    // "/" outside a field and Ctrl+F both lead to the search box.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recherche-registre');
    await page.keyboard.press('Alt+4');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recherche-registre');

    await page.keyboard.press('F1');
    const aide = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await aide.waitFor();
    expect(await aide.textContent()).toContain('Ctrl+S');
    await verifierAccessibilite(page, 'Aide des raccourcis');
    await page.keyboard.press('Escape');
    await expect.poll(() => aide.count()).toBe(0);
    expect(session.erreursPage).toEqual([]);
  });
});

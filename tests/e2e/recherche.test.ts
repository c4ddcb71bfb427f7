import { afterEach, describe, expect, it } from 'vitest';
import { ACTES_RECHERCHE } from './donnees';
import {
  acteNaissance,
  capturer,
  enregistrerParApi,
  ouvrirSession,
  renseignerCommuneParApi,
  verifierAccessibilite,
  type Session,
} from './outils-ui';
import type { HarnaisDeTest } from './harnais';

async function remplirRegistre(h: HarnaisDeTest): Promise<void> {
  await renseignerCommuneParApi(h);
  for (const acte of ACTES_RECHERCHE) await enregistrerParApi(h, acte);
}

describe('Registre : recherche et consultation', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('registre vide : dit comment importer un CSV ou saisir un acte', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page } = session;
    await page.getByRole('heading', { name: 'Le registre est vide' }).waitFor();
    await page.getByRole('button', { name: 'Importer un fichier CSV' }).waitFor();
    await page.getByRole('button', { name: 'Saisir un acte' }).waitFor();
    await verifierAccessibilite(page, 'Registre (vide)');
    await capturer(page, 'registre-vide');
    expect(session.erreursPage).toEqual([]);
  });

  it('résultats à la frappe, sans accents ni tirets ; flèches et Entrée ouvrent l’acte', async () => {
    session = await ouvrirSession({ avant: remplirRegistre });
    const { page } = session;
    const recherche = page.getByRole('searchbox', { name: 'Rechercher dans le registre' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recherche-registre');

    // Typed without accent, letter by letter, no Enter: the results come as the letters do.
    await page.keyboard.type('lefevre eloise', { delay: 40 });
    const options = page.getByRole('listbox', { name: 'Résultats de la recherche' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    const textes = await options.allTextContents();
    expect(
      textes.some(
        (t) =>
          t.includes('Lefèvre Éloïse Marie') &&
          t.includes('Naissance') &&
          t.includes('1987 — n° 42') &&
          t.includes('12/03/1987'),
      ),
    ).toBe(true);
    expect(
      textes.some((t) => t.includes('Mariage') && t.includes('de La Fontaine Jean-Pierre et Lefèvre Éloïse Marie')),
    ).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: /2 résultats pour « lefevre eloise »/ })
      .waitFor();

    // A hyphenated given name, typed with a space.
    await recherche.fill('');
    await page.keyboard.type('jean pierre fontaine', { delay: 30 });
    await expect.poll(async () => (await options.allTextContents()).join('|')).toMatch(/de La Fontaine Jean-Pierre/);
    expect(await options.count()).toBe(2);
    const premier = await options.first().getAttribute('aria-selected');
    expect(premier).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await recherche.getAttribute('aria-activedescendant')).toBe('resultat-1');
    await page.keyboard.press('ArrowUp');
    const cible = (await options.first().textContent()) ?? '';
    await page.keyboard.press('Enter');
    const titre = cible.includes('Mariage') ? 'Acte de mariage n° 12 de 2010' : 'Acte de naissance n° 7 de 1985';
    await page.getByRole('heading', { name: titre }).waitFor();
    // The focus stays in the search box: the next search can be typed at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche-registre');

    // The act with its marginal mention.
    await recherche.fill('');
    await page.keyboard.type('ndiaye', { delay: 30 });
    await expect.poll(() => options.count()).toBe(1);
    await page.keyboard.press('Enter');
    const fiche = page.getByRole('article');
    await fiche.getByRole('heading', { name: 'Acte de naissance n° 42 de 1987' }).waitFor();
    await fiche.getByText('Mariée à Albi (Tarn) le 5 juin 2010 avec Jean-Pierre de La Fontaine.').waitFor();
    expect(await fiche.getByRole('region', { name: 'Mère' }).textContent()).toContain("N'Diaye");
    expect(await fiche.textContent()).toContain('Albi (81)');
    await verifierAccessibilite(page, 'Registre (recherche et acte ouvert)');
    await capturer(page, 'registre-recherche');

    // Nothing found: said plainly, with what to try.
    await recherche.fill('zzzxq');
    await page.getByRole('heading', { name: 'Aucun acte ne correspond' }).waitFor();
    expect(session.erreursPage).toEqual([]);
  });

  it('une longue liste est virtualisée : seules les lignes visibles existent, le clavier la parcourt', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        for (let i = 1; i <= 230; i++)
          await enregistrerParApi(h, acteNaissance(1900 + (i % 100), i, 'Bernard', ['Louise']));
      },
    });
    const { page } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    await page.keyboard.type('bernard louise', { delay: 20 });
    await page
      .getByRole('status')
      .filter({
        hasText: /200 résultats pour « bernard louise » \(\d+ ms\) — les 200 premiers : précisez la recherche/,
      })
      .waitFor();
    const options = page.getByRole('listbox', { name: 'Résultats de la recherche' }).getByRole('option');
    const rendues = await options.count();
    expect(rendues).toBeGreaterThan(5);
    expect(rendues).toBeLessThan(40);
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('PageDown');
    const surlignee = page.locator('#resultat-35');
    await expect.poll(() => surlignee.getAttribute('aria-selected')).toBe('true');
    expect(await surlignee.getAttribute('aria-posinset')).toBe('36');
    expect(await surlignee.getAttribute('aria-setsize')).toBe('200');
    expect(await surlignee.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Acte de naissance n° \d+ de \d{4}$/ }).waitFor();
    await capturer(page, 'registre-liste-longue');
    expect(session.erreursPage).toEqual([]);
  });
});

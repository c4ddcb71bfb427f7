import { afterEach, describe, expect, it } from 'vitest';
import { ACTES_RECHERCHE } from './donnees';
import {
  capturer,
  contenuTelecharge,
  enregistrerParApi,
  ouvrirSession,
  renseignerCommuneParApi,
  verifierAccessibilite,
  type Session,
} from './outils-ui';

describe('Registre : extraits et copie intégrale', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('affiche un extrait, l’enregistre en texte et en PDF ; l’extrait sans filiation ne nomme pas les parents', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        for (const acte of ACTES_RECHERCHE) await enregistrerParApi(h, acte);
      },
    });
    const { page } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    await page.keyboard.type('ndiaye', { delay: 30 });
    await expect.poll(() => page.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Enter');
    const fiche = page.getByRole('article');
    await fiche.getByRole('heading', { name: 'Acte de naissance n° 42 de 1987' }).waitFor();

    await fiche.getByRole('button', { name: 'Extrait avec filiation' }).click();
    const dialogue = page.getByRole('dialog');
    const texte = dialogue.locator('pre');
    await texte.waitFor();
    const avecFiliation = (await texte.textContent()) ?? '';
    expect(avecFiliation).toMatch(/Lef[eè]vre|LEF[EÈ]VRE/);
    expect(avecFiliation).toMatch(/N'Diaye|N’Diaye|N'DIAYE|N’DIAYE/);
    await verifierAccessibilite(page, 'Extrait (dialogue)');
    await capturer(page, 'registre-extrait');

    const txt = await contenuTelecharge(page, () =>
      dialogue.getByRole('button', { name: 'Enregistrer en texte' }).click(),
    );
    expect(txt.nom).toMatch(
      /^extrait-avec-filiation-naissance-\d{4}-\d+\.txt$|^copie-integrale-naissance-\d{4}-\d+\.txt$|^extrait-sans-filiation-naissance-\d{4}-\d+\.txt$/,
    );
    const contenu = txt.octets.toString('utf8');
    expect(contenu.charCodeAt(0)).toBe(0xfeff);
    expect(contenu.slice(1)).toBe(avecFiliation);

    const pdf = await contenuTelecharge(page, () =>
      dialogue.getByRole('button', { name: 'Enregistrer en PDF' }).click(),
    );
    expect(pdf.nom).toMatch(/\.pdf$/);
    expect(pdf.octets.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.octets.length).toBeGreaterThan(500);
    await dialogue.getByRole('button', { name: 'Fermer' }).click();

    await fiche.getByRole('button', { name: 'Extrait sans filiation' }).click();
    await page.getByRole('dialog').locator('pre').waitFor();
    const sansFiliation = (await page.getByRole('dialog').locator('pre').textContent()) ?? '';
    expect(sansFiliation).toMatch(/Lef[eè]vre|LEF[EÈ]VRE/);
    expect(sansFiliation).not.toMatch(/Diaye|DIAYE/);
    // The focus is in the dialog (keyboard users land there), and Échap closes it.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // ... and the focus goes back to the button that opened it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Extrait sans filiation');

    await fiche.getByRole('button', { name: 'Copie intégrale' }).click();
    await page.getByRole('dialog').locator('pre').waitFor();
    expect(await page.getByRole('dialog').locator('pre').textContent()).toMatch(/Mariée à Albi|mariée à Albi|MARIÉE/i);
    expect(session.erreursPage).toEqual([]);
  });
});

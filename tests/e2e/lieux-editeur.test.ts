import { afterEach, describe, expect, it } from 'vitest';
import {
  appelerApi,
  capturer,
  messageSous,
  ouvrirSession,
  renseignerCommuneParApi,
  verifierAccessibilite,
  type Session,
} from './outils-ui';

describe('Éditeur d’acte : le lieu tel que l’officier l’écrit', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('garde l’écriture, dit quelle commune elle désigne, avertit d’un lieu inconnu, enregistre avec le code', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page, harnais } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Nouvel acte' }).waitFor();

    const lieu = page.locator('#champ-lieuEvenement');
    await lieu.click();
    await page.keyboard.type('Vieuxbourg-Disparu');
    await expect
      .poll(() => messageSous(page, 'champ-lieuEvenement'))
      .toContain('Lieu inconnu : « Vieuxbourg-Disparu »');
    expect(await messageSous(page, 'champ-lieuEvenement')).toContain('Le lieu sera gardé tel que saisi.');
    await capturer(page, 'editeur-lieu-inconnu');
    await verifierAccessibilite(page, 'Éditeur (lieu inconnu)');

    await page.keyboard.press('Control+a');
    await page.keyboard.type('Paris XXe');
    await expect
      .poll(() => messageSous(page, 'champ-lieuEvenement'))
      .toContain('Lieu reconnu : Paris 20e Arrondissement (75, code INSEE 75120).');
    await page.keyboard.press('Escape');
    expect(await lieu.inputValue()).toBe('Paris XXe');
    await capturer(page, 'editeur-lieu-reconnu');

    await page.locator('#champ-annee').fill('1950');
    await page.locator('#champ-numero').fill('31');
    await page.locator('#champ-dateEvenement').fill('12/03/1950');
    await page.locator('#champ-personnes-titulaire-nom').fill('Moreau');
    await page.locator('#champ-personnes-titulaire-prenoms').fill('Jean');
    await page.locator('#champ-personnes-titulaire-sexe').focus();
    await page.keyboard.type('M');
    await page.keyboard.press('Control+s');
    await page.getByText('Acte enregistré', { exact: true }).waitFor();

    // Kept as typed, with the arrondissement's code; found by another spelling of the place.
    const { resultats } = await appelerApi<{ resultats: { id: number }[] }>(harnais, 'registre.rechercher', {
      texte: 'moreau à 75020 ',
    });
    expect(resultats).toHaveLength(1);
    const acte = await appelerApi<{ lieuEvenement: unknown }>(harnais, 'registre.lire', { id: resultats[0].id });
    expect(acte.lieuEvenement).toEqual({ commune: 'Paris XXe', codeInsee: '75120', departement: '75', pays: null });
    expect(session.erreursPage).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ACTES_CONNUS, csv, LIGNES_FAUTIVES, naissancesOrdinaires } from './donnees';
import {
  capturer,
  contenuTelecharge,
  ouvrirSession,
  renseignerCommuneParApi,
  verifierAccessibilite,
  type Session,
} from './outils-ui';

/** Enough rows for the import to last long enough to report its progress more than once. */
const NAISSANCES = 30_000;

describe('Import CSV', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('importe un fichier avec des lignes fautives : progression, rapport, premiers rejets, fichier des rejets', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page } = session;
    await page.getByRole('heading', { name: 'Le registre est vide' }).waitFor();
    await page.getByRole('button', { name: 'Importer un fichier CSV' }).click();
    const dialogue = page.getByRole('dialog', { name: 'Importer un fichier CSV' });
    await dialogue.waitFor();
    await verifierAccessibilite(page, 'Import (choix du fichier)');

    // Record every progress value the page shows (the import may be faster than any polling).
    await page.evaluate(() => {
      const vus: string[] = [];
      (window as unknown as { progressionsVues: string[] }).progressionsVues = vus;
      new MutationObserver(() => {
        const barre = document.querySelector('[role="progressbar"][aria-valuenow]');
        const v = barre?.getAttribute('aria-valuenow');
        if (v && vus[vus.length - 1] !== v) vus.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });

    const lignes = [...ACTES_CONNUS, ...LIGNES_FAUTIVES, ...naissancesOrdinaires(NAISSANCES)];
    await dialogue.getByLabel('Fichier CSV à importer').setInputFiles({
      name: 'export-ancien-logiciel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(lignes), 'utf8'),
    });
    // A picture of the bar while it moves, when the import leaves time for one (not asserted: speed varies).
    await dialogue
      .locator('[role="progressbar"][aria-valuenow]')
      .waitFor({ timeout: 60_000 })
      .then(() => capturer(page, 'import-progression'))
      .catch(() => undefined);
    const rapport = dialogue.getByText(/^Import terminé :/);
    await rapport.waitFor({ timeout: 120_000 });
    const progressions = await page.evaluate(() =>
      (window as unknown as { progressionsVues: string[] }).progressionsVues.map(Number),
    );
    expect(progressions.length).toBeGreaterThan(0);
    expect(progressions.every((p, i) => i === 0 || p >= progressions[i - 1])).toBe(true);

    const ajoutes = ACTES_CONNUS.length + NAISSANCES;
    expect(await rapport.textContent()).toBe(
      `Import terminé : ${ajoutes.toLocaleString('fr-FR')} actes ajoutés, 0 acte modifié, 0 acte inchangé, 3 lignes rejetées.`,
    );
    const tableau = dialogue.getByRole('table', { name: /Lignes rejetées/ });
    const rangees = tableau.getByRole('row');
    await expect.poll(() => rangees.count()).toBeGreaterThanOrEqual(4);
    const texte = (await tableau.textContent()) ?? '';
    // Header is line 1, the four good acts lines 2 to 5: the faulty rows are lines 6, 7, 8.
    expect(await rangees.nth(1).getByRole('cell').first().textContent()).toBe('6');
    expect(texte).toMatch(/31 février/);
    expect(texte).toMatch(/nom/);
    expect(texte).toMatch(/baptême/);
    await verifierAccessibilite(page, 'Import (rapport)');
    await capturer(page, 'import-rapport');

    const rejets = await contenuTelecharge(page, () =>
      dialogue.getByRole('button', { name: 'Télécharger le fichier des lignes rejetées' }).click(),
    );
    const contenuRejets = rejets.octets.toString('utf8');
    expect(contenuRejets).toContain('Roux');
    expect(contenuRejets).toContain('Blanc');
    expect(contenuRejets).not.toContain('Lefèvre');

    await dialogue.getByRole('button', { name: 'Fermer' }).click();
    await expect
      .poll(() => page.getByRole('contentinfo').textContent())
      .toContain(`${ajoutes.toLocaleString('fr-FR')} actes`);
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).fill('lefevre');
    await page
      .getByRole('option', { name: /Lefèvre Éloïse Marie/ })
      .first()
      .waitFor();
    expect(session.erreursPage).toEqual([]);
  });

  it('un fichier qui n’est pas un CSV d’actes est refusé avec une raison claire', async () => {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page } = session;
    await page.getByRole('button', { name: 'Importer un CSV' }).click();
    const dialogue = page.getByRole('dialog', { name: 'Importer un fichier CSV' });
    await dialogue.getByLabel('Fichier CSV à importer').setInputFiles({
      name: 'courrier.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Bonjour,\nceci est une lettre.\n', 'utf8'),
    });
    const alerte = dialogue.getByRole('alert');
    await alerte.waitFor();
    expect(((await alerte.textContent()) ?? '').length).toBeGreaterThan(10);
    await dialogue.getByRole('button', { name: 'Importer un autre fichier' }).waitFor();
    expect(session.erreursPage).toEqual([]);
  });
});

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { importerCsv } from '../../../electron/registre/import';
import { moteurPour } from '../../../electron/registre/recherche';
import { ecrireRegistreCsv, genererActes } from '../../../electron/registre/synthetique';
import { dossierTemporaire } from '../../support/app-temporaire';

// The synthetic register written as CSV and read back by the real import gives back exactly
// the generated acts: the generator, the CSV writer and the import agree on the format.
describe('registre synthétique → CSV → import', () => {
  const dossier = dossierTemporaire();
  afterAll(() => dossier.detruire());
  const options = { actes: 3000, graine: 21 };
  const csv = path.join(dossier.chemin, 'registre.csv');
  const base = path.join(dossier.chemin, 'registre.db');

  it('importe chaque acte sans rejet, à l’identique', async () => {
    await ecrireRegistreCsv(csv, options);
    const rapport = await importerCsv(base, csv, { horodatage: '2025-01-01T00:00:00.000Z', aujourdhui: '2025-01-01' });
    expect(rapport.rejets).toEqual([]);
    expect(rapport).toMatchObject({ lignesLues: 3000, actesAjoutes: 3000, lignesRejetees: 0 });

    const db = ouvrirBase(base);
    try {
      const depot = new DepotActes(db);
      for (const attendu of genererActes(options)) {
        const {
          id: _id,
          creeLe: _c,
          modifieLe: _m,
          ...lu
        } = depot.parCle(attendu.type, attendu.annee, attendu.numero)!;
        expect(lu).toEqual(attendu);
      }
      // The search index was filled by the import too.
      const premier = [...genererActes({ ...options })].find((a) => a.indexe && a.type === 'naissance')!;
      const titulaire = premier.personnes[0];
      const { resultats } = moteurPour(db).rechercher({
        texte: `${titulaire.nom} ${titulaire.prenoms[0]} ${premier.annee} `,
        limite: 50,
      });
      expect(resultats.map((r) => `${r.type}/${r.annee}/${r.numero}`)).toContain(
        `naissance/${premier.annee}/${premier.numero}`,
      );
    } finally {
      db.close();
    }
  });

  it('réimporter le même fichier ne change rien', async () => {
    const rapport = await importerCsv(base, csv, { horodatage: '2025-02-01T00:00:00.000Z', aujourdhui: '2025-02-01' });
    expect(rapport).toMatchObject({ actesAjoutes: 0, actesModifies: 0, actesInchanges: 3000, lignesRejetees: 0 });
  });
});

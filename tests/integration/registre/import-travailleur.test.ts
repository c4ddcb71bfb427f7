import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db/connexion';
import { emplacementTravailleur, importerCsvEnTravailleur } from '../../../electron/registre/import';
import { dossierTemporaire } from '../../support/app-temporaire';

const fixtures = path.resolve(__dirname, '../../fixtures/csv');
let dossier: ReturnType<typeof dossierTemporaire>;
let fichierBase: string;
beforeEach(() => {
  dossier = dossierTemporaire('registre-travailleur-');
  fichierBase = path.join(dossier.chemin, 'registre.db');
  ouvrirBase(fichierBase).close(); // the app's database exists before any import
});
afterEach(() => dossier.detruire());

function grosFichier(lignes: number): string {
  const fichier = path.join(dossier.chemin, 'gros.csv');
  const corps = Array.from(
    { length: lignes },
    (_, i) =>
      `naissance;${1900 + (i % 120)};${Math.floor(i / 120) + 1};Petit;Léa, Marie;F;02/01/${1900 + (i % 120)};Albi (81);Petit;Paul;Roux;Anne`,
  );
  fs.writeFileSync(
    fichier,
    [
      'type;annee;numero;nom;prenoms;sexe;date_naissance;lieu_naissance;nom_pere;prenoms_pere;nom_mere;prenoms_mere',
      ...corps,
    ].join('\n'),
  );
  return fichier;
}

const compter = () => {
  const db = ouvrirBase(fichierBase);
  try {
    return db.prepare('SELECT count(*) FROM actes').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('import dans un worker thread', () => {
  it('lance les sources TypeScript (via tsx) quand il tourne depuis les sources', () => {
    expect(String(emplacementTravailleur())).toMatch(/^file:.*\/electron\/registre\/import\/travailleur-sources\.mjs$/);
  });

  it('importe hors du fil principal et renvoie le rapport', async () => {
    const csv = path.join(dossier.chemin, 'actes.csv');
    fs.copyFileSync(path.join(fixtures, 'actes-utf8.csv'), csv);
    const rapport = await importerCsvEnTravailleur(fichierBase, csv, { aujourdhui: '2025-06-05', importId: 'essai-1' });
    expect(rapport).toMatchObject({ importId: 'essai-1', lignesLues: 10, actesAjoutes: 10, lignesRejetees: 0 });
    expect(compter()).toBe(10);
  });

  it('envoie la progression pendant l’import ; l’interface lit la base pendant ce temps (WAL)', async () => {
    const csv = grosFichier(20_000);
    const taille = fs.statSync(csv).size;
    const progressions: { octetsLus: number; lignesLues: number; octetsTotal: number }[] = [];
    const lecteur = ouvrirBase(fichierBase);
    const lecturesPendant: number[] = [];
    try {
      const rapport = await importerCsvEnTravailleur(fichierBase, csv, {
        intervalleProgressionMs: 20,
        onProgression: (p) => {
          progressions.push(p);
          // A reader is never blocked by the writing worker, and sees only committed acts.
          lecturesPendant.push(lecteur.prepare('SELECT count(*) FROM actes').pluck().get() as number);
        },
      });
      expect(rapport).toMatchObject({ lignesLues: 20_000, actesAjoutes: 20_000 });
    } finally {
      lecteur.close();
    }
    expect(progressions.length).toBeGreaterThan(2);
    expect(progressions.at(-1)).toMatchObject({ lignesLues: 20_000, octetsLus: taille, octetsTotal: taille });
    expect(progressions.some((p) => p.lignesLues > 0 && p.lignesLues < 20_000)).toBe(true);
    expect(lecturesPendant.slice(0, -1).every((n) => n === 0)).toBe(true);
    expect(compter()).toBe(20_000);
  });

  it('un travailleur arrêté en plein fichier ne laisse rien dans la base', async () => {
    const csv = grosFichier(80_000);
    const arret = new AbortController();
    let vues = 0;
    const promesse = importerCsvEnTravailleur(fichierBase, csv, {
      intervalleProgressionMs: 10,
      signal: arret.signal,
      onProgression: (p) => {
        vues = p.lignesLues;
        if (p.lignesLues >= 2_000) arret.abort();
      },
    });
    await expect(promesse).rejects.toMatchObject({ code: 'operation_annulee' });
    expect(vues).toBeGreaterThanOrEqual(2_000);
    expect(vues).toBeLessThan(80_000);
    expect(compter()).toBe(0);
    // The database is intact and usable: the next import goes through.
    const fichier = path.join(dossier.chemin, 'petit.csv');
    fs.copyFileSync(path.join(fixtures, 'actes-cp1252.csv'), fichier);
    await expect(importerCsvEnTravailleur(fichierBase, fichier, { aujourdhui: '2025-06-05' })).resolves.toMatchObject({
      actesAjoutes: 10,
    });
    expect(compter()).toBe(10);
  });

  it('renvoie les erreurs du travailleur typées, en français', async () => {
    await expect(importerCsvEnTravailleur(fichierBase, path.join(dossier.chemin, 'absent.csv'))).rejects.toMatchObject({
      code: 'import_invalide',
      message: expect.stringContaining('introuvable'),
    });
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db/connexion';
import { horlogeSysteme } from '../../../electron/horloge';
import { DepotParametres } from '../../../electron/parametres/depot';
import { DepotActes } from '../../../electron/registre/depot';
import { dossierTemporaire } from '../../support/app-temporaire';

const racine = path.resolve(__dirname, '../../..');
const fixtures = path.join(racine, 'tests/fixtures/csv');
const executer = promisify(execFile);

async function registre(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await executer(process.execPath, [path.join(racine, 'bin/registre.mjs'), ...args], {
      cwd: racine,
      env: { ...process.env, REGISTRE_JOURNAL: 'muet' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

let dossier: ReturnType<typeof dossierTemporaire>;
let db: string;
beforeEach(() => {
  dossier = dossierTemporaire('registre-cli-');
  db = path.join(dossier.chemin, 'registre.db');
});
afterEach(() => dossier.detruire());

describe('registre import', () => {
  it('importe, résume sur stdout, progression sur stderr, rejets à côté du CSV, code 0', async () => {
    const csv = path.join(dossier.chemin, 'actes-erreurs.csv');
    fs.copyFileSync(path.join(fixtures, 'actes-erreurs.csv'), csv);
    const r = await registre('import', '--db', db, csv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lignes lues : 14');
    expect(r.stdout).toContain('Actes ajoutés : 4');
    expect(r.stdout).toContain('Lignes rejetées : 10');
    expect(r.stdout).toContain(`Fichier des rejets : ${path.join(dossier.chemin, 'actes-erreurs-rejets.csv')}`);
    expect(r.stdout).toContain('ligne 3, date_naissance : le 31 février n’existe pas');
    expect(r.stderr).toMatch(/Import : 100 % — 14 lignes lues, 10 rejetées/);
    expect(fs.existsSync(path.join(dossier.chemin, 'actes-erreurs-rejets.csv'))).toBe(true);
  });

  it('donne le rapport en JSON', async () => {
    const r = await registre(
      'import',
      '--db',
      db,
      '--json',
      path.join(fixtures, 'actes-cp1252.csv'),
      '--rejets',
      path.join(dossier.chemin, 'r.csv'),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      actesAjoutes: 10,
      encodage: 'windows-1252',
      separateur: ',',
      fichierRejets: null,
    });
  });

  it('échoue avec un message en français et un code non nul quand le fichier est illisible', async () => {
    const r = await registre('import', '--db', db, path.join(dossier.chemin, 'absent.csv'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('registre : Le fichier « absent.csv » est introuvable ou illisible.');
  });
});

describe('registre extract', () => {
  it('écrit le texte sur stdout et le PDF dans un fichier', async () => {
    expect(
      (
        await registre(
          'import',
          '--db',
          db,
          path.join(fixtures, 'actes-utf8.csv'),
          '--rejets',
          path.join(dossier.chemin, 'r.csv'),
        )
      ).code,
    ).toBe(0);
    const base = ouvrirBase(db);
    let id: number;
    try {
      new DepotParametres(() => base, horlogeSysteme).ecrire('commune', {
        nom: 'Albi',
        codeInsee: '81004',
        departement: '81',
        emailFonctionnel: 'ec@albi.fr',
      });
      id = new DepotActes(base).parCle('naissance', 2003, 118)!.id!;
    } finally {
      base.close();
    }
    const texte = await registre('extract', '--db', db, '--id', String(id), '--kind', 'sans-filiation');
    expect(texte.code).toBe(0);
    expect(texte.stdout).toContain('EXTRAIT D’ACTE DE NAISSANCE SANS FILIATION');
    expect(texte.stdout).toContain("Noé Lucas D'ALMEIDA MARTIN-LEFÈVRE");
    expect(texte.stdout).not.toContain('Reconnaissance');
    expect(texte.stdout).toContain('Changement de nom : Par déclaration conjointe');

    const pdf = path.join(dossier.chemin, 'sortie', 'extrait.pdf');
    const r = await registre('extract', '--db', db, '--id', String(id), '--kind', 'avec-filiation', '--pdf', pdf);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`PDF écrit : ${pdf}`);
    expect((await PDFDocument.load(fs.readFileSync(pdf))).getTitle()).toBe(
      'EXTRAIT D’ACTE DE NAISSANCE AVEC FILIATION',
    );

    const mauvais = await registre('extract', '--db', db, '--id', String(id), '--kind', 'resume');
    expect(mauvais.code).toBe(2);
    expect(mauvais.stderr).toContain('Sorte attendue : copie-integrale, avec-filiation, sans-filiation');
    const absent = await registre('extract', '--db', db, '--id', '99999', '--kind', 'copie-integrale');
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('Acte introuvable (99999).');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { dossierTemporaire } from '../../support/app-temporaire';
import { registreCli } from '../../support/cli';
import { naissance } from '../../unit/registre/actes-exemples';

const registre = (cwd: string, ...args: string[]) => registreCli(cwd, args);

describe('registre seed / search / backup', () => {
  const dossier = dossierTemporaire('registre-cli-');
  const cwd = dossier.chemin;
  afterAll(() => dossier.detruire());

  beforeAll(async () => {
    const r = await registre(cwd, 'seed', '--db', 'registre.db', '--acts', '2000', '--seed', '4');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2\s000 actes ajoutés, 0 modifiés, 0 inchangés en/);
  });

  it('seed : même graine, même registre (un second seed --ajouter ne change rien)', async () => {
    const r = await registre(cwd, 'seed', '--db', 'registre.db', '--acts', '2000', '--seed', '4', '--ajouter');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 actes ajoutés, 0 modifiés, 2\s000 inchangés/);
  });

  it('seed : un registre synthétique déjà là n’est complété que sur demande (--ajouter)', async () => {
    const avant = fs.readFileSync(path.join(cwd, 'registre.db'));
    const r = await registre(cwd, 'seed', '--db', 'registre.db', '--acts', '2500', '--seed', '5');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/déjà un registre synthétique de 2\s000 acte\(s\).*--ajouter/);
    expect(fs.readFileSync(path.join(cwd, 'registre.db')).equals(avant)).toBe(true);
  });

  it('seed : refuse une base qui tient déjà des actes réels, sans rien écrire', async () => {
    const reel = path.join(cwd, 'reel.db');
    const db = ouvrirBase(reel);
    const T = '2026-01-01T00:00:00.000Z';
    new DepotActes(db).enregistrer(naissance(1987, 42, { nom: 'de La Fontaine', prenoms: ['Jean'], sexe: 'M' }), T);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const avant = fs.readFileSync(reel);
    for (const options of [[], ['--ajouter']]) {
      const r = await registre(cwd, 'seed', '--db', 'reel.db', '--acts', '20000', ...options);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(
        /contient déjà 1 acte\(s\) d’un registre qui n’a pas été créé par « registre seed ».*Rien n’a été écrit/,
      );
      expect(r.stdout).toBe('');
    }
    expect(fs.readFileSync(reel).equals(avant)).toBe(true);
    const relu = ouvrirBase(reel);
    expect(relu.prepare('SELECT count(*) FROM actes').pluck().get()).toBe(1);
    expect(
      JSON.stringify(new DepotActes(relu).lire(relu.prepare('SELECT id FROM actes').pluck().get() as number)),
    ).toMatch(/de La Fontaine/);
    relu.close();
  });

  it('search --json : tableau d’actes {id, type, annee, numero, persons, score}', async () => {
    const db = ouvrirBase(path.join(cwd, 'registre.db'));
    const id = db
      .prepare("SELECT id FROM actes WHERE type = 'naissance' AND indexe = 1 LIMIT 1")
      .pluck()
      .get() as number;
    const titulaire = new DepotActes(db).lire(id)!.personnes[0];
    db.close();
    const r = await registre(
      cwd,
      'search',
      '--db',
      'registre.db',
      '--json',
      `${titulaire.nom} ${titulaire.prenoms[0]}`,
    );
    expect(r.code).toBe(0);
    const resultats = JSON.parse(r.stdout) as {
      id: number;
      type: string;
      annee: number;
      numero: number;
      persons: { nom: string }[];
      score: number;
    }[];
    expect(resultats.length).toBeGreaterThan(0);
    for (const x of resultats) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['id', 'type', 'annee', 'numero', 'persons', 'score']));
      expect(typeof x.score).toBe('number');
    }
    expect(resultats[0].persons.some((p) => p.nom === titulaire.nom)).toBe(true);
  });

  it('search sans --json : un tableau lisible', async () => {
    const r = await registre(cwd, 'search', '--db', 'registre.db', 'naissance 1990');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Id\s+Type\s+Acte\s+Date\s+Correspondance\s+Score\s+Personnes$/);
    expect(r.stdout).toMatch(/Naissance\s+1990\/\d+/);
    expect(r.stdout).toMatch(/acte\(s\) en [\d.]+ ms\./);
    const vide = await registre(cwd, 'search', '--db', 'registre.db', 'Xyzzyq');
    expect(vide.stdout).toMatch(/^Aucun acte trouvé/);
  });

  it('backup : copie vérifiée, lisible, avec tous les actes ; ne remplace jamais un fichier', async () => {
    const r = await registre(cwd, 'backup', '--db', 'registre.db', '--to', 'sauvegardes/copie.db');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sauvegarde écrite : .*copie\.db \([\d\s]+ octets\)/);
    const copie = new Database(path.join(cwd, 'sauvegardes/copie.db'), { readonly: true });
    expect(copie.prepare('SELECT count(*) FROM actes').pluck().get()).toBe(2000);
    copie.close();

    const avant = fs.statSync(path.join(cwd, 'sauvegardes/copie.db')).mtimeMs;
    const encore = await registre(cwd, 'backup', '--db', 'registre.db', '--to', 'sauvegardes/copie.db');
    expect(encore.code).not.toBe(0);
    expect(encore.stderr).toMatch(/existe déjà/);
    expect(fs.statSync(path.join(cwd, 'sauvegardes/copie.db')).mtimeMs).toBe(avant);
  });

  it('erreurs en français sur stderr, code non nul, rien de créé', async () => {
    const cas: [string[], RegExp][] = [
      [['search', '--db', 'absente.db', 'dupont'], /Base de données introuvable/],
      [['seed', '--db', 'x.db', '--acts', 'beaucoup'], /--acts attend un nombre entier/],
      [['search', '--db', 'registre.db', '--limit', '0', 'dupont'], /--limit attend un entier/],
      [['search', '--db', 'registre.db', '--type', 'bapteme', 'dupont'], /type attendu/i],
      [['backup', '--db', 'absente.db', '--to', 'y.db'], /Base de données introuvable/],
    ];
    // In parallel: each run starts a Node process.
    const sorties = await Promise.all(cas.map(([args]) => registre(cwd, ...args)));
    sorties.forEach((r, i) => {
      expect(r.code, cas[i][0].join(' ')).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(cas[i][1]);
    });
    for (const f of ['absente.db', 'x.db', 'y.db']) expect(fs.existsSync(path.join(cwd, f))).toBe(false);
  });
});

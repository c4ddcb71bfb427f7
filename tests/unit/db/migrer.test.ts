import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer, versionSchema } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';
import { ouvrirBase } from '../../../electron/db/connexion';
import type { Migration } from '../../../electron/db/migrations/types';
import { RegistreError } from '../../../shared/errors';
import { dossierTemporaire } from '../../support/app-temporaire';
import path from 'node:path';

const m = (version: number, sql: string): Migration => ({ version, nom: `m${version}`, monter: (db) => db.exec(sql) });

describe('migrations', () => {
  it('sont numérotées sans trou à partir de 1', () => {
    migrations.forEach((x, i) => expect(x.version).toBe(i + 1));
  });

  it('amènent une base neuve à la dernière version, puis ne font plus rien', () => {
    const db = new Database(':memory:');
    expect(migrer(db, migrations)).toEqual({ avant: 0, apres: migrations.length });
    expect(versionSchema(db)).toBe(migrations.length);
    expect(migrer(db, migrations)).toEqual({ avant: migrations.length, apres: migrations.length });
  });

  it('passent toutes dans une seule transaction : un échec laisse la base telle quelle', () => {
    const db = new Database(':memory:');
    migrer(db, [m(1, 'CREATE TABLE a (x INTEGER) STRICT')]);
    const liste = [
      m(1, ''),
      m(2, 'CREATE TABLE b (x INTEGER) STRICT'),
      m(3, 'CREATE TABLE c (x INTEGR_INCONNU) STRICT'),
    ];
    expect(() => migrer(db, liste)).toThrow();
    expect(versionSchema(db)).toBe(1);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });

  it('refusent une base créée par une version plus récente, sans la toucher', () => {
    const d = dossierTemporaire();
    const fichier = path.join(d.chemin, 'r.db');
    const db = new Database(fichier);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    let erreur: unknown;
    try {
      ouvrirBase(fichier);
    } catch (e) {
      erreur = e;
    }
    expect(erreur).toBeInstanceOf(RegistreError);
    expect((erreur as RegistreError).code).toBe('base_trop_recente');
    expect((erreur as RegistreError).message).toMatch(/version plus récente de Registre/);
    const apres = new Database(fichier);
    expect(versionSchema(apres)).toBe(migrations.length + 5);
    apres.close();
    d.detruire();
  });

  it('refusent une liste mal numérotée', () => {
    expect(() => migrer(new Database(':memory:'), [m(2, '')])).toThrow(/attendu 1/);
  });

  it('ouvrent la base en WAL avec les clés étrangères', () => {
    const d = dossierTemporaire();
    const db = ouvrirBase(path.join(d.chemin, 'r.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    d.detruire();
  });
});

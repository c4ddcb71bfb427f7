import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrationsPlateforme } from '../../../sandbox/base/migrations';

describe('migration 0001 de la plateforme bac à sable', () => {
  it('crée des tables STRICT, avec leurs contraintes, par le même moteur de migrations', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrer(db, migrationsPlateforme)).toEqual({ avant: 0, apres: 1 });
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual([
      'agents',
      'certificats_agents',
      'communes',
      'defis',
      'demandes',
      'demandes_emises',
      'reglages',
      'reponses',
      'sessions',
    ]);
    for (const t of tables) expect(t.sql).toMatch(/STRICT/);
    db.prepare("INSERT INTO communes VALUES ('81021', 'MAIRIE-81-AUSSILLON', 2, 0, 't')").run();
    expect(() => db.prepare("INSERT INTO communes VALUES ('81004', 'MAIRIE-81-ALBI', 3, 0, 't')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO agents (code_insee, nom, delegation) VALUES ('99999', 'X', 1)").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare("INSERT INTO reglages VALUES ('x', 'pas du json')").run()).toThrow(/CHECK/);
    const demande =
      "INSERT INTO demandes (id, code_insee, donnees, specimen, origine, mise_a_disposition, echeance, purge) VALUES (?, '81021', '{}', 0, ?, 'a', 'b', 'c')";
    db.prepare(demande).run('DEM-1', 'generee');
    expect(() => db.prepare(demande).run('DEM-2', 'inventee')).toThrow(/CHECK/);
    const reponse = "INSERT INTO reponses VALUES (?, '81021', 'cle', 'e', '<x/>', 2, 'positive', 's', '<a/>', 't')";
    db.prepare(reponse).run('DEM-1');
    // One answer per request; one idempotency key per commune.
    expect(() => db.prepare(reponse).run('DEM-1')).toThrow(/UNIQUE|PRIMARY/);
    // Migrating again does nothing.
    expect(migrer(db, migrationsPlateforme)).toEqual({ avant: 1, apres: 1 });
  });

  it('une base de plateforme plus récente que ce code est refusée intacte', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 7');
    expect(() => migrer(db, migrationsPlateforme)).toThrow(/plus récente/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
  });
});

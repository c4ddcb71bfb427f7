import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';

const T = '2026-01-01T00:00:00Z';

/** A version-10 base holding one imported act known only by its number. */
function base() {
  const db = new Database(':memory:');
  migrer(db, migrations.slice(0, 10));
  db.prepare(
    `INSERT INTO actes (type, annee, numero, indexe, origine, donnees, cree_le, modifie_le)
     VALUES ('naissance', 1950, 12, 0, 'import', '{"p":[]}', ?, ?)`,
  ).run(T, T);
  return db;
}

const noter = (db: Database.Database, valeur: string | null) =>
  db.prepare('UPDATE actes SET demande_origine = ? WHERE id = 1').run(valeur);

describe('migration 0011 : la demande depuis laquelle un acte a été indexé', () => {
  it('monte sur une base en version 10 ; les actes déjà là ne viennent d’aucune demande', () => {
    const db = base();
    expect(migrer(db, migrations.slice(0, 11))).toEqual({ avant: 10, apres: 11 });
    expect(db.prepare('SELECT demande_origine FROM actes').pluck().get()).toBeNull();
  });

  it('garde l’identifiant de la demande ; refuse un texte vide ou démesuré', () => {
    const db = base();
    migrer(db, migrations.slice(0, 11));
    noter(db, 'DEM-2026-000123');
    expect(db.prepare('SELECT demande_origine FROM actes').pluck().get()).toBe('DEM-2026-000123');
    expect(() => noter(db, '')).toThrow(/CHECK/);
    expect(() => noter(db, 'x'.repeat(129))).toThrow(/CHECK/);
    noter(db, null);
  });
});

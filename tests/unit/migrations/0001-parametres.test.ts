import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../electron/db/migrations/0001-parametres';

describe('migration 0001 : paramètres', () => {
  it('crée une table STRICT de paramètres JSON par clé', () => {
    const db = new Database(':memory:');
    migration0001.monter(db);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'parametres'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    db.prepare('INSERT INTO parametres VALUES (?, ?, ?)').run('commune', '{"nom":"Aussillon"}', '2026-01-01T00:00:00Z');
    expect(() => db.prepare('INSERT INTO parametres VALUES (?, ?, ?)').run('x', 'pas du json', 't')).toThrow();
    expect(() => db.prepare('INSERT INTO parametres VALUES (?, ?, ?)').run('commune', '{}', 't')).toThrow(
      /UNIQUE|PRIMARY/,
    );
  });
});

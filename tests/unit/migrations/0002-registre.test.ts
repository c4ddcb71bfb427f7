import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migration0001 } from '../../../electron/db/migrations/0001-parametres';
import { migration0002 } from '../../../electron/db/migrations/0002-registre';

describe('migration 0002 : registre', () => {
  let db: Database.Database;
  const inserer = (valeurs: Partial<Record<string, unknown>> = {}) =>
    db
      .prepare(
        `INSERT INTO actes (type, annee, numero, date_acte, date_evenement, indexe, origine, donnees, cree_le, modifie_le)
         VALUES (@type, @annee, @numero, NULL, NULL, @indexe, @origine, @donnees, 't', 't')`,
      )
      .run({
        type: 'naissance',
        annee: 1987,
        numero: 1,
        indexe: 1,
        origine: 'import',
        donnees: '{"personnes":[]}',
        ...valeurs,
      });

  beforeEach(() => {
    db = new Database(':memory:');
    migration0001.monter(db);
    migration0002.monter(db);
  });

  it('porte le numéro 2 et crée des tables STRICT', () => {
    expect(migration0002.version).toBe(2);
    for (const table of ['actes', 'vocabulaire', 'vocabulaire_variantes']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql;
      expect(sql).toMatch(/STRICT/);
    }
  });

  it('un acte est unique par (type, année, numéro)', () => {
    inserer();
    inserer({ type: 'deces' });
    inserer({ numero: 2 });
    expect(() => inserer()).toThrow(/UNIQUE/);
  });

  it.each([
    [{ type: 'reconnaissance' }],
    [{ indexe: 2 }],
    [{ origine: 'inconnue' }],
    [{ numero: 0 }],
    [{ annee: 'mil neuf cent' }],
  ])('refuse une valeur hors domaine : %j', (valeurs) => {
    expect(() => inserer(valeurs)).toThrow();
  });

  it('l’index plein texte trouve un acte par mot, préfixe et jeton de date, et oublie un acte supprimé', () => {
    const { lastInsertRowid } = inserer();
    db.prepare('INSERT INTO actes_recherche (rowid, termes) VALUES (?, ?)').run(
      lastInsertRowid,
      'dupont marie y1987 m198703 j12031987',
    );
    const trouver = (q: string) =>
      db.prepare('SELECT rowid FROM actes_recherche WHERE actes_recherche MATCH ?').pluck().all(q);
    expect(trouver('dupont AND y1987')).toEqual([Number(lastInsertRowid)]);
    expect(trouver('dup*')).toEqual([Number(lastInsertRowid)]);
    expect(trouver('"j1203"*')).toEqual([Number(lastInsertRowid)]);
    expect(trouver('martin')).toEqual([]);
    db.prepare('DELETE FROM actes_recherche WHERE rowid = ?').run(lastInsertRowid);
    expect(trouver('dupont')).toEqual([]);
  });

  it('le vocabulaire : un mot unique, sa clé phonétique indexée, ses trigrammes et ses variantes', () => {
    const { lastInsertRowid: id } = db
      .prepare("INSERT INTO vocabulaire (mot, cle_phonetique) VALUES ('dupont', 'TUT1')")
      .run();
    expect(() => db.prepare("INSERT INTO vocabulaire (mot, cle_phonetique) VALUES ('dupont', 'X')").run()).toThrow(
      /UNIQUE/,
    );
    db.prepare('INSERT INTO vocabulaire_trigrammes (rowid, mot) VALUES (?, ?)').run(id, 'dupont');
    expect(
      db.prepare('SELECT rowid FROM vocabulaire_trigrammes WHERE vocabulaire_trigrammes MATCH \'"upo"\'').pluck().all(),
    ).toEqual([Number(id)]);
    db.prepare('INSERT INTO vocabulaire_variantes VALUES (?, ?)').run('dupot', id);
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare('INSERT INTO vocabulaire_variantes VALUES (?, ?)').run('x', 999)).toThrow(/FOREIGN KEY/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT mot FROM vocabulaire WHERE cle_phonetique = 'TUT1'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/vocabulaire_cle_phonetique/);
  });

  it('le compte des actes non indexés passe par un index partiel', () => {
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM actes WHERE indexe = 0').all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/actes_non_indexes/);
  });
});

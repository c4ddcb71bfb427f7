import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0002 } from '../../../electron/db/migrations/0002-registre';
import { migration0004 } from '../../../electron/db/migrations/0004-demandes';
import { migration0005 } from '../../../electron/db/migrations/0005-rapprochements';

const T = '2026-01-01T00:00:00Z';

/** The tables 0005 points at (acts, requests), then 0005 itself. */
function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0002.monter(db);
  migration0004.monter(db);
  migration0005.monter(db);
  db.prepare(
    `INSERT INTO actes (id, type, annee, numero, indexe, origine, donnees, cree_le, modifie_le)
     VALUES (7, 'naissance', 1987, 42, 1, 'saisie', '{"personnes":[]}', ?, ?)`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO demandes (id, id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition,
       jour_limite, retard_des, purge_le, donnees, document, empreinte, recue_le)
     VALUES (1, 'DEM-1', 2, 0, 'naissance', 'notaire', ?, '2026-01-21', ?, ?, '{}', '<demande/>', 'e', ?)`,
  ).run(T, T, T, T);
  return db;
}

const inserer = (db: Database.Database, v: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO rapprochements (demande_id, issue, acte_id, score, candidats, resultat, calcule_le, duree_ms)
       VALUES (@demande, @issue, @acte, @score, @candidats, @resultat, @le, @duree)`,
    )
    .run({ demande: 1, issue: 'sur', acte: 7, score: 100, candidats: 1, resultat: '{}', le: T, duree: 1.5, ...v });

describe('migration 0005 : rapprochements', () => {
  it('crée une table STRICT, un résultat par demande', () => {
    const db = base();
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'rapprochements'").get() as { sql: string })
      .sql;
    expect(sql).toMatch(/STRICT/);
    inserer(db, {});
    expect(() => inserer(db, {})).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare('SELECT perime FROM rapprochements').pluck().get()).toBe(0);
  });

  it('refuse une issue inconnue, un score hors bornes, du JSON invalide, une issue incohérente', () => {
    const db = base();
    expect(() => inserer(db, { issue: 'peut_etre' })).toThrow(/CHECK/);
    expect(() => inserer(db, { score: 101 })).toThrow(/CHECK/);
    expect(() => inserer(db, { resultat: 'pas du json' })).toThrow(/CHECK/);
    expect(() => inserer(db, { issue: 'aucun', candidats: 1 })).toThrow(/CHECK/);
    expect(() => inserer(db, { issue: 'a_verifier', candidats: 0 })).toThrow(/CHECK/);
    inserer(db, { issue: 'aucun', acte: null, score: null, candidats: 0 });
  });

  it('suit la demande (suppression en cascade) et lâche l’acte disparu', () => {
    const db = base();
    expect(() => inserer(db, { demande: 99 })).toThrow(/FOREIGN KEY/);
    expect(() => inserer(db, { acte: 99 })).toThrow(/FOREIGN KEY/);
    inserer(db, {});
    db.prepare('DELETE FROM actes WHERE id = 7').run();
    expect(db.prepare('SELECT acte_id FROM rapprochements').pluck().get()).toBeNull();
    db.prepare('DELETE FROM demandes WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM rapprochements').pluck().get()).toBe(0);
  });
});

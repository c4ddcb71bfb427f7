import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';
import type { Migration } from '../../../electron/db/migrations/types';

const T = '2026-01-01T00:00:00Z';
const H = 'b'.repeat(64);

/** A database at version 5 holding a request that an answer and a match point at. */
function baseEnVersion5() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrer(db, migrations.slice(0, 5));
  db.prepare(
    `INSERT INTO demandes (id, id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition, jour_limite,
       retard_des, purge_le, donnees, document, empreinte, recue_le, accusee_le) VALUES (1, 'DEM-1', 2, 0, 'naissance', 'notaire', ?, '2026-01-21', ?, ?, '{"a":1}', '<demande/>', ?, ?, ?)`,
  ).run(T, T, T, H, T, T);
  db.prepare(
    `INSERT INTO rapprochements (demande_id, issue, acte_id, score, candidats, resultat, calcule_le, duree_ms) VALUES (1, 'aucun', NULL, NULL, 0, '{}', ?, 1)`,
  ).run(T);
  db.prepare(
    `INSERT INTO documents_signature (id, reference, nature, contenu, empreinte, cree_le, modifie_le) VALUES (1, 'reponse:1', 'reponse', '<r/>', ?, ?, ?)`,
  ).run(H, T, T);
  db.prepare(
    `INSERT INTO envois (nature, demande_id, document_signature_id, cle_idempotence, etat, document_id, cree_le, modifie_le) VALUES ('reponse', 1, 1, 'cle-1', 'preparation', 'R1', ?, ?)`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO quarantaine (livraison, id_plateforme, motif, raison, document, octets, tronque, empreinte, recue_le) VALUES ('DEM-Q', 'DEM-Q', 'schema', 'r', x'00', 1, 0, ?, ?)`,
  ).run(H, T);
  return db;
}

describe('migration 0006 : la plateforme dans la clé des demandes', () => {
  it('garde chaque demande, sa réponse et son rapprochement (rien en cascade), plateforme inconnue', () => {
    const db = baseEnVersion5();
    expect(migrer(db, migrations.slice(0, 6))).toEqual({ avant: 5, apres: 6 });
    expect(db.prepare('SELECT id, plateforme, id_plateforme, donnees, accusee_le FROM demandes').all()).toEqual([
      { id: 1, plateforme: '', id_plateforme: 'DEM-1', donnees: '{"a":1}', accusee_le: T },
    ]);
    expect(db.prepare('SELECT count(*) FROM rapprochements').pluck().get()).toBe(1);
    expect(db.prepare('SELECT demande_id FROM envois').pluck().get()).toBe(1);
    expect(db.prepare('SELECT plateforme, livraison FROM quarantaine').all()).toEqual([
      { plateforme: '', livraison: 'DEM-Q' },
    ]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'demandes'").get() as { sql: string }).sql).toMatch(
      /STRICT/,
    );
  });

  it('la même référence est unique par plateforme, plus entre plateformes ; les clés étrangères tiennent', () => {
    const db = baseEnVersion5();
    migrer(db, migrations);
    const inserer = db.prepare(
      `INSERT INTO demandes (plateforme, id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition, jour_limite,
         retard_des, purge_le, donnees, document, empreinte, recue_le) VALUES (?, 'DEM-2', 2, 0, 'naissance', 'notaire', ?, '2026-01-21', ?, ?, '{}', '<d/>', ?, ?)`,
    );
    inserer.run('formation:a', T, T, T, H, T);
    inserer.run('reelle:b', T, T, T, H, T);
    expect(() => inserer.run('reelle:b', T, T, T, H, T)).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM demandes WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  });

  it('une référence cassée par une migration qui reconstruit annule tout', () => {
    const db = baseEnVersion5();
    const casse: Migration = {
      version: 7,
      nom: 'casse',
      clesEtrangeresSuspendues: true,
      monter: (d) => d.exec('DELETE FROM documents_signature'),
    };
    expect(() => migrer(db, [...migrations.slice(0, 6), casse])).toThrow(/référence/);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT count(*) FROM documents_signature').pluck().get()).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

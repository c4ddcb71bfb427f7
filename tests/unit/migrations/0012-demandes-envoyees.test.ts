import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';

const T = '2026-01-01T00:00:00Z';
const H = 'c'.repeat(64);

/** A version-11 base holding a request sent, as a draft in the outbox (0003 and 0004). */
function baseEnVersion11() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrer(db, migrations.slice(0, 11));
  db.prepare(
    `INSERT INTO documents_signature (id, reference, nature, contenu, empreinte, cree_le, modifie_le) VALUES (1, 'demande:1', 'demande', '<d/>', ?, ?, ?)`,
  ).run(H, T, T);
  db.prepare(
    `INSERT INTO envois (id, nature, demande_id, document_signature_id, cle_idempotence, etat, document_id, cree_le, modifie_le) VALUES (1, 'demande', NULL, 1, 'cle-1', 'preparation', 'EMI-1', ?, ?)`,
  ).run(T, T);
  return db;
}

const COLONNES = `(envoi_id, document_id, motif, reference, date_procedure, destinataire_insee, destinataire_nom,
  destinataire_departement, type_acte, saisie, preparee_par, preparee_le, abandonnee_le)`;

describe('migration 0012 : les demandes envoyées aux autres communes', () => {
  it('monte en une fois sur une base en version 11 sans toucher à ce qu’elle contient', () => {
    const db = baseEnVersion11();
    expect(migrer(db, migrations.slice(0, 12))).toEqual({ avant: 11, apres: 12 });
    expect(db.prepare('SELECT count(*) FROM envois').pluck().get()).toBe(1);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'demandes_envoyees'").get() as { sql: string })
      .sql;
    expect(sql).toMatch(/STRICT/);
  });

  it('une demande nomme son motif, sa commune et son envoi ; abandonnée, elle garde sa ligne sans envoi', () => {
    const db = baseEnVersion11();
    migrer(db, migrations);
    const inserer = db.prepare(
      `INSERT INTO demandes_envoyees ${COLONNES} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ligne = (modif: Record<number, unknown> = {}) => {
      const v: unknown[] = [
        1,
        'EMI-1',
        'dossier_mariage',
        'MAR-1',
        '2026-06-20',
        '31555',
        'Toulouse',
        '31',
        'naissance',
        '{}',
        'Jeanne MARTIN',
        T,
        null,
      ];
      for (const [i, x] of Object.entries(modif)) v[Number(i)] = x;
      return v;
    };
    expect(() => inserer.run(...ligne({ 2: 'dossier_divorce' }))).toThrow(/CHECK/);
    expect(() => inserer.run(...ligne({ 3: '' }))).toThrow(/CHECK/);
    expect(() => inserer.run(...ligne({ 4: '20/06/2026' }))).toThrow(/CHECK/);
    expect(() => inserer.run(...ligne({ 8: 'deces' }))).toThrow(/CHECK/);
    expect(() => inserer.run(...ligne({ 9: 'pas du json' }))).toThrow(/CHECK/);
    expect(() => inserer.run(...ligne({ 10: '' }))).toThrow(/CHECK/);
    // an outbox row that does not exist
    expect(() => inserer.run(...ligne({ 0: 99 }))).toThrow(/FOREIGN KEY/);
    // without an outbox row, the request is a discarded one; with one, it is not
    expect(() => inserer.run(...ligne({ 0: null }))).toThrow(/CHECK/);
    expect(() => inserer.run(...ligne({ 12: T }))).toThrow(/CHECK/);
    inserer.run(...ligne());
    // one request per outbox row, one per document
    expect(() => inserer.run(...ligne({ 1: 'EMI-2' }))).toThrow(/UNIQUE/);
    inserer.run(...ligne({ 0: null, 1: 'EMI-2', 12: T }));
    expect(db.prepare('SELECT count(*) FROM demandes_envoyees').pluck().get()).toBe(2);
  });
});

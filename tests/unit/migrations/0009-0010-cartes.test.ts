import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';

const T = '2026-01-01T00:00:00Z';

/** A version-8 base holding one agent and one handed-over card. */
function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrer(db, migrations.slice(0, 8));
  const agent = db
    .prepare(
      `INSERT INTO agents (nom, prenoms, date_naissance, fonction, email, cree_le, modifie_le)
       VALUES ('MARTIN', 'Jeanne', '1970-04-02', 'Maire', NULL, ?, ?)`,
    )
    .run(T, T).lastInsertRowid;
  db.prepare(
    `INSERT INTO cartes_agents (agent_id, etat, motif_commande, cout_ht_centimes, commandee_le, remise_le,
       auth_emetteur, auth_serie, auth_empreinte, modifiee_le)
     VALUES (?, 'remise', 'premiere', 0, '2026-01-01', '2026-01-02', 'CN=AC', '01', 'e1', ?)`,
  ).run(agent, T);
  return db;
}

const piece = (db: Database.Database, nature: string | null, fin: string | null) =>
  db.prepare('UPDATE cartes_agents SET piece_nature = ?, piece_fin_numero = ? WHERE id = 1').run(nature, fin);

describe('migration 0009 : la pièce d’identité présentée à la remise d’une carte', () => {
  it('monte sur une base en version 8 ; les cartes déjà remises n’ont pas de pièce notée', () => {
    const db = base();
    expect(migrer(db, migrations.slice(0, 9))).toEqual({ avant: 8, apres: 9 });
    expect(db.prepare('SELECT piece_nature, piece_fin_numero FROM cartes_agents').get()).toEqual({
      piece_nature: null,
      piece_fin_numero: null,
    });
  });

  it('garde la nature et au plus les 4 derniers caractères du numéro, jamais le numéro entier', () => {
    const db = base();
    migrer(db, migrations.slice(0, 9));
    piece(db, 'passeport', '7K3Z');
    expect(() => piece(db, 'passeport', '19AB12345')).toThrow(/CHECK/);
    expect(() => piece(db, 'carte_vitale', '1234')).toThrow(/CHECK/);
    // the end of a number without its document's kind means nothing
    expect(() => piece(db, null, '1234')).toThrow(/CHECK/);
  });
});

describe('migration 0010 : la fin de validité pour laquelle le renouvellement a été signalé', () => {
  it('monte sur une base en version 9 ; rien n’est encore signalé ; une date aaaa-mm-jj seulement', () => {
    const db = base();
    expect(migrer(db, migrations.slice(0, 10))).toEqual({ avant: 8, apres: 10 });
    expect(db.prepare('SELECT renouvellement_signale_pour FROM cartes_agents').pluck().get()).toBeNull();
    db.prepare("UPDATE cartes_agents SET renouvellement_signale_pour = '2029-12-04'").run();
    expect(() => db.prepare("UPDATE cartes_agents SET renouvellement_signale_pour = 'bientôt'").run()).toThrow(/CHECK/);
  });
});

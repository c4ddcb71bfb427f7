import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';

const T = '2026-01-01T00:00:00Z';

function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrer(db, migrations.slice(0, 7));
  db.prepare("INSERT INTO parametres (cle, valeur, modifie_le) VALUES ('commune', '{}', ?)").run(T);
  return db;
}

function agent(db: Database.Database): number {
  return Number(
    db
      .prepare(
        `INSERT INTO agents (nom, prenoms, date_naissance, fonction, email, cree_le, modifie_le)
         VALUES ('MARTIN', 'Jeanne', '1970-04-02', 'Maire', NULL, ?, ?)`,
      )
      .run(T, T).lastInsertRowid,
  );
}

describe('migration 0008 : l’annuaire des agents, leurs rôles, leurs cartes, le journal des droits', () => {
  it('monte en une fois sur une base en version 7 sans toucher à ce qu’elle contient', () => {
    const db = base();
    expect(migrer(db, migrations.slice(0, 8))).toEqual({ avant: 7, apres: 8 });
    expect(db.prepare('SELECT count(*) FROM parametres').pluck().get()).toBe(1);
    for (const t of ['annuaire', 'agents', 'roles_agents', 'cartes_agents', 'historique_cartes', 'journal_droits']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql).toMatch(/STRICT/);
    }
    // no directory yet: nothing is refused at first start
    expect(db.prepare('SELECT count(*) FROM annuaire').pluck().get()).toBe(0);
  });

  it('un annuaire au plus ; un agent a une date de naissance au format aaaa-mm-jj', () => {
    const db = base();
    migrer(db, migrations);
    db.prepare("INSERT INTO annuaire (id, cree_le, cree_par) VALUES (1, ?, 'Jeanne MARTIN')").run(T);
    expect(() => db.prepare("INSERT INTO annuaire (id, cree_le, cree_par) VALUES (2, ?, 'x')").run(T)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO agents (nom, prenoms, date_naissance, fonction, cree_le, modifie_le) VALUES ('A', 'B', '02/04/1970', 'f', ?, ?)`,
        )
        .run(T, T),
    ).toThrow(/CHECK/);
  });

  it('seul un officier a une délégation, et il en a toujours une ; sa fin ne précède pas l’arrêté', () => {
    const db = base();
    migrer(db, migrations);
    const id = agent(db);
    const role = db.prepare(
      `INSERT INTO roles_agents (agent_id, role, qualite, arrete_le, arrete_reference, arrete_portee, fin) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    expect(() => role.run(id, 'officier', null, null, null, null, null)).toThrow(/CHECK/);
    expect(() => role.run(id, 'agent', 'adjoint', '2026-01-01', 'A-1', 'état civil', null)).toThrow(/CHECK/);
    expect(() => role.run(id, 'officier', 'maire', '2026-01-01', 'PV-1', 'toutes fonctions', '2025-12-31')).toThrow(
      /CHECK/,
    );
    expect(() => role.run(id, 'chef', null, null, null, null, null)).toThrow(/CHECK/);
    role.run(id, 'officier', 'maire', '2026-01-01', 'PV-1', 'toutes fonctions', null);
    role.run(id, 'responsable_cartes', null, null, null, null, null);
    expect(() => role.run(id, 'responsable_cartes', null, null, null, null, null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => role.run(99, 'agent', null, null, null, null, null)).toThrow(/FOREIGN KEY/);
  });

  it('une carte en main est désignée par son certificat d’authentification ; une révocation a un motif', () => {
    const db = base();
    migrer(db, migrations);
    const id = agent(db);
    const commander = db.prepare(
      `INSERT INTO cartes_agents (agent_id, etat, motif_commande, cout_ht_centimes, commandee_le, auth_emetteur, auth_serie, auth_empreinte, modifiee_le)
       VALUES (?, ?, 'premiere', 0, '2026-01-01', ?, ?, ?, ?)`,
    );
    commander.run(id, 'commandee', null, null, null, T);
    expect(() => commander.run(id, 'remise', null, null, null, T)).toThrow(/CHECK/);
    commander.run(id, 'remise', 'CN=AC', '01', 'a'.repeat(64), T);
    // one certificate, one card
    expect(() => commander.run(id, 'remise', 'CN=AC', '01', 'b'.repeat(64), T)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE cartes_agents SET etat = 'revoquee' WHERE id = 2").run()).toThrow(/CHECK/);
    db.prepare("UPDATE cartes_agents SET etat = 'revoquee', motif_revocation = 'vol' WHERE id = 2").run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO cartes_agents (agent_id, etat, motif_commande, cout_ht_centimes, commandee_le, modifiee_le) VALUES (?, 'commandee', 'cadeau', 0, '2026-01-01', ?)",
        )
        .run(id, T),
    ).toThrow(/CHECK/);
  });

  it('l’historique des cartes et le journal des droits ne font que grandir', () => {
    const db = base();
    migrer(db, migrations);
    const id = agent(db);
    db.prepare(
      "INSERT INTO cartes_agents (id, agent_id, etat, motif_commande, cout_ht_centimes, commandee_le, modifiee_le) VALUES (1, ?, 'commandee', 'premiere', 0, '2026-01-01', ?)",
    ).run(id, T);
    db.prepare(
      "INSERT INTO historique_cartes (carte_id, action, vers, par, le) VALUES (1, 'commander', 'commandee', 'x', ?)",
    ).run(T);
    db.prepare(
      "INSERT INTO journal_droits (le, par, agent_id, quoi) VALUES (?, 'Jeanne MARTIN', ?, 'Agent ajouté')",
    ).run(T, id);
    expect(() => db.prepare("UPDATE historique_cartes SET par = 'y'").run()).toThrow(/on ajoute/);
    expect(() => db.prepare('DELETE FROM historique_cartes').run()).toThrow(/on ajoute/);
    expect(() => db.prepare("UPDATE journal_droits SET quoi = 'autre chose'").run()).toThrow(/on ajoute/);
    expect(() => db.prepare('DELETE FROM journal_droits').run()).toThrow(/on ajoute/);
    expect(() => db.prepare("INSERT INTO journal_droits (le, par, quoi) VALUES (?, '', 'x')").run(T)).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

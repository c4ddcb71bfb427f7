import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';
import { clePhonetique } from '../../../shared/domain/phonetique';

describe('migration 0014 : la clé phonétique mesurée', () => {
  it('recalcule la clé de chaque mot du vocabulaire : « lefaivre » rejoint « lefevre »', () => {
    const db = new Database(':memory:');
    migrer(db, migrations.slice(0, 13));
    const inserer = db.prepare('INSERT INTO vocabulaire (mot, cle_phonetique) VALUES (?, ?)');
    // Keys as the former algorithm (Phonex alone) stored them.
    inserer.run('lefevre', 'LEFEFRE');
    inserer.run('lefaivre', 'LEFYFRE');
    inserer.run('dupont', 'TUP1');
    expect(migrer(db, migrations.slice(0, 14))).toEqual({ avant: 13, apres: 14 });
    const cles = Object.fromEntries(
      db
        .prepare<[], { mot: string; cle_phonetique: string }>('SELECT mot, cle_phonetique FROM vocabulaire')
        .all()
        .map((l) => [l.mot, l.cle_phonetique]),
    );
    expect(cles).toEqual({
      lefevre: clePhonetique('lefevre'),
      lefaivre: clePhonetique('lefaivre'),
      dupont: clePhonetique('dupont'),
    });
    expect(cles.lefevre).toBe(cles.lefaivre);
  });

  it('monte sur une base sans vocabulaire', () => {
    const db = new Database(':memory:');
    migrer(db, migrations.slice(0, 13));
    expect(migrer(db, migrations.slice(0, 14))).toEqual({ avant: 13, apres: 14 });
  });
});

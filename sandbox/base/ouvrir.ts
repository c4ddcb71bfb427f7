import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrer } from '../../electron/db';
import { migrationsPlateforme } from './migrations';

export type BasePlateforme = Database.Database;

/**
 * Opens the platform's own database (a file, or ':memory:' for training and tests): WAL, foreign
 * keys, busy timeout, then its migrations with the application's runner (one transaction; a
 * database newer than this code is refused untouched).
 */
export function ouvrirBasePlateforme(fichier: string): BasePlateforme {
  if (fichier !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(fichier)), { recursive: true });
  const db = new Database(fichier);
  try {
    if (fichier !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrer(db, migrationsPlateforme);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

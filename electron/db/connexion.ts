import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrer } from './migrer';
import { migrations } from './migrations';

export type Base = Database.Database;

export interface OptionsBase {
  /** Open without running migrations (read-only tools, tests of a given migration). */
  sansMigration?: boolean;
  lectureSeule?: boolean;
}

/**
 * Opens the register database with the settings the whole app relies on: WAL (readers never
 * block the writer, the import worker writes while the UI searches), foreign keys on, and a
 * busy timeout so that the worker and the main thread wait for each other instead of failing.
 */
export function ouvrirBase(fichier: string, options: OptionsBase = {}): Base {
  if (fichier !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(fichier)), { recursive: true });
  const db = new Database(fichier, {
    readonly: options.lectureSeule ?? false,
    fileMustExist: options.lectureSeule ?? false,
  });
  try {
    if (!options.lectureSeule) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
    if (!options.sansMigration && !options.lectureSeule) migrer(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export { migrations };

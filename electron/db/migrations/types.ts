import type Database from 'better-sqlite3';

/** One numbered step of the schema. `monter` runs inside the runner's transaction. */
export interface Migration {
  readonly version: number;
  readonly nom: string;
  /**
   * The step rebuilds a table that others reference (SQLite's 12-step procedure): the runner
   * turns foreign keys off around the transaction (the pragma is a no-op inside one) and runs
   * `foreign_key_check` before committing, so a broken reference still rolls everything back.
   */
  readonly clesEtrangeresSuspendues?: boolean;
  monter(db: Database.Database): void;
}

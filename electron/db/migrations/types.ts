import type Database from 'better-sqlite3';

/** One numbered step of the schema. `monter` runs inside the runner's transaction. */
export interface Migration {
  readonly version: number;
  readonly nom: string;
  monter(db: Database.Database): void;
}

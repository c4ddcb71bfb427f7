import type { Migration } from './types';

/**
 * Acts stored before the place normaliser have no place tokens in their search terms
 * (`l75120`, `lp75056`...): a search for "Paris 20e" or "75120" misses them. Their terms must
 * be written again, but the code that writes them (the register's search terms and the
 * INSEE's communes list, electron/registre) is out of this room's reach, and a migration
 * cannot depend on the rooms built on the database. So this step only records the work:
 * `travaux_registre` lists what the register room must do once at start-up (see
 * registre/recherche/reconstruction.ts), which deletes the row when done, in the same
 * transaction as the work: a crash in between leaves the row, and the work runs again.
 * A register with no act has nothing to rewrite.
 */
export const migration0015: Migration = {
  version: 15,
  nom: 'termes-recherche-a-refaire',
  monter(db) {
    db.exec(`
      CREATE TABLE travaux_registre (
        travail TEXT PRIMARY KEY CHECK (travail = 'termes-recherche'),
        demande_le TEXT NOT NULL
      ) STRICT;
      INSERT INTO travaux_registre (travail, demande_le)
        SELECT 'termes-recherche', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE EXISTS (SELECT 1 FROM actes);
    `);
  },
};

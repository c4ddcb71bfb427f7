import type { Migration } from './types';

/** Settings of the installation (commune identity, SMTP, schedule...) as JSON values by key. */
export const migration0001: Migration = {
  version: 1,
  nom: 'parametres',
  monter(db) {
    db.exec(`
      CREATE TABLE parametres (
        cle TEXT PRIMARY KEY,
        valeur TEXT NOT NULL CHECK (json_valid(valeur)),
        modifie_le TEXT NOT NULL
      ) STRICT;
    `);
  },
};

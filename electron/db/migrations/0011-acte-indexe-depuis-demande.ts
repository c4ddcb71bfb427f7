import type { Migration } from './types';

/**
 * An act keyed in from a request remembers which one ("indexé depuis la demande …"): the
 * platform identifier of the request, kept on the act (electron/registre/ writes it). Null for
 * every other act. A request is never deleted from the act's side: the identifier is text, not a
 * reference, so that purging old requests leaves the act's origin readable.
 */
export const migration0011: Migration = {
  version: 11,
  nom: 'acte-indexe-depuis-demande',
  monter(db) {
    db.exec(`
      ALTER TABLE actes ADD COLUMN demande_origine TEXT
        CHECK (demande_origine IS NULL OR (length(demande_origine) BETWEEN 1 AND 128));
    `);
  },
};

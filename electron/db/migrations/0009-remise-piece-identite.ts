import type { Migration } from './types';

/**
 * The identity document shown when a card is handed over (the handover record names it): its kind
 * and the last 4 characters of its number, never the whole number. Null for cards handed over
 * before, and for the first officer's own card (the directory's creation records no document).
 */
export const migration0009: Migration = {
  version: 9,
  nom: 'remise-piece-identite',
  monter(db) {
    db.exec(`
      ALTER TABLE cartes_agents ADD COLUMN piece_nature TEXT
        CHECK (piece_nature IN ('carte_nationale_identite', 'passeport', 'titre_de_sejour', 'permis_de_conduire'));
      ALTER TABLE cartes_agents ADD COLUMN piece_fin_numero TEXT
        CHECK (piece_fin_numero IS NULL OR (length(piece_fin_numero) BETWEEN 1 AND 4 AND piece_nature IS NOT NULL));
    `);
  },
};

import type { Migration } from './types';

/**
 * The renewal warning sent by e-mail names a card once per alert period: the end of validity it
 * was sent for is kept on the card (electron/annuaire/ writes it). A card whose end moves, or a new
 * card, is warned about again.
 */
export const migration0010: Migration = {
  version: 10,
  nom: 'alerte-renouvellement',
  monter(db) {
    db.exec(`
      ALTER TABLE cartes_agents ADD COLUMN renouvellement_signale_pour TEXT
        CHECK (renouvellement_signale_pour IS NULL OR renouvellement_signale_pour GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
    `);
  },
};

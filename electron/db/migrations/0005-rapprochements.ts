import type { Migration } from './types';

/**
 * Matching results: for each request received, the candidate acts of the register with their
 * field-by-field comparison and the outcome (shared/domain/correspondance).
 *
 * - One row per request (`demande_id` is the key): a new matching replaces the old one.
 * - `issue`, `acte_id` (the best candidate), `score` and `candidats` (how many) are columns so
 *   that request lists show and filter the outcome without reading the JSON; `resultat` is the
 *   whole result, read when one request is opened.
 * - `perime = 1`: the register changed since this result was computed (acts keyed in, an
 *   import, a restore): the background matching redoes it, and a read redoes it first.
 * - `acte_id` points at the act: if an act ever disappears, the result loses its pointer
 *   instead of blocking the deletion (and is stale anyway).
 */
export const migration0005: Migration = {
  version: 5,
  nom: 'rapprochements',
  monter(db) {
    db.exec(`
      CREATE TABLE rapprochements (
        demande_id INTEGER PRIMARY KEY REFERENCES demandes (id) ON DELETE CASCADE,
        issue TEXT NOT NULL CHECK (issue IN ('sur', 'a_verifier', 'aucun')),
        acte_id INTEGER REFERENCES actes (id) ON DELETE SET NULL,
        score INTEGER CHECK (score BETWEEN 0 AND 100),
        candidats INTEGER NOT NULL CHECK (candidats >= 0),
        resultat TEXT NOT NULL CHECK (json_valid(resultat)),
        perime INTEGER NOT NULL DEFAULT 0 CHECK (perime IN (0, 1)),
        calcule_le TEXT NOT NULL,
        duree_ms REAL NOT NULL CHECK (duree_ms >= 0),
        CHECK ((issue = 'aucun') = (candidats = 0))
      ) STRICT;
      CREATE INDEX rapprochements_perimes ON rapprochements (demande_id) WHERE perime = 1;
      CREATE INDEX rapprochements_issue ON rapprochements (issue);
    `);
  },
};

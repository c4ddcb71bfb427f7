import type { Migration } from '../../../electron/db';

/**
 * The platform's own schema (never the client's). Requests are stored as their typed object
 * (JSON, version-neutral) and rendered in the mailbox's format version when listed; answers and
 * requests sent are stored as the exact bytes received, with the receipt returned, so that a
 * replay returns the ORIGINAL receipt.
 */
export const migration0001: Migration = {
  version: 1,
  nom: 'plateforme',
  monter(db) {
    db.exec(`
      CREATE TABLE communes (
        code_insee TEXT PRIMARY KEY,
        libelle TEXT NOT NULL,
        version_format INTEGER NOT NULL CHECK (version_format IN (1, 2)),
        simulee INTEGER NOT NULL CHECK (simulee IN (0, 1)),
        cree_le TEXT NOT NULL
      ) STRICT;

      CREATE TABLE agents (
        id INTEGER PRIMARY KEY,
        code_insee TEXT NOT NULL REFERENCES communes(code_insee) ON DELETE CASCADE,
        nom TEXT NOT NULL,
        delegation INTEGER NOT NULL CHECK (delegation IN (0, 1))
      ) STRICT;

      -- An agent is known by the SHA-256 of each of its certificates (authentication, signature).
      CREATE TABLE certificats_agents (
        empreinte TEXT PRIMARY KEY CHECK (length(empreinte) = 64),
        agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        der BLOB NOT NULL
      ) STRICT;
      CREATE INDEX certificats_agents_agent ON certificats_agents(agent_id);

      CREATE TABLE defis (
        defi TEXT PRIMARY KEY,
        expire_le TEXT NOT NULL,
        utilise INTEGER NOT NULL DEFAULT 0 CHECK (utilise IN (0, 1))
      ) STRICT;

      -- Only the SHA-256 of a session token is stored.
      CREATE TABLE sessions (
        empreinte_jeton TEXT PRIMARY KEY,
        agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        code_insee TEXT NOT NULL,
        expire_le TEXT NOT NULL
      ) STRICT;

      CREATE TABLE demandes (
        id TEXT PRIMARY KEY,
        code_insee TEXT NOT NULL REFERENCES communes(code_insee),
        donnees TEXT NOT NULL CHECK (json_valid(donnees)),
        specimen INTEGER NOT NULL CHECK (specimen IN (0, 1)),
        origine TEXT NOT NULL CHECK (origine IN ('generee', 'deposee', 'specimen', 'emise')),
        -- What the generator knows (the act asked for, or that it is not held): tests and statistics.
        attendu TEXT CHECK (attendu IS NULL OR json_valid(attendu)),
        mise_a_disposition TEXT NOT NULL,
        echeance TEXT NOT NULL,
        purge TEXT NOT NULL,
        livraisons INTEGER NOT NULL DEFAULT 0,
        acquittee_le TEXT
      ) STRICT;
      CREATE INDEX demandes_boite ON demandes(code_insee, acquittee_le, mise_a_disposition);

      CREATE TABLE reponses (
        demande_id TEXT PRIMARY KEY REFERENCES demandes(id),
        code_insee TEXT NOT NULL,
        cle_idempotence TEXT NOT NULL,
        empreinte TEXT NOT NULL,
        xml TEXT NOT NULL,
        version INTEGER NOT NULL,
        nature TEXT NOT NULL CHECK (nature IN ('positive', 'negative')),
        signataire TEXT NOT NULL,
        accuse TEXT NOT NULL,
        recu_le TEXT NOT NULL,
        UNIQUE (code_insee, cle_idempotence)
      ) STRICT;

      CREATE TABLE demandes_emises (
        id TEXT PRIMARY KEY REFERENCES demandes(id),
        code_insee_emettrice TEXT NOT NULL REFERENCES communes(code_insee),
        code_insee_destinataire TEXT NOT NULL REFERENCES communes(code_insee),
        reference TEXT NOT NULL,
        cle_idempotence TEXT NOT NULL,
        empreinte TEXT NOT NULL,
        xml TEXT NOT NULL,
        accuse TEXT NOT NULL,
        recu_le TEXT NOT NULL,
        reponse_xml TEXT,
        reponse_disponible_le TEXT,
        reponse_acquittee_le TEXT,
        UNIQUE (code_insee_emettrice, cle_idempotence)
      ) STRICT;

      -- Settings kept across restarts: fault injection, simulation, clock offset, counters.
      CREATE TABLE reglages (
        cle TEXT PRIMARY KEY,
        valeur TEXT NOT NULL CHECK (json_valid(valeur))
      ) STRICT;
    `);
  },
};

import type { Migration } from './types';

/**
 * Requests this commune sends to other communes (marriage and PACS files), written by
 * electron/demandes/envoyees/ only. The document, its signature and its sending live where
 * every outgoing document does (0003's `documents_signature`, 0004's `envois`); this table keeps
 * what the officer wrote and follows, so the list filters without reading XML: the file's
 * reason and reference, the procedure's date, the commune asked, the person, who prepared it.
 * A discarded draft keeps its row (`abandonnee_le`, its outbox row gone): nothing written is lost.
 */
export const migration0012: Migration = {
  version: 12,
  nom: 'demandes-envoyees',
  monter(db) {
    db.exec(`
      CREATE TABLE demandes_envoyees (
        id INTEGER PRIMARY KEY,
        -- NULL once the draft is discarded (its outbox row is deleted with it)
        envoi_id INTEGER UNIQUE REFERENCES envois (id),
        document_id TEXT NOT NULL UNIQUE,
        motif TEXT NOT NULL CHECK (motif IN ('dossier_mariage', 'dossier_pacs')),
        reference TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
        date_procedure TEXT CHECK (date_procedure IS NULL OR date_procedure GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        destinataire_insee TEXT NOT NULL CHECK (length(destinataire_insee) = 5),
        destinataire_nom TEXT NOT NULL,
        destinataire_departement TEXT NOT NULL,
        type_acte TEXT NOT NULL CHECK (type_acte = 'naissance'),
        -- what was written, as the contract validated it (JSON)
        saisie TEXT NOT NULL CHECK (json_valid(saisie)),
        preparee_par TEXT NOT NULL CHECK (length(preparee_par) > 0),
        preparee_le TEXT NOT NULL,
        abandonnee_le TEXT,
        CHECK ((envoi_id IS NULL) = (abandonnee_le IS NOT NULL))
      ) STRICT;
      CREATE INDEX demandes_envoyees_recentes ON demandes_envoyees (preparee_le DESC);
    `);
  },
};

import type { Migration } from './types';

/**
 * Answers prepared by the officer (electron/demandes/reponses/). The draft itself and its
 * signature stay in the outbox (`envois` on `documents_signature`, 0003/0004): these tables add
 * what the outbox does not know.
 * - `reponses_preparees`: how an answer was drafted (positive: from which act of the register
 *   and in which form; negative: the reason code and comment), who prepared it and when. A
 *   discarded draft's outbox row is deleted (it was never signed, never sent) and this row is
 *   kept, marked `abandonnee_le`, its `envoi_id` set to NULL.
 * - `confirmations_negatives`: a negative answer sent while the register held candidates: one
 *   row per candidate the officer named, with the designation shown and who confirmed it
 *   (the card session's holder and certificate fingerprint).
 * - `demandes_de_cote`: a request set aside, with its comment; deleted when taken back.
 */
export const migration0007: Migration = {
  version: 7,
  nom: 'reponses',
  monter(db) {
    db.exec(`
      CREATE TABLE reponses_preparees (
        id INTEGER PRIMARY KEY,
        demande_id INTEGER NOT NULL REFERENCES demandes (id),
        envoi_id INTEGER UNIQUE REFERENCES envois (id) ON DELETE SET NULL,
        sens TEXT NOT NULL CHECK (sens IN ('positive', 'negative')),
        acte_id INTEGER,
        forme TEXT CHECK (forme IN ('extrait_avec_filiation', 'copie_integrale')),
        motif TEXT CHECK (motif IN ('acte_non_detenu', 'donnees_insuffisantes')),
        commentaire TEXT CHECK (commentaire IS NULL OR length(commentaire) <= 2000),
        preparee_par TEXT,
        preparee_le TEXT NOT NULL,
        modifiee_le TEXT NOT NULL,
        abandonnee_le TEXT,
        CHECK ((sens = 'positive') = (acte_id IS NOT NULL AND forme IS NOT NULL AND motif IS NULL)),
        CHECK ((sens = 'negative') = (motif IS NOT NULL AND acte_id IS NULL AND forme IS NULL)),
        CHECK (abandonnee_le IS NULL OR envoi_id IS NULL)
      ) STRICT;
      CREATE INDEX reponses_preparees_demande ON reponses_preparees (demande_id);

      CREATE TABLE confirmations_negatives (
        id INTEGER PRIMARY KEY,
        reponse_id INTEGER NOT NULL REFERENCES reponses_preparees (id) ON DELETE CASCADE,
        acte_id INTEGER NOT NULL,
        designation TEXT NOT NULL CHECK (length(designation) BETWEEN 1 AND 300),
        confirmee_par TEXT NOT NULL CHECK (length(confirmee_par) >= 1),
        certificat TEXT NOT NULL,
        confirmee_le TEXT NOT NULL,
        UNIQUE (reponse_id, acte_id)
      ) STRICT;

      CREATE TABLE demandes_de_cote (
        demande_id INTEGER PRIMARY KEY REFERENCES demandes (id),
        commentaire TEXT NOT NULL CHECK (length(commentaire) BETWEEN 1 AND 2000),
        par TEXT,
        le TEXT NOT NULL
      ) STRICT;
    `);
  },
};

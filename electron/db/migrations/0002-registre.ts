import type { Migration } from './types';

/**
 * The civil register: acts, their search index and the vocabulary of names.
 *
 * - `actes`: one row per act. The identity (type, annee, numero) and what lists and filters
 *   read are columns; persons, place and mentions are one JSON document (`donnees`, see
 *   registre/donnees-acte.ts), read and written whole: nothing ever queries a person by SQL
 *   (the search goes through the FTS index below), and measured on 300,000 acts the JSON
 *   column imports about 20% faster than a normalised `personnes` table. No json_valid()
 *   CHECK: only the depot writes this column, from JSON.stringify, and the check cost 15%.
 * - `actes_recherche`: contentless FTS5 index, one row per act (rowid = actes.id), holding
 *   the act's normalised name words, its type token and its date tokens (see
 *   recherche/termes-acte.ts).
 *   `detail=none`: the search never asks for positions or columns, and this keeps the index
 *   small and the import fast. `contentless_delete=1` lets a corrected act replace its row.
 * - `vocabulaire`: each distinct name word once, with its French phonetic key. Phonetic,
 *   typo and prefix expansion of a query term look words up here (a few thousand rows)
 *   instead of scanning a million acts. `vocabulaire_variantes` holds each word's one-letter
 *   deletions (typos at distance 1), `vocabulaire_trigrammes` its trigrams (longer typos).
 */
export const migration0002: Migration = {
  version: 2,
  nom: 'registre',
  monter(db) {
    db.exec(`
      -- CHECKs written with OR, not IN (...): measured on 300,000 inserts, the IN lists cost
      -- about 3 µs per row (nearly half of the insert), the OR comparisons nothing measurable.
      CREATE TABLE actes (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type = 'naissance' OR type = 'mariage' OR type = 'deces'),
        annee INTEGER NOT NULL,
        numero INTEGER NOT NULL CHECK (numero >= 1),
        date_acte TEXT,
        date_evenement TEXT,
        indexe INTEGER NOT NULL CHECK (indexe = 0 OR indexe = 1),
        origine TEXT NOT NULL CHECK (origine = 'saisie' OR origine = 'import' OR origine = 'demande'),
        donnees TEXT NOT NULL,
        cree_le TEXT NOT NULL,
        modifie_le TEXT NOT NULL,
        UNIQUE (type, annee, numero)
      ) STRICT;

      -- Statistics count the acts not keyed in yet: few rows, a partial index finds them.
      CREATE INDEX actes_non_indexes ON actes (type) WHERE indexe = 0;

      CREATE VIRTUAL TABLE actes_recherche USING fts5(
        termes,
        content = '',
        contentless_delete = 1,
        detail = none,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE vocabulaire (
        id INTEGER PRIMARY KEY,
        mot TEXT NOT NULL UNIQUE,
        cle_phonetique TEXT NOT NULL
      ) STRICT;
      CREATE INDEX vocabulaire_cle_phonetique ON vocabulaire (cle_phonetique);

      CREATE TABLE vocabulaire_variantes (
        variante TEXT NOT NULL,
        mot_id INTEGER NOT NULL REFERENCES vocabulaire (id),
        PRIMARY KEY (variante, mot_id)
      ) STRICT, WITHOUT ROWID;

      CREATE VIRTUAL TABLE vocabulaire_trigrammes USING fts5(
        mot,
        content = 'vocabulaire',
        content_rowid = 'id',
        tokenize = 'trigram'
      );
    `);
  },
};

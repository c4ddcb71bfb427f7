import type { Migration } from './types';

/**
 * Batch signing state. One row per document to sign, keyed by the caller's stable reference
 * and the SHA-256 of its content. A row goes a_signer -> en_cours -> signe (or echec); a crash
 * leaves at most some `en_cours` rows, which `reprendre` puts back to a_signer: a signature
 * that was never stored was never released, and a stored one is never made again (trigger).
 *
 * The sync outbox (draft -> signed -> sending -> accepted/rejected) builds on this: a draft is
 * an `a_signer` row, "signed" is `signe` with its `xml_signe`; the sending states belong to the
 * outbox's own table, which references `documents_signature.id`.
 */
export const migration0003: Migration = {
  version: 3,
  nom: 'signature',
  monter(db) {
    db.exec(`
      CREATE TABLE lots_signature (
        id TEXT PRIMARY KEY,
        cree_le TEXT NOT NULL,
        termine_le TEXT,
        etat TEXT NOT NULL CHECK (etat IN ('en_cours', 'termine', 'interrompu')),
        total INTEGER NOT NULL CHECK (total >= 0),
        signes INTEGER NOT NULL DEFAULT 0,
        echecs INTEGER NOT NULL DEFAULT 0,
        motif TEXT
      ) STRICT;

      CREATE TABLE documents_signature (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 200),
        nature TEXT NOT NULL CHECK (nature IN ('reponse', 'demande', 'essai')),
        contenu TEXT NOT NULL,
        empreinte TEXT NOT NULL CHECK (length(empreinte) = 64),
        etat TEXT NOT NULL DEFAULT 'a_signer' CHECK (etat IN ('a_signer', 'en_cours', 'signe', 'echec')),
        lot_id TEXT REFERENCES lots_signature (id),
        xml_signe TEXT,
        certificat TEXT,
        nature_signataire TEXT CHECK (nature_signataire IN ('carte', 'formation')),
        signe_le TEXT,
        erreur_code TEXT,
        cree_le TEXT NOT NULL,
        modifie_le TEXT NOT NULL,
        CHECK ((etat = 'signe') = (xml_signe IS NOT NULL AND signe_le IS NOT NULL AND certificat IS NOT NULL)),
        CHECK (etat <> 'en_cours' OR lot_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX documents_signature_etat ON documents_signature (etat, id);

      -- A signed document is final: never signed again, never edited.
      CREATE TRIGGER documents_signature_figes BEFORE UPDATE ON documents_signature
      WHEN OLD.etat = 'signe'
      BEGIN
        SELECT RAISE(ABORT, 'document déjà signé');
      END;
    `);
  },
};

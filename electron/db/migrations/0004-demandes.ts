import type { Migration } from './types';

/**
 * COMEDEC requests received, quarantine, outbox and sync runs.
 *
 * - `demandes`: each request stored ONCE, keyed by the platform's id (UNIQUE): a request
 *   delivered twice hits the constraint and is counted as a duplicate. The raw XML is kept as
 *   received (what was signed is what was received), next to the parsed data (JSON). The
 *   deadlines computed in Europe/Paris at storage time are stored too, so lists filter and sort
 *   on indexed columns instead of recomputing dates for every row.
 * - `quarantaine`: a document that could not be accepted, with its reason and its raw bytes
 *   (the first 1 MiB of an oversized one), keyed by the platform's delivery id: nothing is ever
 *   dropped silently, and a bad document delivered twice is kept once.
 * - `envois`: the outbox (answers and requests sent). Built on 0003: the draft and its signature
 *   are a `documents_signature` row (to sign -> signed, frozen once signed); `envois` adds the
 *   idempotency key (made when the row is created, before any send) and the sending states
 *   'preparation' -> 'envoi' -> 'accepte' | 'rejete'. `envois_etapes` records every state
 *   change, which is how a crash is diagnosed afterwards.
 * - `reponses_recues`: answers to the requests this commune sent, stored once their XAdES
 *   signature has been verified (a bad one goes to the quarantine with the reason).
 * - `synchros`: one row per sync run, for the status shown to the user.
 */
export const migration0004: Migration = {
  version: 4,
  nom: 'demandes',
  monter(db) {
    db.exec(`
      CREATE TABLE synchros (
        id INTEGER PRIMARY KEY,
        declenchement TEXT NOT NULL CHECK (declenchement IN ('automatique', 'manuel')),
        debut TEXT NOT NULL,
        fin TEXT,
        statut TEXT NOT NULL DEFAULT 'en_cours'
          CHECK (statut IN ('en_cours', 'reussie', 'partielle', 'echouee', 'interrompue')),
        recues INTEGER NOT NULL DEFAULT 0,
        doublons INTEGER NOT NULL DEFAULT 0,
        quarantaine INTEGER NOT NULL DEFAULT 0,
        acceptees INTEGER NOT NULL DEFAULT 0,
        rejetees INTEGER NOT NULL DEFAULT 0,
        erreur TEXT,
        courriel TEXT CHECK (courriel IN ('envoye', 'echec', 'non_configure'))
      ) STRICT;

      CREATE TABLE demandes (
        id INTEGER PRIMARY KEY,
        id_plateforme TEXT NOT NULL UNIQUE,
        version_format INTEGER NOT NULL,
        specimen INTEGER NOT NULL CHECK (specimen IN (0, 1)),
        type_acte TEXT NOT NULL CHECK (type_acte IN ('naissance', 'mariage', 'deces')),
        demandeur_type TEXT NOT NULL CHECK (demandeur_type IN ('interieur', 'notaire', 'commune', 'autre')),
        mise_a_disposition TEXT NOT NULL,
        echeance_procedure TEXT,
        -- computed in Europe/Paris (shared/domain/echeances.ts) when stored
        jour_limite TEXT NOT NULL,
        retard_des TEXT NOT NULL,
        purge_le TEXT NOT NULL,
        donnees TEXT NOT NULL CHECK (json_valid(donnees)),
        document TEXT NOT NULL,
        empreinte TEXT NOT NULL,
        cycle TEXT NOT NULL DEFAULT 'recue' CHECK (cycle IN ('recue', 'en_cours', 'repondue', 'accusee')),
        sens_reponse TEXT CHECK (sens_reponse IN ('positive', 'negative')),
        recue_le TEXT NOT NULL,
        -- when the platform was told we hold it (NULL: to acknowledge at the next sync)
        accusee_le TEXT,
        synchro_id INTEGER REFERENCES synchros (id)
      ) STRICT;
      CREATE INDEX demandes_urgence ON demandes (cycle, retard_des);
      CREATE INDEX demandes_a_accuser ON demandes (id_plateforme) WHERE accusee_le IS NULL;

      CREATE TABLE quarantaine (
        id INTEGER PRIMARY KEY,
        livraison TEXT NOT NULL UNIQUE,
        id_plateforme TEXT,
        motif TEXT NOT NULL,
        raison TEXT NOT NULL,
        document BLOB NOT NULL,
        octets INTEGER NOT NULL,
        tronque INTEGER NOT NULL CHECK (tronque IN (0, 1)),
        empreinte TEXT NOT NULL,
        recue_le TEXT NOT NULL,
        accusee_le TEXT,
        synchro_id INTEGER REFERENCES synchros (id)
      ) STRICT;
      CREATE INDEX quarantaine_a_accuser ON quarantaine (livraison) WHERE accusee_le IS NULL;

      CREATE TABLE envois (
        id INTEGER PRIMARY KEY,
        nature TEXT NOT NULL CHECK (nature IN ('reponse', 'demande')),
        demande_id INTEGER REFERENCES demandes (id),
        -- the draft and its signature live in 0003's table; sending states live here
        document_signature_id INTEGER NOT NULL UNIQUE REFERENCES documents_signature (id),
        cle_idempotence TEXT NOT NULL UNIQUE CHECK (length(cle_idempotence) BETWEEN 1 AND 200),
        etat TEXT NOT NULL CHECK (etat IN ('preparation', 'envoi', 'accepte', 'rejete')),
        sens TEXT CHECK (sens IN ('positive', 'negative')),
        -- the XML Id of the signed element (what the receipt names)
        document_id TEXT NOT NULL,
        essais INTEGER NOT NULL DEFAULT 0,
        prochain_essai_le TEXT,
        derniere_erreur TEXT,
        recepisse TEXT,
        recepisse_xml TEXT,
        -- the id the platform gave the request answered or sent (answers come back under it)
        demande_plateforme TEXT,
        motif_rejet TEXT,
        message_rejet TEXT,
        cree_le TEXT NOT NULL,
        modifie_le TEXT NOT NULL,
        CHECK (etat <> 'accepte' OR recepisse IS NOT NULL),
        CHECK (etat <> 'rejete' OR motif_rejet IS NOT NULL),
        CHECK (nature <> 'reponse' OR demande_id IS NOT NULL)
      ) STRICT;
      -- at most one live answer per request: a second one can only follow a rejection
      CREATE UNIQUE INDEX envois_une_reponse ON envois (demande_id) WHERE nature = 'reponse' AND etat <> 'rejete';
      CREATE INDEX envois_a_envoyer ON envois (etat, prochain_essai_le) WHERE etat IN ('preparation', 'envoi');

      CREATE TABLE envois_etapes (
        id INTEGER PRIMARY KEY,
        envoi_id INTEGER NOT NULL REFERENCES envois (id) ON DELETE CASCADE,
        etat TEXT NOT NULL,
        le TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      CREATE INDEX envois_etapes_envoi ON envois_etapes (envoi_id);

      -- answers received to the requests this commune sent (signature checked before storing)
      CREATE TABLE reponses_recues (
        id INTEGER PRIMARY KEY,
        demande_plateforme TEXT NOT NULL UNIQUE,
        envoi_id INTEGER REFERENCES envois (id),
        document TEXT NOT NULL,
        empreinte TEXT NOT NULL,
        signataire TEXT NOT NULL,
        recue_le TEXT NOT NULL,
        synchro_id INTEGER REFERENCES synchros (id)
      ) STRICT;
    `);
  },
};

import type { Migration } from './types';

/**
 * The directory of agents and their cards (electron/annuaire/ owns every table here).
 * - `annuaire`: one row once the first officer created the directory (before it, nothing is refused);
 * - `agents`: civil status as on the identity document, function, e-mail, active or not;
 * - `roles_agents`: several roles at once; an officer's row carries the arrêté that makes them one
 *   (date, reference, scope, end if any), and only an officer's row does;
 * - `cartes_agents`: each card, its life-cycle state (shared/domain/cycle-carte.ts), the order's
 *   reason and cost (kept as computed then: the yearly table never changes afterwards), and the
 *   certificates that identify it (issuer and serial, subject, validity, fingerprint);
 * - `historique_cartes`: each step of a card's life; `journal_droits`: each change of rights
 *   (who, when, what). Both only grow.
 */
export const migration0008: Migration = {
  version: 8,
  nom: 'annuaire',
  monter(db) {
    db.exec(`
      CREATE TABLE annuaire (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cree_le TEXT NOT NULL,
        cree_par TEXT NOT NULL
      ) STRICT;

      CREATE TABLE agents (
        id INTEGER PRIMARY KEY,
        nom TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 100),
        prenoms TEXT NOT NULL CHECK (length(prenoms) BETWEEN 1 AND 200),
        date_naissance TEXT NOT NULL CHECK (date_naissance GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        fonction TEXT NOT NULL CHECK (length(fonction) BETWEEN 1 AND 200),
        email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
        actif INTEGER NOT NULL DEFAULT 1 CHECK (actif IN (0, 1)),
        cree_le TEXT NOT NULL,
        modifie_le TEXT NOT NULL
      ) STRICT;

      CREATE TABLE roles_agents (
        agent_id INTEGER NOT NULL REFERENCES agents (id),
        role TEXT NOT NULL CHECK (role IN ('officier', 'agent', 'responsable_cartes', 'delegue')),
        qualite TEXT CHECK (qualite IN ('maire', 'adjoint', 'agent_delegue')),
        arrete_le TEXT,
        arrete_reference TEXT CHECK (arrete_reference IS NULL OR length(arrete_reference) BETWEEN 1 AND 200),
        arrete_portee TEXT CHECK (arrete_portee IS NULL OR length(arrete_portee) BETWEEN 1 AND 500),
        fin TEXT,
        PRIMARY KEY (agent_id, role),
        CHECK ((role = 'officier') = (qualite IS NOT NULL AND arrete_le IS NOT NULL AND arrete_reference IS NOT NULL AND arrete_portee IS NOT NULL)),
        CHECK (role = 'officier' OR fin IS NULL),
        CHECK (fin IS NULL OR fin >= arrete_le)
      ) STRICT;

      CREATE TABLE cartes_agents (
        id INTEGER PRIMARY KEY,
        agent_id INTEGER NOT NULL REFERENCES agents (id),
        etat TEXT NOT NULL CHECK (etat IN ('commandee', 'remise', 'activee', 'revoquee', 'expiree', 'renouvelee')),
        motif_revocation TEXT CHECK (motif_revocation IN ('depart', 'perte', 'vol', 'casse', 'dysfonctionnement')),
        motif_commande TEXT NOT NULL
          CHECK (motif_commande IN ('premiere', 'renouvellement', 'perte', 'vol', 'casse', 'pin_oublie', 'dysfonctionnement')),
        cout_ht_centimes INTEGER NOT NULL CHECK (cout_ht_centimes >= 0),
        commandee_le TEXT NOT NULL,
        remise_le TEXT,
        auth_emetteur TEXT,
        auth_serie TEXT,
        auth_sujet TEXT,
        auth_empreinte TEXT UNIQUE,
        sign_emetteur TEXT,
        sign_serie TEXT,
        sign_sujet TEXT,
        sign_empreinte TEXT UNIQUE,
        debut_validite TEXT,
        fin_validite TEXT,
        modifiee_le TEXT NOT NULL,
        UNIQUE (auth_emetteur, auth_serie),
        CHECK ((etat = 'revoquee') = (motif_revocation IS NOT NULL)),
        -- A card in hand is known by its authentication certificate; an ordered one not yet.
        CHECK (etat = 'commandee' OR (auth_emetteur IS NOT NULL AND auth_serie IS NOT NULL AND auth_empreinte IS NOT NULL)),
        CHECK ((sign_emetteur IS NULL) = (sign_serie IS NULL) AND (sign_serie IS NULL) = (sign_empreinte IS NULL))
      ) STRICT;
      CREATE INDEX cartes_agents_agent ON cartes_agents (agent_id);

      CREATE TABLE historique_cartes (
        id INTEGER PRIMARY KEY,
        carte_id INTEGER NOT NULL REFERENCES cartes_agents (id),
        action TEXT NOT NULL,
        de TEXT,
        vers TEXT NOT NULL,
        motif TEXT,
        par TEXT NOT NULL,
        le TEXT NOT NULL
      ) STRICT;
      CREATE INDEX historique_cartes_carte ON historique_cartes (carte_id);

      CREATE TABLE journal_droits (
        id INTEGER PRIMARY KEY,
        le TEXT NOT NULL,
        par TEXT NOT NULL CHECK (length(par) >= 1),
        par_certificat TEXT,
        agent_id INTEGER REFERENCES agents (id),
        quoi TEXT NOT NULL CHECK (length(quoi) BETWEEN 1 AND 1000)
      ) STRICT;

      CREATE TRIGGER historique_cartes_sans_modification BEFORE UPDATE ON historique_cartes
        BEGIN SELECT RAISE(ABORT, 'historique des cartes : on ajoute, on ne modifie pas'); END;
      CREATE TRIGGER historique_cartes_sans_suppression BEFORE DELETE ON historique_cartes
        BEGIN SELECT RAISE(ABORT, 'historique des cartes : on ajoute, on ne supprime pas'); END;
      CREATE TRIGGER journal_droits_sans_modification BEFORE UPDATE ON journal_droits
        BEGIN SELECT RAISE(ABORT, 'journal des droits : on ajoute, on ne modifie pas'); END;
      CREATE TRIGGER journal_droits_sans_suppression BEFORE DELETE ON journal_droits
        BEGIN SELECT RAISE(ABORT, 'journal des droits : on ajoute, on ne supprime pas'); END;
    `);
  },
};

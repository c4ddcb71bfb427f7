import type { Migration } from './types';

/**
 * A request is identified by the platform that numbered it AND that platform's id: two
 * platforms (a fresh sandbox, the training platform, the real one) all number from 1, and
 * deduplicating by the id alone dropped real requests as "duplicates" of training ones.
 *
 * `demandes.id_plateforme` and `quarantaine.livraison` were UNIQUE on their own; SQLite cannot
 * drop a column constraint, so both tables are rebuilt (SQLite's documented 12-step procedure:
 * the runner turns foreign keys off around the transaction and checks them before committing,
 * so dropping the old table cascades nothing). Rows stored before this version get
 * `plateforme = ''` (unknown): the reception compares their content to tell a redelivery from
 * a different document.
 */
export const migration0006: Migration = {
  version: 6,
  nom: 'plateforme des demandes',
  clesEtrangeresSuspendues: true,
  monter(db) {
    db.exec(`
      CREATE TABLE demandes_0006 (
        id INTEGER PRIMARY KEY,
        plateforme TEXT NOT NULL DEFAULT '' CHECK (length(plateforme) <= 300),
        id_plateforme TEXT NOT NULL,
        version_format INTEGER NOT NULL,
        specimen INTEGER NOT NULL CHECK (specimen IN (0, 1)),
        type_acte TEXT NOT NULL CHECK (type_acte IN ('naissance', 'mariage', 'deces')),
        demandeur_type TEXT NOT NULL CHECK (demandeur_type IN ('interieur', 'notaire', 'commune', 'autre')),
        mise_a_disposition TEXT NOT NULL,
        echeance_procedure TEXT,
        jour_limite TEXT NOT NULL,
        retard_des TEXT NOT NULL,
        purge_le TEXT NOT NULL,
        donnees TEXT NOT NULL CHECK (json_valid(donnees)),
        document TEXT NOT NULL,
        empreinte TEXT NOT NULL,
        cycle TEXT NOT NULL DEFAULT 'recue' CHECK (cycle IN ('recue', 'en_cours', 'repondue', 'accusee')),
        sens_reponse TEXT CHECK (sens_reponse IN ('positive', 'negative')),
        recue_le TEXT NOT NULL,
        accusee_le TEXT,
        synchro_id INTEGER REFERENCES synchros (id),
        UNIQUE (plateforme, id_plateforme)
      ) STRICT;
      INSERT INTO demandes_0006 (id, plateforme, id_plateforme, version_format, specimen, type_acte, demandeur_type,
        mise_a_disposition, echeance_procedure, jour_limite, retard_des, purge_le, donnees, document, empreinte, cycle,
        sens_reponse, recue_le, accusee_le, synchro_id)
      SELECT id, '', id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition,
        echeance_procedure, jour_limite, retard_des, purge_le, donnees, document, empreinte, cycle, sens_reponse,
        recue_le, accusee_le, synchro_id
      FROM demandes;
      DROP TABLE demandes;
      ALTER TABLE demandes_0006 RENAME TO demandes;
      CREATE INDEX demandes_urgence ON demandes (cycle, retard_des);
      CREATE INDEX demandes_a_accuser ON demandes (plateforme, id_plateforme) WHERE accusee_le IS NULL;

      CREATE TABLE quarantaine_0006 (
        id INTEGER PRIMARY KEY,
        plateforme TEXT NOT NULL DEFAULT '' CHECK (length(plateforme) <= 300),
        livraison TEXT NOT NULL,
        id_plateforme TEXT,
        motif TEXT NOT NULL,
        raison TEXT NOT NULL,
        document BLOB NOT NULL,
        octets INTEGER NOT NULL,
        tronque INTEGER NOT NULL CHECK (tronque IN (0, 1)),
        empreinte TEXT NOT NULL,
        recue_le TEXT NOT NULL,
        accusee_le TEXT,
        synchro_id INTEGER REFERENCES synchros (id),
        UNIQUE (plateforme, livraison, empreinte)
      ) STRICT;
      INSERT INTO quarantaine_0006 (id, plateforme, livraison, id_plateforme, motif, raison, document, octets, tronque,
        empreinte, recue_le, accusee_le, synchro_id)
      SELECT id, '', livraison, id_plateforme, motif, raison, document, octets, tronque, empreinte, recue_le, accusee_le, synchro_id
      FROM quarantaine;
      DROP TABLE quarantaine;
      ALTER TABLE quarantaine_0006 RENAME TO quarantaine;
      CREATE INDEX quarantaine_a_accuser ON quarantaine (plateforme, livraison) WHERE accusee_le IS NULL;
    `);
  },
};

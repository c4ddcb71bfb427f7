import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0003 } from '../../../electron/db/migrations/0003-signature';
import { migration0004 } from '../../../electron/db/migrations/0004-demandes';

const T = '2026-01-01T00:00:00Z';
const H = 'b'.repeat(64);

function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0003.monter(db);
  migration0004.monter(db);
  return db;
}

function demande(db: Database.Database, id: string) {
  return Number(
    db
      .prepare(
        `INSERT INTO demandes (id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition, jour_limite,
           retard_des, purge_le, donnees, document, empreinte, recue_le) VALUES (?, 2, 0, 'naissance', 'notaire', ?, '2026-01-21', ?, ?, '{}', '<demande/>', ?, ?)`,
      )
      .run(id, T, T, T, H, T).lastInsertRowid,
  );
}

let docs = 0;
function documentSigne(db: Database.Database) {
  docs++;
  return Number(
    db
      .prepare(
        `INSERT INTO documents_signature (reference, nature, contenu, empreinte, cree_le, modifie_le) VALUES (?, 'reponse', '<r/>', ?, ?, ?)`,
      )
      .run(`reponse:${docs}`, H, T, T).lastInsertRowid,
  );
}

function envoi(
  db: Database.Database,
  demandeId: number | null,
  cle: string,
  etat = 'preparation',
  autres: Record<string, string | null> = {},
) {
  return db
    .prepare(
      `INSERT INTO envois (nature, demande_id, document_signature_id, cle_idempotence, etat, document_id, recepisse, motif_rejet, cree_le, modifie_le)
       VALUES ('reponse', ?, ?, ?, ?, 'REP-1', ?, ?, ?, ?)`,
    )
    .run(demandeId, documentSigne(db), cle, etat, autres.recepisse ?? null, autres.motif ?? null, T, T);
}

describe('migration 0004 : demandes, quarantaine, boîte d’envoi, synchronisations', () => {
  it('crée des tables STRICT', () => {
    const db = base();
    for (const t of ['synchros', 'demandes', 'quarantaine', 'envois', 'envois_etapes', 'reponses_recues']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/STRICT/);
    }
  });

  it('une demande est stockée une seule fois par identifiant de la plateforme', () => {
    const db = base();
    demande(db, 'DEM-1');
    expect(() => demande(db, 'DEM-1')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE demandes SET cycle = 'perdue'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE demandes SET donnees = 'pas du json'").run()).toThrow(/CHECK/);
  });

  it('un document en quarantaine est gardé une fois par livraison', () => {
    const db = base();
    const q = db.prepare(
      `INSERT INTO quarantaine (livraison, motif, raison, document, octets, tronque, empreinte, recue_le) VALUES (?, 'xml_mal_forme', 'x', ?, 3, 0, ?, ?)`,
    );
    q.run('DEM-9', Buffer.from('<a'), H, T);
    expect(() => q.run('DEM-9', Buffer.from('<a'), H, T)).toThrow(/UNIQUE/);
  });

  it('boîte d’envoi : clé d’idempotence unique, une seule réponse vivante par demande', () => {
    const db = base();
    const d = demande(db, 'DEM-1');
    envoi(db, d, 'cle-1');
    expect(() => envoi(db, d, 'cle-1')).toThrow(/UNIQUE/);
    expect(() => envoi(db, d, 'cle-2')).toThrow(/UNIQUE/);
    db.prepare(
      "UPDATE envois SET etat = 'rejete', motif_rejet = 'signature_invalide' WHERE cle_idempotence = 'cle-1'",
    ).run();
    envoi(db, d, 'cle-2');
    expect(() => envoi(db, d, '')).toThrow(/CHECK/);
  });

  it('un envoi accepté a son récépissé, un envoi rejeté son motif, une réponse sa demande', () => {
    const db = base();
    const d1 = demande(db, 'DEM-1');
    const d2 = demande(db, 'DEM-2');
    expect(() => envoi(db, d1, 'a', 'accepte')).toThrow(/CHECK/);
    envoi(db, d1, 'b', 'accepte', { recepisse: 'AR-1' });
    expect(() => envoi(db, d2, 'c', 'rejete')).toThrow(/CHECK/);
    expect(() => envoi(db, null, 'd')).toThrow(/CHECK/);
    expect(() => envoi(db, d2, 'e', 'perdu')).toThrow(/CHECK/);
  });

  it('un envoi renvoie à un vrai document à signer (clé étrangère vers 0003)', () => {
    const db = base();
    const d = demande(db, 'DEM-1');
    expect(() =>
      db
        .prepare(
          `INSERT INTO envois (nature, demande_id, document_signature_id, cle_idempotence, etat, document_id, cree_le, modifie_le)
           VALUES ('reponse', ?, 999, 'k', 'preparation', 'REP-1', ?, ?)`,
        )
        .run(d, T, T),
    ).toThrow(/FOREIGN KEY/);
  });
});

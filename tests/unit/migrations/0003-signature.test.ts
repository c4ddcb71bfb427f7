import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0003 } from '../../../electron/db/migrations/0003-signature';

const T = '2026-01-01T00:00:00Z';
const H = 'a'.repeat(64);

function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0003.monter(db);
  return db;
}

describe('migration 0003 : signature par lots', () => {
  it('crée des tables STRICT', () => {
    const db = base();
    for (const t of ['lots_signature', 'documents_signature']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql).toMatch(/STRICT/);
    }
  });

  it('impose référence unique, empreinte SHA-256 et états connus', () => {
    const db = base();
    const ins = db.prepare(
      `INSERT INTO documents_signature (reference, nature, contenu, empreinte, cree_le, modifie_le) VALUES (?, 'reponse', '<a/>', ?, ?, ?)`,
    );
    ins.run('reponse:1', H, T, T);
    expect(() => ins.run('reponse:1', H, T, T)).toThrow(/UNIQUE/);
    expect(() => ins.run('reponse:2', 'court', T, T)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE documents_signature SET etat = 'envoye'").run()).toThrow(/CHECK/);
  });

  it('un document signé porte sa sortie, et ne peut plus changer', () => {
    const db = base();
    db.prepare(`INSERT INTO lots_signature (id, cree_le, etat, total) VALUES ('l1', ?, 'en_cours', 1)`).run(T);
    db.prepare(
      `INSERT INTO documents_signature (reference, nature, contenu, empreinte, cree_le, modifie_le) VALUES ('r', 'reponse', '<a/>', ?, ?, ?)`,
    ).run(H, T, T);
    // "signe" without its signed XML is refused
    expect(() => db.prepare("UPDATE documents_signature SET etat = 'signe'").run()).toThrow(/CHECK/);
    // "en_cours" needs a batch
    expect(() => db.prepare("UPDATE documents_signature SET etat = 'en_cours'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE documents_signature SET etat = 'en_cours', lot_id = 'l1'").run();
    db.prepare(
      "UPDATE documents_signature SET etat = 'signe', xml_signe = '<a><S/></a>', signe_le = ?, certificat = ?",
    ).run(T, H);
    expect(() => db.prepare("UPDATE documents_signature SET etat = 'a_signer'").run()).toThrow(/déjà signé/);
    expect(() => db.prepare("UPDATE documents_signature SET xml_signe = '<autre/>'").run()).toThrow(/déjà signé/);
    expect((db.prepare('SELECT xml_signe FROM documents_signature').get() as { xml_signe: string }).xml_signe).toBe(
      '<a><S/></a>',
    );
  });

  it('un document ne peut référencer un lot inexistant', () => {
    const db = base();
    expect(() =>
      db
        .prepare(
          `INSERT INTO documents_signature (reference, nature, contenu, empreinte, etat, lot_id, cree_le, modifie_le) VALUES ('r', 'reponse', '<a/>', ?, 'en_cours', 'inconnu', ?, ?)`,
        )
        .run(H, T, T),
    ).toThrow(/FOREIGN KEY/);
  });
});

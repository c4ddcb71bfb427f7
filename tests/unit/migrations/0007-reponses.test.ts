import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';

const T = '2026-01-01T00:00:00Z';
const H = 'c'.repeat(64);

/** A database at version 6 holding a request and its draft answer in the outbox. */
function baseEnVersion6() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrer(db, migrations.slice(0, 6));
  db.prepare(
    `INSERT INTO demandes (id, plateforme, id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition, jour_limite,
       retard_des, purge_le, donnees, document, empreinte, recue_le) VALUES (1, 'p', 'DEM-1', 2, 0, 'naissance', 'notaire', ?, '2026-01-21', ?, ?, '{}', '<demande/>', ?, ?)`,
  ).run(T, T, T, H, T);
  db.prepare(
    `INSERT INTO documents_signature (id, reference, nature, contenu, empreinte, cree_le, modifie_le) VALUES (1, 'reponse:1', 'reponse', '<r/>', ?, ?, ?)`,
  ).run(H, T, T);
  db.prepare(
    `INSERT INTO envois (id, nature, demande_id, document_signature_id, cle_idempotence, etat, document_id, cree_le, modifie_le) VALUES (1, 'reponse', 1, 1, 'cle-1', 'preparation', 'R1', ?, ?)`,
  ).run(T, T);
  return db;
}

describe('migration 0007 : réponses préparées, confirmations des réponses négatives, demandes mises de côté', () => {
  it('monte en une fois sur une base en version 6 sans toucher à ce qu’elle contient', () => {
    const db = baseEnVersion6();
    expect(migrer(db, migrations.slice(0, 7))).toEqual({ avant: 6, apres: 7 });
    expect(db.prepare('SELECT count(*) FROM envois').pluck().get()).toBe(1);
    for (const t of ['reponses_preparees', 'confirmations_negatives', 'demandes_de_cote']) {
      expect((db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql).toMatch(
        /STRICT/,
      );
    }
  });

  it('une réponse positive nomme son acte et sa forme, une négative son motif ; rien d’autre', () => {
    const db = baseEnVersion6();
    migrer(db, migrations);
    const inserer = db.prepare(
      `INSERT INTO reponses_preparees (demande_id, envoi_id, sens, acte_id, forme, motif, preparee_le, modifiee_le) VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
    );
    expect(() => inserer.run(1, 'positive', null, 'copie_integrale', null, T, T)).toThrow(/CHECK/);
    expect(() => inserer.run(1, 'positive', 5, 'copie_integrale', 'acte_non_detenu', T, T)).toThrow(/CHECK/);
    expect(() => inserer.run(1, 'negative', 5, null, 'acte_non_detenu', T, T)).toThrow(/CHECK/);
    expect(() => inserer.run(1, 'negative', null, null, 'autre_motif', T, T)).toThrow(/CHECK/);
    const id = Number(inserer.run(1, 'negative', null, null, 'acte_non_detenu', T, T).lastInsertRowid);
    // one prepared answer per outbox row
    expect(() => inserer.run(1, 'negative', null, null, 'donnees_insuffisantes', T, T)).toThrow(/UNIQUE/);
    // a confirmation names an act and who gave it
    const confirmer = db.prepare(
      `INSERT INTO confirmations_negatives (reponse_id, acte_id, designation, confirmee_par, certificat, confirmee_le) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    expect(() => confirmer.run(id, 7, 'acte de naissance n° 7 de 1987', '', H, T)).toThrow(/CHECK/);
    confirmer.run(id, 7, 'acte de naissance n° 7 de 1987', 'Jeanne OFFICIER', H, T);
    expect(() => confirmer.run(id, 7, 'acte de naissance n° 7 de 1987', 'Jeanne OFFICIER', H, T)).toThrow(/UNIQUE/);
  });

  it('abandonner un brouillon : l’envoi supprimé, la réponse préparée reste, détachée', () => {
    const db = baseEnVersion6();
    migrer(db, migrations);
    db.prepare(
      `INSERT INTO reponses_preparees (id, demande_id, envoi_id, sens, motif, preparee_le, modifiee_le) VALUES (1, 1, 1, 'negative', 'acte_non_detenu', ?, ?)`,
    ).run(T, T);
    // still attached: cannot be marked discarded
    expect(() => db.prepare('UPDATE reponses_preparees SET abandonnee_le = ? WHERE id = 1').run(T)).toThrow(/CHECK/);
    db.prepare('UPDATE reponses_preparees SET abandonnee_le = ?, envoi_id = NULL WHERE id = 1').run(T);
    db.prepare('DELETE FROM envois WHERE id = 1').run();
    expect(db.prepare('SELECT envoi_id, abandonnee_le FROM reponses_preparees').get()).toEqual({
      envoi_id: null,
      abandonnee_le: T,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('une demande mise de côté l’est une fois, avec un commentaire', () => {
    const db = baseEnVersion6();
    migrer(db, migrations);
    const poser = db.prepare('INSERT INTO demandes_de_cote (demande_id, commentaire, par, le) VALUES (?, ?, NULL, ?)');
    expect(() => poser.run(1, '', T)).toThrow(/CHECK/);
    expect(() => poser.run(99, 'x', T)).toThrow(/FOREIGN KEY/);
    poser.run(1, 'attendre le registre papier', T);
    expect(() => poser.run(1, 'encore', T)).toThrow(/UNIQUE|PRIMARY/);
  });
});

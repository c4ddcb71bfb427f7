import type { Statement } from 'better-sqlite3';
import type { Base } from '../../db';
import { TypesActe, type TypeActe } from '../../../shared/domain/acte';

/**
 * Acts already met in the file being imported, to refuse a second row with the same identity
 * (type, year, number). Kept in a TEMP table of the importing connection rather than a JS Set:
 * SQLite spills it to a temporary file, so memory stays flat for a file of any size, and the
 * other connections (the UI) never see it.
 */
export class ClesDuFichier {
  private readonly inserer: Statement<[number, number, number, number]>;
  private readonly premiereLigne: Statement<[number, number, number], { ligne: number }>;

  constructor(private readonly db: Base) {
    db.exec(`DROP TABLE IF EXISTS temp.import_cles;
      CREATE TEMP TABLE import_cles (
        type INTEGER NOT NULL, annee INTEGER NOT NULL, numero INTEGER NOT NULL, ligne INTEGER NOT NULL,
        PRIMARY KEY (type, annee, numero)
      ) WITHOUT ROWID`);
    this.inserer = db.prepare(
      'INSERT OR IGNORE INTO temp.import_cles (type, annee, numero, ligne) VALUES (?, ?, ?, ?)',
    );
    this.premiereLigne = db.prepare('SELECT ligne FROM temp.import_cles WHERE type = ? AND annee = ? AND numero = ?');
  }

  /** Records the act's key; returns the line where the same key was first met, or null if new. */
  noter(type: TypeActe, annee: number, numero: number, ligne: number): number | null {
    const t = TypesActe.indexOf(type);
    if (this.inserer.run(t, annee, numero, ligne).changes === 1) return null;
    return this.premiereLigne.get(t, annee, numero)?.ligne ?? null;
  }

  supprimer(): void {
    this.db.exec('DROP TABLE IF EXISTS temp.import_cles');
  }
}

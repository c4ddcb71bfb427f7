import type Database from 'better-sqlite3';
import { parConnexion, type Base } from '../../db';
import { clePhonetique } from '../../../shared/domain/phonetique';
import { LONGUEUR_MINIMALE_TYPO, suppressionsUneLettre } from './variantes';

/**
 * Keeps the `vocabulaire` tables (see migration 0002) holding every name word of the
 * register, with its phonetic key, its trigrams and its one-letter deletions.
 *
 * Speed: importing a million acts asks about 15 million times "is this word known?", for a
 * few thousand distinct words. The answer is remembered in memory; SQL is touched only for a
 * word never seen. The memory must not lie after a rollback (the import's transaction may
 * fail after new words were added): the last word this object inserted is re-read by id
 * before each use of the memory. A rollback always undoes the most recent writes first, so
 * if that word is still there, every word inserted before it is too; if not, the memory is
 * dropped and rebuilt. One object per connection (`vocabulairePour`) so that every depot on
 * a connection shares the same memory and the same "last word".
 */
export class Vocabulaire {
  private readonly connus = new Set<string>();
  private dernier: { id: number; mot: string } | undefined;
  private readonly inserer: Database.Statement<[string, string]>;
  private readonly insererTrigrammes: Database.Statement<[number, string]>;
  private readonly insererVariante: Database.Statement<[string, number]>;
  private readonly motParId: Database.Statement<[number], string>;

  constructor(db: Base) {
    this.inserer = db.prepare(
      'INSERT INTO vocabulaire (mot, cle_phonetique) VALUES (?, ?) ON CONFLICT (mot) DO NOTHING',
    );
    this.insererTrigrammes = db.prepare('INSERT INTO vocabulaire_trigrammes (rowid, mot) VALUES (?, ?)');
    this.insererVariante = db.prepare(
      'INSERT INTO vocabulaire_variantes (variante, mot_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.motParId = db.prepare<[number], string>('SELECT mot FROM vocabulaire WHERE id = ?').pluck();
  }

  /** Makes sure these normalised words are in the vocabulary. Runs in the caller's transaction. */
  assurer(mots: readonly string[]): void {
    if (this.dernier && this.motParId.get(this.dernier.id) !== this.dernier.mot) {
      this.connus.clear();
      this.dernier = undefined;
    }
    for (const mot of mots) {
      if (this.connus.has(mot)) continue;
      if (mot.length >= 2 && /[a-z]/.test(mot)) this.ajouter(mot);
      this.connus.add(mot);
    }
  }

  private ajouter(mot: string): void {
    const r = this.inserer.run(mot, clePhonetique(mot));
    if (r.changes !== 1) return;
    const id = Number(r.lastInsertRowid);
    this.insererTrigrammes.run(id, mot);
    if (mot.length >= LONGUEUR_MINIMALE_TYPO)
      for (const v of suppressionsUneLettre(mot)) this.insererVariante.run(v, id);
    this.dernier = { id, mot };
  }
}

export const vocabulairePour = parConnexion((db) => new Vocabulaire(db));

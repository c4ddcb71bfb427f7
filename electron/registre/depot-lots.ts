import type Database from 'better-sqlite3';
import type { Base } from '../db';
import { DepotActes, type EffetEnregistrement } from './depot';
import { acteDuLot, CHAMPS_PAR_ACTE, type ValeurLot } from './lot-actes';
import { vocabulairePour } from './recherche/vocabulaire';

/**
 * The store's bulk-write path, for the CSV import: batches of prepared acts (lot-actes.ts)
 * written with a few statements per batch instead of a few per act. Runs inside the
 * caller's transaction (the import's single one: all or nothing).
 *
 * Same result as `DepotActes.enregistrerPrepare` act after act (tests/integration/registre/
 * import-lots.test.ts compares both registers and their searches):
 * - new acts are inserted by multi-row INSERT statements bound straight to the batch's array
 *   (one call into SQLite per 64 acts instead of one per act), their search-index rows too;
 * - an act whose key is already in the register goes through the ordinary path of the
 *   depot (compare, update, re-index), which is rare in a bulk import (a file imported again);
 * - the batch's new words go to the vocabulary as the incremental path adds them.
 *
 * While a bulk load runs, FTS5 keeps more pending index data in memory before writing a
 * segment ('hashsize'): fewer, larger segments and fewer merges; `terminer` puts the
 * setting back.
 */
const HASHSIZE_NORMAL = 1024 * 1024;
const HASHSIZE_CHARGEMENT = 16 * 1024 * 1024;

export interface BilanLot {
  ajoutes: number;
  modifies: number;
  inchanges: number;
}

/** Acts per multi-row statement (8 values each: well below SQLite's 32,766 parameters). */
const RANGEES = 64;

export class EcrivainLots {
  private readonly depot: DepotActes;
  private readonly s: {
    maxId: Database.Statement<[], number | null>;
    idParCle: Database.Statement<[string, number, number], number>;
    inserer: Database.Statement<ValeurLot[]>;
    insererUn: Database.Statement<ValeurLot[]>;
    indexer: Database.Statement<ValeurLot[]>;
    indexerUn: Database.Statement<ValeurLot[]>;
    reglerFts: Database.Statement<[bigint]>;
  };

  constructor(
    private readonly db: Base,
    /** Creation and modification stamp of the acts written. */
    private readonly horodatage: string,
  ) {
    this.depot = new DepotActes(db);
    // The batch's cells bound as they are: 8 per act, the 8th (the index text) left out here.
    const insertion = (n: number) =>
      db.prepare<ValeurLot[]>(
        `INSERT INTO actes (type, annee, numero, date_acte, date_evenement, indexe, origine, donnees, cree_le, modifie_le)
         SELECT column1, column2, column3, column4, column5, column6, 'import', column7, ${citerSql(horodatage)}, ${citerSql(horodatage)}
         FROM (VALUES ${Array(n)
           .fill(`(${Array(CHAMPS_PAR_ACTE).fill('?').join(', ')})`)
           .join(', ')}) WHERE true
         ON CONFLICT (type, annee, numero) DO NOTHING`,
      );
    const indexation = (n: number) =>
      db.prepare<ValeurLot[]>(
        `INSERT INTO actes_recherche (rowid, termes) VALUES ${Array(n).fill('(?, ?)').join(', ')}`,
      );
    this.s = {
      maxId: db.prepare<[], number | null>('SELECT max(id) FROM actes').pluck(),
      idParCle: db
        .prepare<[string, number, number], number>('SELECT id FROM actes WHERE type = ? AND annee = ? AND numero = ?')
        .pluck(),
      inserer: insertion(RANGEES),
      insererUn: insertion(1),
      indexer: indexation(RANGEES),
      indexerUn: indexation(1),
      // A BigInt: FTS5 refuses the setting from a floating-point value (a JS number binds as one).
      reglerFts: db.prepare(`INSERT INTO actes_recherche (actes_recherche, rank) VALUES ('hashsize', ?)`),
    };
  }

  /** Before the first batch, inside the transaction. */
  commencer(): void {
    this.s.reglerFts.run(BigInt(HASHSIZE_CHARGEMENT));
  }

  /**
   * Writes one batch (`lot`: see lot-actes.ts; `mots`: name words of these acts the
   * vocabulary may not hold yet).
   */
  ecrire(lot: readonly ValeurLot[], mots: readonly string[]): BilanLot {
    const nombre = lot.length / CHAMPS_PAR_ACTE;
    const bilan: BilanLot = { ajoutes: 0, modifies: 0, inchanges: 0 };
    if (nombre === 0) return bilan;
    if (mots.length) vocabulairePour(this.db).assurer(mots);
    const maxAvant = this.s.maxId.get() ?? 0;
    let changes = 0;
    let i = 0;
    for (; i + RANGEES <= nombre; i += RANGEES)
      changes += this.s.inserer.run(...lot.slice(i * CHAMPS_PAR_ACTE, (i + RANGEES) * CHAMPS_PAR_ACTE)).changes;
    for (; i < nombre; i++)
      changes += this.s.insererUn.run(...lot.slice(i * CHAMPS_PAR_ACTE, (i + 1) * CHAMPS_PAR_ACTE)).changes;
    bilan.ajoutes = changes;
    // Every act of the batch was new: SQLite gave them the ids after the largest one, in order.
    const suite = changes === nombre && (this.s.maxId.get() ?? 0) === maxAvant + nombre;
    const aIndexer: ValeurLot[] = [];
    for (let k = 0; k < nombre; k++) {
      const d = k * CHAMPS_PAR_ACTE;
      const id = suite
        ? maxAvant + 1 + k
        : this.s.idParCle.get(lot[d] as string, lot[d + 1] as number, lot[d + 2] as number)!;
      if (id > maxAvant) aIndexer.push(id, lot[d + 7]);
      else {
        // Already in the register: compared, and updated if it changed, by the ordinary path.
        const effet: EffetEnregistrement = this.depot.enregistrerPrepare(acteDuLot(lot, k), this.horodatage).effet;
        if (effet === 'modifie') bilan.modifies++;
        else bilan.inchanges++;
      }
    }
    const n = aIndexer.length / 2;
    let j = 0;
    for (; j + RANGEES <= n; j += RANGEES) this.s.indexer.run(...aIndexer.slice(j * 2, (j + RANGEES) * 2));
    for (; j < n; j++) this.s.indexerUn.run(aIndexer[j * 2], aIndexer[j * 2 + 1]);
    return bilan;
  }

  /** After the last batch, inside the transaction: the index's ordinary settings again. */
  terminer(): void {
    this.s.reglerFts.run(BigInt(HASHSIZE_NORMAL));
  }
}

function citerSql(texte: string): string {
  return `'${texte.replace(/'/g, "''")}'`;
}

import type Database from 'better-sqlite3';
import type { TypeActe } from '../../../shared/domain/acte';
import type { Base } from '../../db';
import { decoderDonnees } from '../donnees-acte';
import { termesActe } from './termes-acte';
import { vocabulairePour } from './vocabulaire';

/**
 * The one-time rewrite of every act's search terms that a migration asked for
 * (`travaux_registre`, migration 0015: acts stored before the place normaliser have no place
 * tokens). Runs at start-up, before the register is searched or matched (mondes.ts, and the
 * command-line doors that read the index), and does nothing when no work is recorded.
 *
 * In bulk, for a million acts: the whole index is emptied at once ('delete-all', instead of
 * one contentless delete per act), the acts are read by pages of ids (a write cannot run
 * while a read of the same connection is still stepping), and their new rows go in by
 * multi-row INSERT statements, with FTS5 holding more pending data in memory meanwhile, as
 * the bulk import does (depot-lots.ts). One transaction, which also deletes the work's row:
 * all of it is done, or none and it runs again at the next start.
 */
const TRAVAIL = 'termes-recherche';
const PAGE = 10_000;
const RANGEES = 64;
const HASHSIZE_NORMAL = 1024 * 1024;
const HASHSIZE_CHARGEMENT = 16 * 1024 * 1024;

interface LigneActe {
  id: number;
  type: TypeActe;
  annee: number;
  date_evenement: string | null;
  donnees: string;
}

export interface BilanReconstruction {
  actes: number;
  ms: number;
}

/** Whether a migration left the search terms to be written again. */
export function termesARefaire(db: Base): boolean {
  return db.prepare('SELECT 1 FROM travaux_registre WHERE travail = ?').get(TRAVAIL) !== undefined;
}

/** Does the recorded rewrite, if any (null: nothing was recorded). */
export function reconstruireTermesEnAttente(db: Base): BilanReconstruction | null {
  if (!termesARefaire(db)) return null;
  const debut = performance.now();
  const actes = db.transaction(() => {
    const n = reecrireTermes(db);
    db.prepare('DELETE FROM travaux_registre WHERE travail = ?').run(TRAVAIL);
    return n;
  })();
  return { actes, ms: Math.round(performance.now() - debut) };
}

function reecrireTermes(db: Base): number {
  const page = db.prepare<[number, number], LigneActe>(
    'SELECT id, type, annee, date_evenement, donnees FROM actes WHERE id > ? ORDER BY id LIMIT ?',
  );
  const indexation = (n: number) =>
    db.prepare<(string | number)[]>(
      `INSERT INTO actes_recherche (rowid, termes) VALUES ${Array(n).fill('(?, ?)').join(', ')}`,
    );
  const indexer = indexation(RANGEES);
  const indexerUn = indexation(1);
  const reglerFts: Database.Statement<[bigint]> = db.prepare(
    `INSERT INTO actes_recherche (actes_recherche, rank) VALUES ('hashsize', ?)`,
  );
  const vocabulaire = vocabulairePour(db);

  db.prepare(`INSERT INTO actes_recherche (actes_recherche) VALUES ('delete-all')`).run();
  reglerFts.run(BigInt(HASHSIZE_CHARGEMENT));
  let total = 0;
  let dernier = 0;
  for (;;) {
    const lignes = page.all(dernier, PAGE);
    if (lignes.length === 0) break;
    const valeurs: (string | number)[] = [];
    for (const l of lignes) {
      const { texte, mots } = termesActe({
        type: l.type,
        annee: l.annee,
        dateEvenement: l.date_evenement,
        ...decoderDonnees(l.donnees),
      });
      // Name words already had their place in the vocabulary; kept in step all the same.
      if (mots.length) vocabulaire.assurer(mots);
      valeurs.push(l.id, texte);
    }
    let i = 0;
    for (; i + RANGEES <= lignes.length; i += RANGEES) indexer.run(...valeurs.slice(i * 2, (i + RANGEES) * 2));
    for (; i < lignes.length; i++) indexerUn.run(valeurs[i * 2], valeurs[i * 2 + 1]);
    total += lignes.length;
    dernier = lignes[lignes.length - 1].id;
  }
  reglerFts.run(BigInt(HASHSIZE_NORMAL));
  return total;
}

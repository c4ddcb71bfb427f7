import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RapportImport } from '../../../shared/contract/registre';
import { dateIsoDuJour } from '../../../shared/domain/dates';
import { erreurs, RegistreError } from '../../../shared/errors';
import { ouvrirBase, type Base } from '../../db';
import { journal } from '../../journal';
import { EcrivainLots } from '../depot-lots';
import { lancerLecture, TAILLE_MIN_TRAVAILLEUR, type Lecture } from './lanceur-lecture';
import type { MessageLecture } from './lecture-lots';

/**
 * The CSV import, as a plain function: the worker thread, the CLI and the benchmark call it.
 *
 * Two threads: one reads and checks the file and prepares the acts (lecture-lots.ts, in a
 * worker of its own, heap capped), this one only writes them, in batches (depot-lots.ts).
 *
 * All or nothing: the whole file goes in ONE transaction. A crash, a killed worker or a
 * damaged file leaves the database exactly as it was; WAL lets the UI keep searching the
 * committed register meanwhile. Bad rows are refused before anything of them is written
 * (reading, validation, duplicate check), with their line, column and reason, and copied to
 * a rejects file; an error of the store itself (disk full...) aborts the whole import, so no
 * act is ever half-written. Importing the same file again changes nothing: an act's
 * identity is (type, year, number) and the store reports identical acts as 'inchange'.
 */

export interface ProgressionImport {
  octetsLus: number;
  octetsTotal: number;
  lignesLues: number;
  lignesRejetees: number;
}

export interface OptionsImport {
  importId?: string;
  /** Where to write refused rows (default: next to the CSV, `<nom>-rejets.csv`). */
  fichierRejets?: string;
  /** Stamp of the acts' creation/modification (default: now). */
  horodatage?: string;
  /** Today (aaaa-mm-jj) for the "date in the future" rule (default: the local day). */
  aujourdhui?: string;
  onProgression?: (p: ProgressionImport) => void;
  /** Minimum delay between two progress calls (default 100 ms: about ten a second). */
  intervalleProgressionMs?: number;
  /** How many rejects the report lists (all of them are in the file). Default 100. */
  rejetsDansRapport?: number;
  /**
   * Read and check the file in a thread of its own while this one writes (default: for files
   * of 4 MB and more, see lanceur-lecture.ts).
   */
  lectureEnTravailleur?: boolean;
}

/** Opens its own connection (the worker's), imports, closes. */
export async function importerCsv(
  fichierBase: string,
  fichierCsv: string,
  options: OptionsImport = {},
): Promise<RapportImport> {
  const db = ouvrirBase(fichierBase);
  try {
    return await importerCsvDans(db, fichierCsv, options);
  } finally {
    db.close();
  }
}

/** Acts per batch handed from the reading thread to the writing one (about 1 MB of JSON). */
const TAILLE_LOT = 2000;

export function fichierRejetsParDefaut(fichierCsv: string): string {
  const { dir, name } = path.parse(fichierCsv);
  return path.join(dir, `${name}-rejets.csv`);
}

export async function importerCsvDans(
  db: Base,
  fichierCsv: string,
  options: OptionsImport = {},
): Promise<RapportImport> {
  const debut = performance.now();
  const importId = options.importId ?? randomUUID();
  const octetsTotal = tailleFichier(fichierCsv);
  const horodatage = options.horodatage ?? new Date().toISOString();
  const intervalle = options.intervalleProgressionMs ?? 100;
  const fichierRejets = options.fichierRejets ?? fichierRejetsParDefaut(fichierCsv);

  const rapport = { lignesLues: 0, actesAjoutes: 0, actesModifies: 0, actesInchanges: 0, lignesRejetees: 0 };
  let octetsLus = 0;
  let derniereProgression = 0;
  let fin: Extract<MessageLecture, { type: 'fin' }> | undefined;

  const progression = (forcer: boolean) => {
    if (!options.onProgression) return;
    const t = performance.now();
    if (!forcer && t - derniereProgression < intervalle) return;
    derniereProgression = t;
    options.onProgression({
      octetsLus,
      octetsTotal,
      lignesLues: rapport.lignesLues,
      lignesRejetees: rapport.lignesRejetees,
    });
  };

  commencer(db);
  let lecture: Lecture | undefined;
  const ecrire = (ecrivain: EcrivainLots) =>
    // Reading and checking run in their own thread while this one writes (see lecture-lots.ts).
    lancerLecture(
      {
        fichierCsv,
        fichierRejets,
        aujourdhui: options.aujourdhui ?? dateIsoDuJour(),
        rejetsDansRapport: options.rejetsDansRapport ?? 100,
        tailleLot: TAILLE_LOT,
      },
      (m) => {
        const premiere = rapport.lignesLues === 0;
        rapport.lignesLues = m.lignesLues;
        rapport.lignesRejetees = m.lignesRejetees;
        octetsLus = m.octetsLus;
        if (m.type === 'lot') {
          const bilan = ecrivain.ecrire(m.lot, m.mots);
          lecture!.rendrePlace();
          rapport.actesAjoutes += bilan.ajoutes;
          rapport.actesModifies += bilan.modifies;
          rapport.actesInchanges += bilan.inchanges;
        } else if (m.type === 'fin') fin = m;
        // The first line is shown at once (a dialog saying "Démarrage…" for seconds looks stuck).
        progression(premiere && rapport.lignesLues > 0);
      },
      options.lectureEnTravailleur ?? octetsTotal >= TAILLE_MIN_TRAVAILLEUR,
    );
  try {
    const ecrivain = new EcrivainLots(db, horodatage);
    ecrivain.commencer();
    lecture = ecrire(ecrivain);
    await lecture.fin;
    ecrivain.terminer();
    db.exec('COMMIT');
  } catch (e) {
    await lecture?.arreter();
    if (db.inTransaction) db.exec('ROLLBACK');
    // Only a rejects file this import wrote (the reader says so with its first reject).
    if (rapport.lignesRejetees > 0 || fin?.fichierRejets) fs.rmSync(fichierRejets, { force: true });
    const code = e instanceof RegistreError ? e.code : ((e as { code?: string })?.code ?? 'exception');
    journal.avertir('import annulé', { importId, code: String(code) });
    throw traduireErreurBase(e);
  } finally {
    await lecture?.arreter();
  }
  // A million acts leave a WAL as big as the database (measured: 500 MB): copy it back and
  // truncate the file now. A reader still on the old snapshot makes it give up after the busy
  // timeout without error; the next checkpoint finishes the job.
  db.pragma('wal_checkpoint(TRUNCATE)');
  progression(true);

  const resultat: RapportImport = {
    importId,
    ...rapport,
    rejets: fin!.rejets,
    encodage: fin!.format.encodage,
    separateur: fin!.format.separateur,
    fichierRejets: fin!.fichierRejets,
    dureeMs: Math.round(performance.now() - debut),
  };
  journal.info('import terminé', {
    importId,
    lignes: rapport.lignesLues,
    ajoutes: rapport.actesAjoutes,
    rejetees: rapport.lignesRejetees,
    ms: resultat.dureeMs,
  });
  return resultat;
}

/**
 * Takes the write lock for the whole import. The UI's own writes wait for it (busy timeout);
 * if another import or a long write holds it, the user is told, nothing is touched.
 */
function commencer(db: Base): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw erreurs.conflit(
        'Le registre est en cours de modification (un autre import ?). Réessayez dans un instant : rien n’a été importé.',
      );
    throw e;
  }
}

/** Storage failures say what happened and that nothing was imported. */
function traduireErreurBase(e: unknown): unknown {
  const code = (e as { code?: string })?.code;
  if (code === 'SQLITE_FULL')
    return new RegistreError('base_indisponible', 'Le disque est plein : l’import a été annulé, rien n’a été importé.');
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))
    return new RegistreError(
      'base_indisponible',
      'Erreur d’écriture sur le disque : l’import a été annulé, rien n’a été importé.',
    );
  return e;
}

function tailleFichier(fichier: string): number {
  try {
    const st = fs.statSync(fichier);
    if (!st.isFile()) throw erreurs.importInvalide(`« ${path.basename(fichier)} » n’est pas un fichier.`);
    return st.size;
  } catch (e) {
    if (e instanceof RegistreError) throw e;
    throw erreurs.importInvalide(`Le fichier « ${path.basename(fichier)} » est introuvable ou illisible.`);
  }
}

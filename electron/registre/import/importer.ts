import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RapportImport, RejetImport } from '../../../shared/contract/registre';
import { dateIsoDuJour } from '../../../shared/domain/dates';
import { erreurs, RegistreError } from '../../../shared/errors';
import { ouvrirBase, type Base } from '../../db';
import { journal } from '../../journal';
import { DepotActes } from '../depot';
import { ClesDuFichier } from './cles-du-fichier';
import { detecterFormat } from './detection';
import { analyserEntete } from './entete';
import { lireCsv, type LigneCsv } from './flux';
import { LecteurLignes, type ErreurColonne } from './ligne-vers-acte';
import { EcrivainRejets } from './rejets';

/**
 * The CSV import, as a plain function: the worker thread, the CLI and the benchmark call it.
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
  const format = await detecterFormat(fichierCsv);
  const horodatage = options.horodatage ?? new Date().toISOString();
  const aujourdhui = options.aujourdhui ?? dateIsoDuJour();
  const maxRejets = options.rejetsDansRapport ?? 100;
  const intervalle = options.intervalleProgressionMs ?? 100;

  const depot = new DepotActes(db);
  const cles = new ClesDuFichier(db);
  let lecteur: LecteurLignes | null = null;
  let rejets: EcrivainRejets | null = null;
  const rapport = { lignesLues: 0, actesAjoutes: 0, actesModifies: 0, actesInchanges: 0, lignesRejetees: 0 };
  const premiersRejets: RejetImport[] = [];
  let octetsLus = 0;
  let derniereProgression = 0;

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

  const rejeter = (ligne: LigneCsv, erreursLigne: ErreurColonne[]) => {
    rapport.lignesRejetees++;
    const colonne = [...new Set(erreursLigne.map((e) => e.colonne))].join(', ');
    const raison =
      erreursLigne.length === 1
        ? erreursLigne[0].raison
        : erreursLigne.map((e) => `${e.colonne} : ${e.raison}`).join(' ; ');
    if (premiersRejets.length < maxRejets) premiersRejets.push({ ligne: ligne.ligne, colonne, raison });
    rejets!.ecrire(
      ligne.champs,
      `ligne ${ligne.ligne} — ${erreursLigne.map((e) => `${e.colonne} : ${e.raison}`).join(' ; ')}`,
    );
  };

  const surLigne = (ligne: LigneCsv) => {
    if (!lecteur) {
      const entete = analyserEntete(ligne.champs);
      lecteur = new LecteurLignes(entete, { aujourdhui });
      rejets = new EcrivainRejets(
        options.fichierRejets ?? fichierRejetsParDefaut(fichierCsv),
        format,
        ligne.champs,
        entete.motifRejet,
      );
      return;
    }
    rapport.lignesLues++;
    const lu = lecteur.lire(ligne.champs);
    if (lu.erreurs) rejeter(ligne, lu.erreurs);
    else {
      const acte = lu.acte;
      const premiere = cles.noter(acte.type, acte.annee, acte.numero, ligne.ligne);
      if (premiere !== null) {
        rejeter(ligne, [
          {
            colonne: 'numero',
            raison: `doublon : le même acte (type, année, numéro) figure déjà à la ligne ${premiere} de ce fichier`,
          },
        ]);
      } else {
        const { effet } = depot.enregistrer(acte, horodatage);
        if (effet === 'ajoute') rapport.actesAjoutes++;
        else if (effet === 'modifie') rapport.actesModifies++;
        else rapport.actesInchanges++;
      }
    }
    // The first line is shown at once (a dialog saying "Démarrage…" for seconds looks stuck).
    if (rapport.lignesLues === 1 || (rapport.lignesLues & 255) === 0) progression(rapport.lignesLues === 1);
  };

  try {
    commencer(db);
    await lireCsv(fichierCsv, format, { surLigne, surOctets: (n) => (octetsLus = n) });
    if (!lecteur) throw erreurs.importInvalide('Le fichier ne contient aucune ligne (ni en-tête ni acte).');
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    (rejets as EcrivainRejets | null)?.supprimer();
    const code = e instanceof RegistreError ? e.code : ((e as { code?: string })?.code ?? 'exception');
    journal.avertir('import annulé', { importId, code: String(code) });
    throw traduireErreurBase(e);
  } finally {
    (rejets as EcrivainRejets | null)?.fermer();
    cles.supprimer();
  }
  // A million acts leave a WAL as big as the database (measured: 500 MB): copy it back and
  // truncate the file now. A reader still on the old snapshot makes it give up after the busy
  // timeout without error; the next checkpoint finishes the job.
  db.pragma('wal_checkpoint(TRUNCATE)');
  progression(true);

  const resultat: RapportImport = {
    importId,
    ...rapport,
    rejets: premiersRejets,
    encodage: format.encodage,
    separateur: format.separateur,
    fichierRejets: (rejets as EcrivainRejets | null)?.chemin ?? null,
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

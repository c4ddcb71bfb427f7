import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { erreurs } from '../../shared/errors';
import { versionSchema } from './migrer';
import { migrations } from './migrations';
import type { Base } from './connexion';

/**
 * Online backup through SQLite's backup API: consistent even while the app writes.
 * The copy is checked (integrity_check) before it is reported as good.
 */
export async function sauvegarder(db: Base, destination: string): Promise<{ chemin: string; octets: number }> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const temporaire = `${destination}.partiel`;
  fs.rmSync(temporaire, { force: true });
  await db.backup(temporaire);
  // The copy inherits WAL mode: opening it would leave `-wal`/`-shm` files beside it in the
  // backups folder. A backup is one self-contained file: rollback journal, then checked.
  const copie = new Database(temporaire);
  try {
    copie.pragma('journal_mode = DELETE');
  } finally {
    copie.close();
  }
  verifierFichierBase(temporaire);
  for (const suffixe of ['-wal', '-shm', '-journal']) fs.rmSync(`${temporaire}${suffixe}`, { force: true });
  fs.renameSync(temporaire, destination);
  return { chemin: destination, octets: fs.statSync(destination).size };
}

/** Checks that a file is a sound Registre database this version can open. */
export function verifierFichierBase(fichier: string): void {
  if (!fs.existsSync(fichier)) throw erreurs.introuvable('Fichier de sauvegarde', path.basename(fichier));
  let db: Database.Database | undefined;
  try {
    db = new Database(fichier, { readonly: true, fileMustExist: true });
    const integrite = db.pragma('integrity_check', { simple: true });
    if (integrite !== 'ok')
      throw erreurs.importInvalide('La sauvegarde est endommagée (contrôle d’intégrité en échec).');
    const version = versionSchema(db);
    const derniere = migrations.length;
    if (version > derniere) throw erreurs.baseTropRecente(version, derniere);
  } catch (e) {
    if (e instanceof Error && e.name === 'RegistreError') throw e;
    throw erreurs.importInvalide('Ce fichier n’est pas une base Registre lisible.');
  } finally {
    db?.close();
  }
}

/**
 * Restores `source` over the database file `cible`. The caller must have closed its
 * connection to `cible`. The current file is first copied aside (returned), so a restore
 * never loses what was there.
 */
export function restaurer(source: string, cible: string): { sauvegardePrecedente: string } {
  verifierFichierBase(source);
  const horodatage = new Date().toISOString().replace(/[:.]/g, '-');
  const precedente = `${cible}.avant-restauration-${horodatage}`;
  if (fs.existsSync(cible)) {
    // Fold the WAL into the main file before copying it aside.
    const db = new Database(cible);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.copyFileSync(cible, precedente);
  }
  for (const suffixe of ['-wal', '-shm']) fs.rmSync(cible + suffixe, { force: true });
  fs.copyFileSync(source, `${cible}.restauration`);
  fs.renameSync(`${cible}.restauration`, cible);
  return { sauvegardePrecedente: precedente };
}

/**
 * A large synthetic register for benchmarks, built through the register's own path
 * (`remplirRegistre`: synthetic generator + acts store + search index), in a temporary folder.
 *
 * Building a million acts takes minutes: with `garder`, the file is kept in the temporary
 * folder under a name made of its size and seed, and reused by the next run (the generator is
 * seeded: same size and seed, same register).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { genererActes, remplirRegistre } from '../../../electron/registre/synthetique';

export interface OptionsRegistreBench {
  actes: number;
  graine: number;
  /** Keep the file for the next run, and reuse a kept one. */
  garder: boolean;
  /** INSEE code of the register's commune (default Albi, as the generator). */
  commune?: string;
  journal?: (message: string) => void;
}

export interface RegistreBench {
  fichier: string;
  construitEnS: number | null;
  /** Removes the file unless it is kept. */
  liberer(): void;
}

/**
 * A kept register is reused only if this version of the code still reads it (its schema and
 * the act encoding may change while the application is being written): otherwise it is rebuilt.
 */
function lisible(fichier: string): boolean {
  let db: Base | undefined;
  try {
    db = ouvrirBase(fichier);
    const id = db.prepare('SELECT id FROM actes WHERE indexe = 1 LIMIT 1').pluck().get() as number | undefined;
    return id !== undefined && new DepotActes(db).lire(id) !== undefined;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export function registreDeBench(o: OptionsRegistreBench): RegistreBench {
  const nom = `registre-bench-${o.actes}-${o.graine}-${o.commune ?? '81004'}.db`;
  const dossier = o.garder ? os.tmpdir() : fs.mkdtempSync(path.join(os.tmpdir(), 'registre-bench-'));
  const fichier = path.join(dossier, nom);
  const pret = `${fichier}.complet`;
  const liberer = () => {
    if (!o.garder) fs.rmSync(dossier, { recursive: true, force: true });
  };
  if (o.garder && fs.existsSync(pret) && fs.existsSync(fichier) && lisible(fichier)) {
    o.journal?.(`registre réutilisé : ${fichier}`);
    return { fichier, construitEnS: null, liberer };
  }
  for (const f of [fichier, `${fichier}-wal`, `${fichier}-shm`, pret]) fs.rmSync(f, { force: true });
  const debut = performance.now();
  const db = ouvrirBase(fichier);
  try {
    remplirRegistre(db, { actes: o.actes, graine: o.graine, commune: o.commune }, '2025-01-01T00:00:00.000Z');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  // Marks a complete build: an interrupted one is rebuilt, never reused half-filled.
  fs.writeFileSync(pret, new Date().toISOString());
  const construitEnS = (performance.now() - debut) / 1000;
  o.journal?.(`registre construit : ${o.actes} actes en ${construitEnS.toFixed(0)} s`);
  return { fichier, construitEnS, liberer };
}

/**
 * A small synthetic register of indexed acts only, written through the acts store into a data
 * folder's database before the application opens it. Acts known only by their number are left
 * out on purpose: they block every negative answer of their year ("indexez l'acte"), which the
 * officer's bench does not measure.
 */
export function registreIndexe(fichier: string, o: { actes: number; graine: number; commune: string }): number {
  const db = ouvrirBase(fichier);
  try {
    const depot = new DepotActes(db);
    const horodatage = new Date().toISOString();
    let n = 0;
    db.transaction(() => {
      for (const acte of genererActes(o))
        if (acte.indexe) {
          depot.enregistrer(acte, horodatage);
          n++;
        }
    })();
    return n;
  } finally {
    db.close();
  }
}

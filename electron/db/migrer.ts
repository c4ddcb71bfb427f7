import type Database from 'better-sqlite3';
import { erreurs } from '../../shared/errors';
import type { Migration } from './migrations/types';

/**
 * Brings the schema to the latest version, all pending steps in ONE transaction: either the
 * database ends at the latest version, or it is left exactly as it was. The version lives in
 * `PRAGMA user_version`. A database newer than this application is refused untouched.
 */
export function migrer(db: Database.Database, liste: readonly Migration[]): { avant: number; apres: number } {
  verifierOrdre(liste);
  const derniere = liste.length ? liste[liste.length - 1].version : 0;
  const avant = versionSchema(db);
  if (avant > derniere) throw erreurs.baseTropRecente(avant, derniere);
  const aFaire = liste.filter((m) => m.version > avant);
  if (aFaire.length === 0) return { avant, apres: avant };
  const suspendre = aFaire.some((m) => m.clesEtrangeresSuspendues) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (suspendre) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of aFaire) {
        m.monter(db);
        // user_version cannot be bound as a parameter; the value is an integer we control.
        db.pragma(`user_version = ${m.version}`);
      }
      if (suspendre) {
        const casses = db.pragma('foreign_key_check') as unknown[];
        if (casses.length) throw new Error(`Migration : ${casses.length} référence(s) cassée(s) après reconstruction`);
      }
    }).immediate();
  } finally {
    if (suspendre) db.pragma('foreign_keys = ON');
  }
  return { avant, apres: derniere };
}

export function versionSchema(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function verifierOrdre(liste: readonly Migration[]): void {
  liste.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.nom} : numéro ${m.version}, attendu ${i + 1}`);
  });
}

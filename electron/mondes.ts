import path from 'node:path';
import { ouvrirBase, restaurer, type Base } from './db';
import { journal } from './journal';
import { reconstruireTermesEnAttente } from './registre';

export type Monde = 'reel' | 'formation';

/**
 * Training is a separate world: its own database file (register, requests, outbox,
 * signatures, sync history and the settings that differ), in `<données>/formation/`. The real
 * world's file is `<données>/registre.db`. Nothing of one is ever read, written or
 * deduplicated against the other: every service asks `db()` for the current world's database
 * at each operation, and the composition root switches worlds when the card mode changes.
 *
 * The settings that are the same in both worlds (the commune, the card settings, among them
 * the mode itself) live in the real world's file only: see `CLES_COMMUNES`.
 */
export const CLES_COMMUNES: ReadonlySet<string> = new Set(['commune', 'carte']);

export class Mondes {
  private courantMonde: Monde = 'reel';
  private bases: Record<Monde, Base | null> = { reel: null, formation: null };

  constructor(private readonly dossierDonnees: string) {
    this.bases.reel = ouvrirRegistre(this.fichier('reel'));
  }

  get courant(): Monde {
    return this.courantMonde;
  }

  fichier(monde: Monde = this.courantMonde): string {
    return monde === 'reel'
      ? path.join(this.dossierDonnees, 'registre.db')
      : path.join(this.dossierDonnees, 'formation', 'registre.db');
  }

  dossierSauvegardes(monde: Monde = this.courantMonde): string {
    return monde === 'reel'
      ? path.join(this.dossierDonnees, 'sauvegardes')
      : path.join(this.dossierDonnees, 'formation', 'sauvegardes');
  }

  /** The world's database, opened (and migrated) the first time it is needed. */
  db(monde: Monde = this.courantMonde): Base {
    let b = this.bases[monde];
    if (!b || !b.open) b = this.bases[monde] = ouvrirRegistre(this.fichier(monde));
    return b;
  }

  /** Switches worlds; true when it changed. */
  basculer(monde: Monde): boolean {
    if (monde === this.courantMonde) return false;
    this.db(monde);
    this.courantMonde = monde;
    return true;
  }

  /** Restores `source` over the CURRENT world's file (the connection is closed, then reopened). */
  restaurer(source: string): { sauvegardePrecedente: string } {
    const monde = this.courantMonde;
    this.bases[monde]?.close();
    try {
      return restaurer(source, this.fichier(monde));
    } finally {
      this.bases[monde] = ouvrirRegistre(this.fichier(monde));
    }
  }

  fermer(): void {
    for (const b of Object.values(this.bases)) if (b?.open) b.close();
  }
}

/**
 * Opens (and migrates) a world's file, then does the one-time work a migration left to the
 * register room (migration 0015: search terms written again), before anything searches it.
 */
function ouvrirRegistre(fichier: string): Base {
  const db = ouvrirBase(fichier);
  try {
    const bilan = reconstruireTermesEnAttente(db);
    if (bilan) journal.info('termes de recherche réécrits', { actes: bilan.actes, ms: bilan.ms });
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

import type { BasePlateforme } from '../base/ouvrir';

/** JSON settings by key (fault injection, simulation, clock offset, counters). */
export class DepotReglages {
  constructor(private readonly db: BasePlateforme) {}

  lire<T>(cle: string, defaut: T): T {
    const l = this.db.prepare('SELECT valeur FROM reglages WHERE cle = ?').get(cle) as { valeur: string } | undefined;
    return l ? (JSON.parse(l.valeur) as T) : defaut;
  }

  ecrire(cle: string, valeur: unknown): void {
    this.db
      .prepare(
        'INSERT INTO reglages (cle, valeur) VALUES (?, ?) ON CONFLICT (cle) DO UPDATE SET valeur = excluded.valeur',
      )
      .run(cle, JSON.stringify(valeur));
  }

  /** Runs `fn` in one transaction of the platform's database. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Next value of a named counter (identifiers of requests, receipts). */
  suivant(compteur: string): number {
    return this.db.transaction(() => {
      const n = this.lire<number>(`compteur.${compteur}`, 0) + 1;
      this.ecrire(`compteur.${compteur}`, n);
      return n;
    })();
  }
}

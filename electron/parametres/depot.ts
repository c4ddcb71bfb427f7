import type { Base } from '../db';
import type { Horloge } from '../horloge';

/**
 * Key/value settings stored as JSON in the `parametres` table. `db(cle)` says which database
 * holds a key: the settings common to both worlds live in the real world's file (mondes.ts).
 */
export class DepotParametres {
  constructor(
    private readonly db: (cle: string) => Base,
    private readonly horloge: Horloge,
  ) {}

  lire<T>(cle: string): T | null {
    const ligne = this.db(cle).prepare('SELECT valeur FROM parametres WHERE cle = ?').get(cle) as
      { valeur: string } | undefined;
    return ligne ? (JSON.parse(ligne.valeur) as T) : null;
  }

  ecrire<T>(cle: string, valeur: T): void {
    this.db(cle)
      .prepare(
        `INSERT INTO parametres (cle, valeur, modifie_le) VALUES (?, ?, ?)
         ON CONFLICT (cle) DO UPDATE SET valeur = excluded.valeur, modifie_le = excluded.modifie_le`,
      )
      .run(cle, JSON.stringify(valeur), this.horloge.maintenant().toISOString());
  }
}

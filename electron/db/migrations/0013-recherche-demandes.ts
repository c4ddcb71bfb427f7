import { clePersonne } from '../../../shared/domain/filtre-demandes';
import type { Migration } from './types';

/**
 * The received requests are filtered in SQL (shared/domain/filtre-demandes.ts), so that the
 * list holds at 10,000 requests:
 * - `personne_recherche`: the person's names normalised (case, accents, punctuation folded),
 *   written at reception; the requests already stored get theirs here, from their JSON data
 *   (SQLite cannot fold accents itself);
 * - an index on the availability instant, for "received between".
 * State, requester kind and act type are columns already.
 */
export const migration0013: Migration = {
  version: 13,
  nom: 'recherche des demandes',
  monter(db) {
    db.exec(`
      ALTER TABLE demandes ADD COLUMN personne_recherche TEXT NOT NULL DEFAULT '';
      CREATE INDEX demandes_mise_a_disposition ON demandes (mise_a_disposition);
    `);
    const lignes = db.prepare('SELECT id, donnees FROM demandes').all() as { id: number; donnees: string }[];
    const ecrire = db.prepare('UPDATE demandes SET personne_recherche = ? WHERE id = ?');
    for (const l of lignes) {
      const p = (JSON.parse(l.donnees) as { personne?: { nom?: unknown; nomUsage?: unknown; prenoms?: unknown } })
        .personne;
      // A row whose JSON lacks a person (none should) is simply not found by name.
      if (!p || typeof p.nom !== 'string') continue;
      const prenoms = Array.isArray(p.prenoms) ? p.prenoms.filter((x): x is string => typeof x === 'string') : [];
      ecrire.run(
        clePersonne({ nom: p.nom, nomUsage: typeof p.nomUsage === 'string' ? p.nomUsage : null, prenoms }),
        l.id,
      );
    }
  },
};

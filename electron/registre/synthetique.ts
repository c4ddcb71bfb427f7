import type { Acte } from '../../shared/domain/acte';
import type { Base } from '../db';
import { DepotActes } from './depot';
import { genererActes, type OptionsRegistre } from './fabrique-synthetique/generateur';

/**
 * The synthetic register: realistic French acts for demonstrations, tests and benchmarks
 * (never real personal data). Seeded: the same seed gives the same register.
 */
export { genererActes, type OptionsRegistre } from './fabrique-synthetique/generateur';
export { ecrireRegistreCsv, enteteCsv, ligneCsv } from './fabrique-synthetique/csv';

const TAILLE_LOT = 50_000;

/**
 * Writes a synthetic register straight into the database (no CSV), in transactions of
 * 50,000 acts: an interrupted seed keeps whole batches.
 */
export function remplirRegistre(
  db: Base,
  options: OptionsRegistre,
  horodatage: string,
): { ajoutes: number; inchanges: number; modifies: number } {
  const depot = new DepotActes(db);
  const compte = { ajoutes: 0, inchanges: 0, modifies: 0 };
  let lot: Acte[] = [];
  const ecrireLot = db.transaction(() => {
    for (const acte of lot) {
      const { effet } = depot.enregistrer(acte, horodatage);
      if (effet === 'ajoute') compte.ajoutes++;
      else if (effet === 'modifie') compte.modifies++;
      else compte.inchanges++;
    }
  });
  for (const acte of genererActes(options)) {
    lot.push(acte);
    if (lot.length >= TAILLE_LOT) {
      ecrireLot();
      lot = [];
    }
  }
  if (lot.length) ecrireLot();
  return compte;
}

import { rapprocher, type DonneesDemande, type ResultatRapprochement } from '../../../shared/domain/correspondance';
import type { Base } from '../../db/connexion';
import { RecuperationCandidats } from './recuperation';

export interface RapprochementMesure {
  resultat: ResultatRapprochement;
  dureeMs: number;
}

/**
 * Matches requests with the register of one connection: retrieval of the candidates from the
 * index, then the pure comparison and outcome (shared/domain/correspondance). Build one per
 * batch of requests: it prepares its statements once and remembers the name variants it has
 * looked up, which are only valid until the register changes.
 */
export class Rapprocheur {
  private readonly recuperation: RecuperationCandidats;

  constructor(db: Base) {
    this.recuperation = new RecuperationCandidats(db);
  }

  rapprocher(d: DonneesDemande): RapprochementMesure {
    const debut = performance.now();
    const actes = this.recuperation.actes(d);
    const resultat = rapprocher(d, actes, { nonIndexes: this.recuperation.nonIndexes(d) });
    return { resultat, dureeMs: performance.now() - debut };
  }
}

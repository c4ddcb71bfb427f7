import { rapprocher, type DonneesDemande, type ResultatRapprochement } from '../../../shared/domain/correspondance';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import { indexCommunes } from '../../registre';
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

  constructor(db: Base, horloge: Horloge) {
    this.recuperation = new RecuperationCandidats(db, horloge);
  }

  rapprocher(d: DonneesDemande): RapprochementMesure {
    const debut = performance.now();
    // Places are read with the INSEE's communes table: "Paris 20e" is "75120", a former commune its commune nouvelle.
    const contexte = { nonIndexes: () => this.recuperation.nonIndexes(d), communes: indexCommunes() };
    const actes = this.recuperation.actes(d);
    let resultat = rapprocher(d, actes, contexte);
    // No act agrees with the request: before an "aucun" (a negative answer for an act the
    // commune holds is a wrong answer to a citizen) or a list of doubtful candidates, look wider.
    if (!resultat.candidats.some((c) => c.concordant))
      resultat = rapprocher(d, [...actes, ...this.recuperation.actes(d, true)], contexte);
    return { resultat, dureeMs: performance.now() - debut };
  }
}

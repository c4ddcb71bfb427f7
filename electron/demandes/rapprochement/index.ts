/**
 * Matching received requests with the register: candidate retrieval from the register's
 * index, the pure comparison (shared/domain/correspondance), stored results, background
 * service and contract handlers.
 */
export { Rapprocheur, type RapprochementMesure } from './rapprocheur';
export { RecuperationCandidats } from './recuperation';
export { DepotRapprochements, type RapprochementEnregistre } from './depot';
export { ServiceRapprochement, type DependancesRapprochement } from './service';
export { creerRapprochement, type Rapprochement } from './gestionnaires';

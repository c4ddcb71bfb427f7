/**
 * The requests room's public face. It owns the `demandes` table: storing what a sync received
 * (and the quarantine of what it refused), the request's life cycle as the outbox drives it
 * (shared/domain/cycle-demande.ts), reading requests for the screens, and matching them with
 * the register (rapprochement/). Other rooms reach the table only through here.
 */
export {
  enregistrerLot,
  livraisonsAAccuser,
  marquerAccusees,
  type BilanLot,
  type DemandeAcceptee,
} from './stockage/reception';
export { reponsePreparee, reponsePartie, reponseAccusee, reponseRejetee, idPlateformeDe } from './stockage/cycle';
export { lireDonneesDemande } from './stockage/donnees';
export {
  documentRefuse,
  isoleur,
  marquerQuarantaineAccusee,
  motifDe,
  sha256,
  type DocumentRefuse,
  type MotifQuarantaine,
  type OrigineRefus,
} from './quarantaine';
export { gestionnairesDemandes, type DependancesDemandes } from './gestionnaires';
export * from './rapprochement';
export * from './reponses';
export * from './envoyees';

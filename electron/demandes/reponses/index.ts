/**
 * Answering a request (part of the requests room): drafting rules (redaction.ts, pure), the
 * guard of a negative answer, the answer's life cycle over the outbox's draft, set-aside.
 * app.ts hands it the outbox (`BoiteReponses`, from the sync room) and the card's identity.
 */
export { creerReponses, type Reponses } from './gestionnaires';
export { ServiceReponses, type DependancesReponses, type ChoixReponse } from './service';
export type { BoiteReponses, EnvoiReponse, Identite } from './types';
export {
  designationCandidat,
  garderNegative,
  redigerNegative,
  redigerPositive,
  texteDeReponse,
  sortePourForme,
  LIBELLES_MOTIF_NEGATIF,
} from './redaction';

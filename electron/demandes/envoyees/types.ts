import type { EtatEnvoi } from '../../../shared/contract/sync';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';

/** A request sent, as the outbox holds it (the sync room's, handed by app.ts). */
export interface EnvoiDemande {
  id: number;
  documentSignatureId: number;
  etat: EtatEnvoi;
  /** The XML to sign (the draft), and once signed, the signed XML. */
  contenu: string;
  xmlSigne: string | null;
  recepisse: string | null;
  /** The id the platform gave the request (its answer comes back under it). */
  demandePlateforme: string | null;
  /** When the platform received it and made it available to the commune asked (the receipt's instant). */
  accuseLe: string | null;
  motifRejet: string | null;
  messageRejet: string | null;
}

/** The answer the sync kept for a request sent, once its XAdES signature was verified. */
export interface ReponseGardee {
  document: string;
  signataire: string;
  recueLe: string;
}

/**
 * The outbox as the requests-sent area uses it: a draft is a document to sign and its outbox
 * row (nature 'demande'); changing it (its XML redrafted) or discarding it is refused once signed. The answers the sync verified
 * and kept are read through it too. Every call runs inside the caller's transaction when there is one.
 */
export interface BoiteDemandesEnvoyees {
  creer(db: Base, horloge: Horloge, n: { documentId: string; xml: string }): EnvoiDemande;
  modifier(db: Base, horloge: Horloge, envoiId: number, xml: string): void;
  abandonner(db: Base, envoiId: number): void;
  lire(db: Base, envoiId: number): EnvoiDemande;
  reponseGardee(db: Base, demandePlateforme: string): ReponseGardee | null;
}

import type { EtatEnvoi } from '../../../shared/contract/sync';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';

/** An answer's row in the outbox, as the answers room needs it. */
export interface EnvoiReponse {
  id: number;
  documentSignatureId: number;
  etat: EtatEnvoi;
  /** The XML to sign (the draft), and once signed, the signed XML. */
  contenu: string;
  xmlSigne: string | null;
  recepisse: string | null;
  motifRejet: string | null;
  messageRejet: string | null;
}

/**
 * The outbox as the answers room uses it (the sync room's, handed by app.ts): a draft is a
 * document to sign and its outbox row; changing and discarding it are refused once signed.
 * Every call runs inside the caller's transaction when there is one.
 */
export interface BoiteReponses {
  creer(
    db: Base,
    horloge: Horloge,
    n: { demandeId: number; sens: 'positive' | 'negative'; documentId: string; xml: string },
  ): EnvoiReponse;
  modifier(db: Base, horloge: Horloge, envoiId: number, m: { sens: 'positive' | 'negative'; xml: string }): void;
  abandonner(db: Base, envoiId: number): void;
  lire(db: Base, envoiId: number): EnvoiReponse;
}

/** Who is at the keyboard: the card session's holder (null: no session open). */
export interface Identite {
  nom: string;
  /** SHA-256 fingerprint of the certificate that identified them. */
  certificat: string;
}

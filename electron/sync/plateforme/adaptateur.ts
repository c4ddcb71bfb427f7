/**
 * The ONE door to a COMEDEC platform. The engine (pull, outbox, diagnostics) only knows this
 * interface; `bac-a-sable.ts` implements it over HTTP for our sandbox platform, and an adapter
 * for the real platform can be added next to it without touching anything else.
 *
 * Errors: every method throws a RegistreError —
 * - `plateforme_injoignable` (recoverable): network failure, timeout, 5xx, unreadable answer;
 * - `rejet_plateforme` (final) with `details.motif` and `details.statut`: the platform read the
 *   request and refused it (4xx);
 * - `droits_insuffisants`: a training card against a real platform, or a real card against a
 *   training platform (refused before anything is sent).
 */

export interface InformationsPlateforme {
  nom: string;
  /**
   * Who numbered the requests: the key a request is stored under is (this, the platform's id).
   * Two platforms (a fresh sandbox, the training platform, the real one) all number from 1.
   */
  identifiant: string;
  version: string;
  /** A training platform: accepts only training cards, and only them. */
  formation: boolean;
  versionsFormat: number[];
  versionCourante: number;
  /** The platform's clock (its deadlines are computed on it). */
  maintenant: string;
}

/** What the card gives to open a session: the authentication certificate and its key. */
export interface IdentiteConnexion {
  /** True for the software training card. */
  formation: boolean;
  certificatPem: string;
  chainePem: string[];
  /** Signs with the card's AUTHENTICATION key (never the signature key). */
  signer(donnees: Uint8Array): Promise<Uint8Array>;
}

export interface SessionPlateforme {
  jeton: string;
  expireLe: string;
  commune: { codeInsee: string; libelle: string };
  agent: { nom: string; delegation: boolean };
}

/** One request in the mailbox, as delivered. */
export type LivraisonDemande =
  | { id: string; livraison: number; xml: string }
  /** The delivery could not be read (oversize, bytes that are not UTF-8): what we have of it. */
  | {
      id: string;
      livraison: number;
      illisible: { motif: 'trop_volumineux' | 'encodage_invalide'; raison: string; debut: Uint8Array; octets: number };
    };

/** An answer received to a request this commune sent. */
export interface ReponseRecue {
  demandeId: string;
  reference: string;
  xml: string;
}

export interface DepotAccepte {
  /** The receipt (accuseReception), exact text. */
  accuseXml: string;
  /** True when the platform says it had already stored this document under this key. */
  rejoue: boolean;
}

export interface AdaptateurPlateforme {
  /** Human description (address) for the diagnostics. */
  readonly adresse: string;
  informations(): Promise<InformationsPlateforme>;
  ouvrirSession(identite: IdentiteConnexion): Promise<SessionPlateforme>;
  demandes(session: SessionPlateforme, limite: number): Promise<LivraisonDemande[]>;
  acquitterDemandes(session: SessionPlateforme, ids: readonly string[]): Promise<void>;
  reponsesRecues(session: SessionPlateforme): Promise<ReponseRecue[]>;
  acquitterReponses(session: SessionPlateforme, demandeIds: readonly string[]): Promise<void>;
  deposerReponse(
    session: SessionPlateforme,
    demandeId: string,
    document: string,
    cleIdempotence: string,
  ): Promise<DepotAccepte>;
  deposerDemandeEmise(session: SessionPlateforme, document: string, cleIdempotence: string): Promise<DepotAccepte>;
}

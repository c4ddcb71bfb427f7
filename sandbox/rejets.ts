import type { MotifRejet } from '../electron/comedec';

/** HTTP status of each rejection reason (the client relies on the reason, not on the status). */
const statuts: Record<MotifRejet, number> = {
  requete_invalide: 400,
  document_invalide: 400,
  version_inconnue: 400,
  document_trop_volumineux: 413,
  authentification_requise: 401,
  session_expiree: 401,
  defi_invalide: 401,
  certificat_invalide: 401,
  carte_de_formation: 403,
  carte_reelle_en_formation: 403,
  certificat_non_habilite: 403,
  officier_non_delegue: 403,
  signature_invalide: 422,
  mauvaise_demande: 422,
  mauvaise_commune: 422,
  forme_incorrecte: 422,
  destinataire_inconnu: 422,
  demande_inconnue: 404,
  introuvable: 404,
  commune_inconnue: 404,
  deja_repondu: 409,
  cle_idempotence_reutilisee: 409,
  demande_purgee: 410,
};

/**
 * A refusal of the platform: becomes a `rejet` document and a 4xx. Thrown by the services,
 * turned into the HTTP answer by the server, in one place.
 */
export class Rejet extends Error {
  readonly statut: number;
  constructor(
    readonly motif: MotifRejet,
    message: string,
    readonly complement: { demandeId?: string | null; cleIdempotence?: string | null; champ?: string | null } = {},
  ) {
    super(message);
    this.name = 'Rejet';
    this.statut = statuts[motif];
  }
}

export function rejeter(motif: MotifRejet, message: string, complement?: Rejet['complement']): never {
  throw new Rejet(motif, message, complement);
}

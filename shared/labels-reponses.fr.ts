/**
 * Why the platform refused an answer, in French, and what the officer does next. Keyed by the
 * platform's refusal reasons (`MotifsRejet` of the exchange format; a test checks that every
 * reason has its words). Shown next to a refused answer in the request and in the lists.
 */
export interface RaisonRejet {
  raison: string;
  quoiFaire: string;
}

export const RAISONS_REJET_REPONSE: Readonly<Record<string, RaisonRejet>> = {
  signature_invalide: {
    raison: 'signature invalide',
    quoiFaire: 'Préparez la réponse à nouveau et signez-la avec la carte de l’officier.',
  },
  certificat_non_habilite: {
    raison: 'certificat non habilité',
    quoiFaire: 'Faites signer par un officier dont la carte est inscrite pour la commune.',
  },
  officier_non_delegue: {
    raison: 'officier sans délégation',
    quoiFaire: 'Faites signer par un officier de l’état civil qui détient une délégation.',
  },
  demande_inconnue: {
    raison: 'demande inconnue de la plateforme',
    quoiFaire: 'Rien à renvoyer : signalez-le au support COMEDEC si la demande était réelle.',
  },
  demande_purgee: {
    raison: 'demande purgée : la réponse ne compte plus',
    quoiFaire: 'Aucune réponse ne peut plus être envoyée ; le demandeur doit refaire sa demande.',
  },
  version_inconnue: {
    raison: 'version de format refusée',
    quoiFaire: 'Mettez Registre à jour, puis préparez la réponse à nouveau.',
  },
  document_invalide: {
    raison: 'document invalide',
    quoiFaire: 'Préparez la réponse à nouveau ; si le refus se répète, signalez-le au support.',
  },
  mauvaise_demande: {
    raison: 'la réponse ne correspond pas à la demande',
    quoiFaire: 'Préparez la réponse à nouveau depuis la demande.',
  },
  mauvaise_commune: {
    raison: 'commune émettrice incorrecte',
    quoiFaire: 'Vérifiez l’identité de la commune dans les Paramètres, puis préparez la réponse à nouveau.',
  },
  deja_repondu: {
    raison: 'une réponse a déjà été reçue pour cette demande',
    quoiFaire: 'Rien à faire : la première réponse compte.',
  },
  cle_idempotence_reutilisee: {
    raison: 'envoi en double refusé',
    quoiFaire: 'Préparez la réponse à nouveau : elle partira sous une nouvelle clé.',
  },
  document_trop_volumineux: {
    raison: 'document trop volumineux',
    quoiFaire: 'Réduisez le commentaire ou les mentions, puis préparez la réponse à nouveau.',
  },
  forme_incorrecte: {
    raison: 'forme de réponse incorrecte pour ce demandeur',
    quoiFaire: 'Préparez la réponse à nouveau : Registre choisit la forme selon le demandeur.',
  },
  destinataire_inconnu: { raison: 'destinataire inconnu', quoiFaire: 'Signalez-le au support COMEDEC.' },
  authentification_requise: {
    raison: 'connexion à la plateforme requise',
    quoiFaire: 'Ouvrez une session avec votre carte, puis mettez à jour.',
  },
  session_expiree: { raison: 'session expirée', quoiFaire: 'Mettez à jour : Registre se reconnecte avec votre carte.' },
  defi_invalide: { raison: 'connexion refusée', quoiFaire: 'Mettez à jour à nouveau avec votre carte.' },
  certificat_invalide: { raison: 'certificat refusé', quoiFaire: 'Vérifiez la validité de la carte (écran Cartes).' },
  carte_de_formation: {
    raison: 'carte de formation sur la plateforme réelle',
    quoiFaire: 'Signez avec une carte réelle, hors du mode formation.',
  },
  carte_reelle_en_formation: {
    raison: 'carte réelle en mode formation',
    quoiFaire: 'Utilisez la carte de formation en mode formation.',
  },
  commune_inconnue: {
    raison: 'commune inconnue de la plateforme',
    quoiFaire: 'Vérifiez le code INSEE de la commune dans les Paramètres.',
  },
  requete_invalide: {
    raison: 'requête refusée',
    quoiFaire: 'Préparez la réponse à nouveau ; si le refus se répète, signalez-le au support.',
  },
  introuvable: { raison: 'ressource introuvable', quoiFaire: 'Mettez à jour, puis préparez la réponse à nouveau.' },
};

/** The words for a refusal reason; an unknown reason still says something useful. */
export function raisonRejet(motif: string | null): RaisonRejet {
  return (
    (motif ? RAISONS_REJET_REPONSE[motif] : undefined) ?? {
      raison: 'refusée par la plateforme',
      quoiFaire: 'Lisez le message de la plateforme, puis préparez la réponse à nouveau.',
    }
  );
}

import type { EtatDemande } from '../../../../shared/domain/echeances';
import type { EtatEnvoi } from '../../../../shared/contract/sync';
import type { DocumentQuarantaine, ResumeDemande } from '../../../../shared/contract/demandes';

/** French words of the requests screen (states, requesters, outbox). */
export const libelleEtatDemande: Record<EtatDemande, string> = {
  recue: 'Reçue',
  en_cours: 'En cours',
  repondue: 'Répondue',
  accusee: 'Accusée',
  a_echeance: 'À échéance',
  en_retard: 'En retard',
  purgee: 'Purgée',
};

export const libelleDemandeur: Record<ResumeDemande['demandeur']['type'], string> = {
  interieur: 'Ministère de l’Intérieur',
  notaire: 'Notaire',
  commune: 'Commune',
  autre: 'Autre organisme',
};

export const libelleEtatEnvoi: Record<EtatEnvoi, string> = {
  brouillon: 'Brouillon',
  signe: 'Signé, à envoyer',
  envoi: 'Envoi en cours',
  accepte: 'Accepté',
  rejete: 'Rejeté',
};

export const libelleEtape = {
  carte: 'Carte agent',
  joignabilite: 'Plateforme joignable',
  version: 'Version et format',
  authentification: 'Authentification',
} as const;

/** The label of a request's state, with its deadline alert when it has one ("J-2"). */
export function libelleEtat(d: Pick<ResumeDemande, 'etat' | 'alerte' | 'sens'>): string {
  if (d.etat === 'a_echeance' && d.alerte) return `${libelleEtatDemande.a_echeance} (${d.alerte})`;
  if (d.etat === 'repondue' && d.sens) return `Répondue (${d.sens === 'positive' ? 'positive' : 'négative'})`;
  return libelleEtatDemande[d.etat];
}

/** "12/04/2026" from aaaa-mm-jj. */
export function jourFr(jour: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(jour);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : jour;
}

export function joursRestantsFr(n: number): string {
  if (n < 0) return `${-n} j de retard`;
  if (n === 0) return 'aujourd’hui';
  return n === 1 ? 'demain' : `${n} jours`;
}

/** Why a document was refused, in French; the parser's own (technical, English) text is shown apart. */
export const libelleMotifQuarantaine: Record<DocumentQuarantaine['motif'], string> = {
  trop_volumineux: 'Document trop volumineux',
  encodage_invalide: 'Caractères interdits ou illisibles (caractère de contrôle, encodage non UTF-8)',
  dtd_interdite: 'Document refusé : déclaration DTD interdite',
  xml_mal_forme: 'Document XML mal formé (illisible)',
  document_inattendu: 'Ce n’est pas une demande COMEDEC',
  schema: 'Demande incomplète ou non conforme au format',
  trop_complexe: 'Document trop complexe (imbrication, nombre ou longueur au-delà des limites)',
  format_inconnu: 'Version du format d’échange inconnue',
  mauvais_destinataire: 'Demande adressée à une autre commune',
  signature_invalide: 'Signature de la réponse invalide',
  demande_inconnue: 'Réponse à une demande que la commune n’a pas envoyée',
  conflit_identifiant: 'Autre document sous un identifiant déjà reçu',
};

/** "Notaire — Étude de Maître Lefèvre": the requester's kind, unless its own name already says it. */
export function nomDemandeur(d: Pick<ResumeDemande, 'demandeur'> & { demandeur: { libelle?: string } }): string {
  const genre = libelleDemandeur[d.demandeur.type];
  const libelle = d.demandeur.libelle?.trim();
  if (!libelle) return genre;
  return libelle.toLocaleLowerCase('fr-FR').startsWith(genre.toLocaleLowerCase('fr-FR'))
    ? libelle
    : `${genre} — ${libelle}`;
}

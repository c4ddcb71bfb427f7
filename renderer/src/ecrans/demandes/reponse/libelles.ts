import type { Issue, NatureVariante, Verdict } from '../../../../../shared/domain/correspondance/types';
import type { ApercuReponse, ReponsePreparee } from '../../../../../shared/contract/reponses';
import { libelleTypeActe } from '../../../../../shared/labels.fr';

/** French words of answering a request. */
export const libelleIssue: Record<Issue, string> = {
  sur: 'Sûr',
  a_verifier: 'À vérifier',
  aucun: 'Aucun acte',
};

export const libelleVerdict: Record<Verdict, string> = {
  identique: 'Identique',
  variante: 'Variante',
  different: 'Différent',
  absent: 'Non comparé',
};

export const libelleNature: Record<NatureVariante, string> = {
  graphie: 'graphie',
  prenom_manquant: 'prénom manquant',
  ordre_prenoms: 'ordre des prénoms',
  phonetique: 'même prononciation',
  faute_de_frappe: 'faute de frappe',
  jour_mois_inverses: 'jour et mois inversés',
  date_voisine: 'date voisine',
  nom_usage: 'nom d’usage',
  nom_partiel: 'nom partiel',
  meme_lieu: 'même lieu, autre écriture',
  ancienne_commune: 'ancienne commune',
  lieu_moins_precis: 'sans l’arrondissement',
};

export const libelleMotif: Record<NonNullable<ReponsePreparee['motif']>, string> = {
  acte_non_detenu: 'Acte non détenu par la commune',
  donnees_insuffisantes: 'Données insuffisantes pour trouver l’acte',
};

export const libelleForme: Record<ApercuReponse['formeAttendue'], string> = {
  extrait_avec_filiation: 'extrait avec filiation',
  copie_integrale: 'copie intégrale',
};

export const libelleEtatReponse: Record<ReponsePreparee['etat'], string> = {
  brouillon: 'À signer',
  signee: 'Signée, à envoyer',
  envoyee: 'Envoyée',
  acceptee: 'Accusée',
  rejetee: 'Rejetée',
  abandonnee: 'Abandonnée',
};

/** "Naissance n° 7 de 1992". */
export function referenceActe(a: { type: keyof typeof libelleTypeActe; annee: number; numero: number }): string {
  return `${libelleTypeActe[a.type]} n° ${a.numero} de ${a.annee}`;
}

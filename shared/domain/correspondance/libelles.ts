import type { Lieu, Sexe, TypeActe } from '../acte';
import { formaterDate } from '../dates';
import type { ChampComparable, Issue, NatureVariante, Verdict } from './types';

/** French wording of matching results: fields, kinds of variants, outcomes, values. */

export function libelleChamp(champ: ChampComparable, type: TypeActe): string {
  const evenement = type === 'mariage' ? 'du mariage' : 'du décès';
  const libelles: Record<ChampComparable, string> = {
    nom: 'Nom',
    prenoms: 'Prénoms',
    sexe: 'Sexe',
    dateNaissance: 'Date de naissance',
    lieuNaissance: 'Lieu de naissance',
    dateEvenement: `Date ${evenement}`,
    lieuEvenement: `Lieu ${evenement}`,
    'pere.nom': 'Nom du père',
    'pere.prenoms': 'Prénoms du père',
    'mere.nom': 'Nom de la mère',
    'mere.prenoms': 'Prénoms de la mère',
    'conjoint.nom': type === 'mariage' ? 'Nom de l’autre époux' : 'Nom du conjoint',
    'conjoint.prenoms': type === 'mariage' ? 'Prénoms de l’autre époux' : 'Prénoms du conjoint',
  };
  return libelles[champ];
}

export const libelleNature: Record<NatureVariante, string> = {
  graphie: 'écriture (accents, majuscules, tirets ou espaces)',
  prenom_manquant: 'prénom manquant',
  ordre_prenoms: 'prénoms dans un autre ordre ou premier prénom absent',
  phonetique: 'même prononciation, autre orthographe',
  faute_de_frappe: 'faute de frappe (une lettre ou un chiffre)',
  jour_mois_inverses: 'jour et mois inversés',
  date_voisine: 'un jour ou un an d’écart',
  nom_usage: 'nom d’usage (nom de l’époux) au lieu du nom de naissance',
  nom_partiel: 'partie d’un nom composé',
  meme_lieu: 'même lieu, écrit autrement (arrondissement, code INSEE ou postal, article, « St »)',
  ancienne_commune: 'ancienne commune, aujourd’hui dans la commune nouvelle',
  lieu_moins_precis: 'la ville sans son arrondissement (compatible, moins précis)',
};

export const libelleVerdict: Record<Verdict, string> = {
  identique: 'identique',
  variante: 'variante',
  different: 'différent',
  absent: 'non comparé',
};

export const libelleIssue: Record<Issue, string> = {
  sur: 'Sûr',
  a_verifier: 'À vérifier',
  aucun: 'Aucun acte',
};

export function afficherPrenoms(prenoms: readonly string[] | null | undefined): string | null {
  const liste = (prenoms ?? []).map((p) => p.trim()).filter(Boolean);
  return liste.length ? liste.join(', ') : null;
}

export function afficherDate(iso: string | null | undefined): string | null {
  return iso ? formaterDate(iso) : null;
}

export function afficherLieu(lieu: Lieu | null | undefined): string | null {
  if (!lieu || !lieu.commune.trim()) return null;
  const precision = lieu.pays ?? lieu.departement;
  return precision ? `${lieu.commune} (${precision})` : lieu.commune;
}

export function afficherSexe(sexe: Sexe | null | undefined): string | null {
  return sexe === 'M' ? 'masculin' : sexe === 'F' ? 'féminin' : null;
}

export function afficherTexte(texte: string | null | undefined): string | null {
  return texte && texte.trim() ? texte.trim() : null;
}

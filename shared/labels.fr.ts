import type { Origine, Role, TypeActe, TypeMention } from './domain/acte';

/** French labels shown to users. One place, so the UI, extracts and the CLI say the same thing. */
export const libelleTypeActe: Record<TypeActe, string> = {
  naissance: 'Naissance',
  mariage: 'Mariage',
  deces: 'Décès',
};

export const libelleRole: Record<Role, string> = {
  titulaire: 'Titulaire',
  pere: 'Père',
  mere: 'Mère',
  epoux1: 'Premier époux',
  epoux2: 'Second époux',
  pere_epoux1: 'Père du premier époux',
  mere_epoux1: 'Mère du premier époux',
  pere_epoux2: 'Père du second époux',
  mere_epoux2: 'Mère du second époux',
  conjoint: 'Conjoint',
};

export const libelleMention: Record<TypeMention, string> = {
  mariage: 'Mariage',
  divorce: 'Divorce',
  separation_corps: 'Séparation de corps',
  deces: 'Décès',
  pacs: 'PACS',
  dissolution_pacs: 'Dissolution du PACS',
  changement_nom: 'Changement de nom',
  changement_prenom: 'Changement de prénom',
  changement_sexe: 'Modification de la mention du sexe',
  rectification: 'Rectification',
  reconnaissance: 'Reconnaissance',
  adoption: 'Adoption',
  nationalite: 'Nationalité',
  autre: 'Autre mention',
};

export const libelleOrigine: Record<Origine, string> = {
  saisie: 'Saisi au clavier',
  import: 'Importé',
  demande: 'Indexé depuis une demande',
};

/** Where an act came from, with the request it was indexed from when there is one. */
export function libelleProvenance(acte: { origine: Origine; demandeOrigine?: string }): string {
  if (!acte.demandeOrigine) return libelleOrigine[acte.origine];
  const demande = `indexé depuis la demande ${acte.demandeOrigine}`;
  return acte.origine === 'demande' ? `I${demande.slice(1)}` : `${libelleOrigine[acte.origine]}, ${demande}`;
}

export const libelleSexe = { M: 'Masculin', F: 'Féminin' } as const;

export const ecrans = ['demandes', 'registre', 'cartes', 'statistiques', 'parametres'] as const;
export type Ecran = (typeof ecrans)[number];
export const libelleEcran: Record<Ecran, string> = {
  demandes: 'Demandes',
  registre: 'Registre',
  cartes: 'Cartes',
  statistiques: 'Statistiques',
  parametres: 'Paramètres',
};

import { ActeSchema, type ActeSaisi } from '../../../shared/domain/acte';
import type { ActeCompare, DonneesDemande } from '../../../shared/domain/correspondance';

/** Acts and requests for matching tests: a plausible base that each case changes a little. */

let prochainId = 1;

export function acteNaissance(modifs: Partial<ActeSaisi> = {}): ActeCompare {
  const acte = ActeSchema.parse({
    type: 'naissance',
    annee: 1987,
    numero: 42,
    dateEvenement: '1987-03-05',
    lieuEvenement: { commune: 'Aussillon', codeInsee: '81021', departement: '81' },
    personnes: [
      { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Marie', 'Hélène'], sexe: 'F' },
      { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Jean'] },
      { role: 'mere', nom: 'DURAND', prenoms: ['Sophie'] },
    ],
    ...modifs,
  });
  return { ...acte, id: acte.id ?? prochainId++ };
}

export function demandeNaissance(
  modifs: Partial<DonneesDemande> = {},
  personne: Partial<DonneesDemande['personne']> = {},
): DonneesDemande {
  return {
    typeActe: 'naissance',
    personne: {
      nom: 'LEFÈVRE',
      nomUsage: null,
      prenoms: ['Marie', 'Hélène'],
      sexe: 'F',
      dateNaissance: '1987-03-05',
      lieuNaissance: { commune: 'Aussillon', codeInsee: '81021', departement: '81', pays: null },
      ...personne,
    },
    pere: { nom: 'LEFÈVRE', prenoms: ['Jean'] },
    mere: { nom: 'DURAND', prenoms: ['Sophie'] },
    conjoint: null,
    evenement: null,
    ...modifs,
  };
}

export function acteMariage(modifs: Partial<ActeSaisi> = {}): ActeCompare {
  const acte = ActeSchema.parse({
    type: 'mariage',
    annee: 2010,
    numero: 7,
    dateEvenement: '2010-06-12',
    lieuEvenement: { commune: 'Aussillon', codeInsee: '81021', departement: '81' },
    personnes: [
      { role: 'epoux1', nom: 'MARTIN', prenoms: ['Paul'], sexe: 'M', dateNaissance: '1980-01-20' },
      { role: 'epoux2', nom: 'BERNARD', prenoms: ['Claire', 'Anne'], sexe: 'F', dateNaissance: '1982-11-02' },
      { role: 'pere_epoux2', nom: 'BERNARD', prenoms: ['Luc'] },
      { role: 'mere_epoux2', nom: 'PETIT', prenoms: ['Anne'] },
    ],
    ...modifs,
  });
  return { ...acte, id: acte.id ?? prochainId++ };
}

export function acteDeces(modifs: Partial<ActeSaisi> = {}): ActeCompare {
  const acte = ActeSchema.parse({
    type: 'deces',
    annee: 2020,
    numero: 3,
    dateEvenement: '2020-02-14',
    lieuEvenement: { commune: 'Aussillon', codeInsee: '81021', departement: '81' },
    personnes: [
      { role: 'titulaire', nom: 'ROUSSEAU', prenoms: ['Jeanne'], sexe: 'F', dateNaissance: '1931-07-08' },
      { role: 'conjoint', nom: 'GARNIER', prenoms: ['Henri'] },
    ],
    ...modifs,
  });
  return { ...acte, id: acte.id ?? prochainId++ };
}

import { ActeSchema, type Acte, type ActeSaisi, type PersonneSaisie } from '../../../shared/domain/acte';

/** Small hand-written acts for the register's tests (defaults filled by the model's schema). */
export function acte(saisi: Partial<ActeSaisi> & Pick<ActeSaisi, 'type' | 'annee' | 'numero'>): Acte {
  return ActeSchema.parse({ personnes: [], ...saisi });
}

export function naissance(
  annee: number,
  numero: number,
  enfant: { nom: string; prenoms: string[]; sexe?: 'M' | 'F'; date?: string },
  parents: { pere?: PersonneSaisie | [string, string[]]; mere?: PersonneSaisie | [string, string[]] } = {},
): Acte {
  const date = enfant.date ?? `${annee}-03-12`;
  const personnes: PersonneSaisie[] = [
    { role: 'titulaire', nom: enfant.nom, prenoms: enfant.prenoms, sexe: enfant.sexe ?? 'F', dateNaissance: date },
  ];
  for (const role of ['pere', 'mere'] as const) {
    const p = parents[role];
    if (!p) continue;
    personnes.push(Array.isArray(p) ? { role, nom: p[0], prenoms: p[1] } : { ...p, role });
  }
  return acte({
    type: 'naissance',
    annee,
    numero,
    dateActe: date,
    dateEvenement: date,
    lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81' },
    personnes,
  });
}

export function deces(
  annee: number,
  numero: number,
  defunt: { nom: string; prenoms: string[]; date?: string; naissance?: string },
): Acte {
  const date = defunt.date ?? `${annee}-06-01`;
  return acte({
    type: 'deces',
    annee,
    numero,
    dateActe: date,
    dateEvenement: date,
    lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81' },
    personnes: [
      {
        role: 'titulaire',
        nom: defunt.nom,
        prenoms: defunt.prenoms,
        sexe: 'M',
        dateNaissance: defunt.naissance ?? null,
      },
    ],
  });
}

export function mariage(
  annee: number,
  numero: number,
  epoux1: [string, string[]],
  epoux2: [string, string[]],
  date = `${annee}-07-14`,
): Acte {
  return acte({
    type: 'mariage',
    annee,
    numero,
    dateActe: date,
    dateEvenement: date,
    lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81' },
    personnes: [
      { role: 'epoux1', nom: epoux1[0], prenoms: epoux1[1], sexe: 'M' },
      { role: 'epoux2', nom: epoux2[0], prenoms: epoux2[1], sexe: 'F' },
    ],
  });
}

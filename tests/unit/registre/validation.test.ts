import { describe, expect, it } from 'vitest';
import type { ActeSaisi, PersonneSaisie } from '../../../shared/domain/acte';
import { validerActe } from '../../../shared/domain/validation';

const aujourdhui = '2025-06-15';
const albi = { commune: 'Albi', codeInsee: '81004', departement: '81', pays: null };

function naissance(modif: Partial<ActeSaisi> = {}): ActeSaisi {
  return {
    type: 'naissance',
    annee: 1987,
    numero: 42,
    dateActe: '1987-03-13',
    dateEvenement: '1987-03-12',
    lieuEvenement: albi,
    personnes: [
      { role: 'titulaire', nom: 'Dupont', prenoms: ['Jean', 'Pierre'], sexe: 'M', dateNaissance: '1987-03-12' },
      { role: 'pere', nom: 'Dupont', prenoms: ['Paul'], dateNaissance: '1960-01-01' },
      { role: 'mere', nom: 'Martin', prenoms: ['Marie'], dateNaissance: '1962-05-05' },
    ],
    mentions: [],
    ...modif,
  };
}

function mariage(modif: Partial<ActeSaisi> = {}): ActeSaisi {
  return {
    type: 'mariage',
    annee: 2010,
    numero: 3,
    dateActe: '2010-06-05',
    dateEvenement: '2010-06-05',
    lieuEvenement: albi,
    personnes: [
      { role: 'epoux1', nom: 'Dupont', prenoms: ['Jean'], dateNaissance: '1987-03-12' },
      { role: 'epoux2', nom: 'N’Diaye', prenoms: ['Awa'], dateNaissance: '1989-11-30' },
      { role: 'pere_epoux1', nom: 'Dupont', prenoms: ['Paul'], dateNaissance: '1960-01-01' },
    ],
    ...modif,
  };
}

function deces(modif: Partial<ActeSaisi> = {}): ActeSaisi {
  return {
    type: 'deces',
    annee: 2020,
    numero: 7,
    dateActe: '2020-01-03',
    dateEvenement: '2020-01-02',
    personnes: [{ role: 'titulaire', nom: 'Durand', prenoms: ['Louise'], sexe: 'F', dateNaissance: '1930-04-04' }],
    ...modif,
  };
}

const valider = (a: ActeSaisi) => validerActe(a, { aujourdhui });
const champs = (a: ActeSaisi) => valider(a).map((e) => e.champ);
function avec(a: ActeSaisi, role: string, p: Partial<PersonneSaisie>): ActeSaisi {
  return { ...a, personnes: a.personnes.map((x) => (x.role === role ? { ...x, ...p } : x)) };
}

describe('validerActe : actes complets', () => {
  it('accepte des actes corrects des trois types', () => {
    expect(valider(naissance())).toEqual([]);
    expect(valider(mariage())).toEqual([]);
    expect(valider(deces())).toEqual([]);
  });
  it('accepte un acte dressé le jour même de l’événement', () => {
    expect(valider(naissance({ dateActe: '1987-03-12' }))).toEqual([]);
  });
});

describe('validerActe : identité dans le registre', () => {
  it('refuse un type inconnu et s’arrête là', () => {
    expect(valider({ ...naissance(), type: 'divorce' as never })).toEqual([
      { champ: 'type', raison: expect.stringContaining('« divorce » inconnu') },
    ]);
  });
  it('refuse un numéro nul ou négatif', () => {
    expect(champs(naissance({ numero: 0 }))).toContain('numero');
    expect(champs(naissance({ numero: -3 }))).toContain('numero');
  });
  it('refuse une année avant 1792 ou dans le futur', () => {
    expect(valider(naissance({ annee: 1791, dateActe: null }))).toEqual([
      { champ: 'annee', raison: expect.stringContaining('entre 1792 et 2025') },
    ]);
    expect(champs(naissance({ annee: 2026, dateActe: null }))).toContain('annee');
  });
  it('exige que l’année du registre soit celle de la date de l’acte', () => {
    expect(valider(naissance({ annee: 1988 }))).toContainEqual({
      champ: 'dateActe',
      raison: 'l’acte est daté de 1987 mais inscrit au registre de 1988',
    });
  });
});

describe('validerActe : dates', () => {
  it('refuse une date impossible', () => {
    expect(valider(naissance({ dateEvenement: '1987-02-29' }))).toContainEqual({
      champ: 'dateEvenement',
      raison: expect.stringContaining('bissextile'),
    });
  });
  it('refuse une date dans le futur', () => {
    expect(valider(deces({ annee: 2025, dateActe: '2025-06-16', dateEvenement: '2025-06-16' }))).toContainEqual({
      champ: 'dateActe',
      raison: 'la date du 16/06/2025 est dans le futur',
    });
  });
  it('refuse un acte dressé avant l’événement', () => {
    expect(valider(naissance({ dateActe: '1987-03-11' }))).toContainEqual({
      champ: 'dateActe',
      raison: expect.stringContaining('avant l’événement'),
    });
  });
  it('refuse une date de naissance de l’enfant différente de celle de l’acte', () => {
    expect(champs(avec(naissance(), 'titulaire', { dateNaissance: '1987-03-11' }))).toContain(
      'personnes.titulaire.dateNaissance',
    );
  });
  it('refuse un acte de mariage dressé après la célébration', () => {
    expect(valider(mariage({ dateActe: '2010-06-07' }))).toContainEqual({
      champ: 'dateActe',
      raison: 'l’acte de mariage est dressé le jour même de la célébration',
    });
  });
  it('accepte un acte de décès dressé plusieurs jours après', () => {
    expect(valider(deces({ dateActe: '2020-01-10' }))).toEqual([]);
  });
});

describe('validerActe : contenu obligatoire par type', () => {
  it('naissance : nom, prénoms, sexe, date et lieu de naissance', () => {
    const a = naissance({ dateEvenement: null, lieuEvenement: null });
    const sans = avec(a, 'titulaire', { nom: '  ', prenoms: [], sexe: null, dateNaissance: null });
    expect(champs(sans).sort()).toEqual(
      [
        'dateEvenement',
        'lieuEvenement',
        'personnes.titulaire.nom',
        'personnes.titulaire.prenoms',
        'personnes.titulaire.sexe',
      ].sort(),
    );
  });
  it('naissance : l’enfant est obligatoire, les parents non', () => {
    expect(champs(naissance({ personnes: [] }))).toEqual(['personnes.titulaire']);
    expect(valider(naissance({ personnes: naissance().personnes.filter((p) => p.role === 'titulaire') }))).toEqual([]);
  });
  it('mariage : les deux époux et la date du mariage', () => {
    const a = mariage({
      dateEvenement: null,
      dateActe: null,
      personnes: [{ role: 'epoux1', nom: 'Dupont', prenoms: [] }],
    });
    expect(champs(a).sort()).toEqual(['dateEvenement', 'personnes.epoux1.prenoms', 'personnes.epoux2'].sort());
  });
  it('décès : défunt, prénoms, date du décès ; le lieu est facultatif', () => {
    expect(champs(deces({ dateEvenement: null, dateActe: null })).sort()).toEqual(['dateEvenement']);
    expect(champs(avec(deces(), 'titulaire', { prenoms: [] }))).toEqual(['personnes.titulaire.prenoms']);
  });
  it('un acte non indexé ne demande que type, année et numéro', () => {
    expect(valider({ type: 'naissance', annee: 1901, numero: 12, personnes: [], indexe: false })).toEqual([]);
    expect(champs({ type: 'naissance', annee: 1901, numero: 0, personnes: [], indexe: false })).toEqual(['numero']);
  });
  it('un acte non indexé garde le contrôle des dates saisies', () => {
    expect(
      champs({ type: 'naissance', annee: 1901, numero: 1, dateActe: '1901-02-30', personnes: [], indexe: false }),
    ).toEqual(['dateActe']);
  });
  it('refuse un parent sans nom et un prénom vide', () => {
    expect(champs(avec(naissance(), 'pere', { nom: '' }))).toEqual(['personnes.pere.nom']);
    expect(champs(avec(naissance(), 'mere', { prenoms: ['Marie', ' '] }))).toEqual(['personnes.mere.prenoms']);
  });
  it('refuse un rôle étranger au type d’acte et un rôle en double', () => {
    const a = naissance();
    expect(champs({ ...a, personnes: [...a.personnes, { role: 'epoux1', nom: 'X', prenoms: ['Y'] }] })).toEqual([
      'personnes.epoux1',
    ]);
    expect(champs({ ...a, personnes: [...a.personnes, { role: 'pere', nom: 'X', prenoms: ['Y'] }] })).toEqual([
      'personnes.pere',
    ]);
  });
  it('refuse un lieu sans commune', () => {
    expect(champs(naissance({ lieuEvenement: { commune: ' ' } }))).toEqual(['lieuEvenement']);
  });
});

describe('validerActe : cohérence des âges', () => {
  it('refuse un parent né après l’enfant', () => {
    expect(valider(avec(naissance(), 'mere', { dateNaissance: '1990-01-01' }))).toContainEqual({
      champ: 'personnes.mere.dateNaissance',
      raison: 'le parent est né après son enfant (ou le même jour)',
    });
  });
  it('refuse un parent de moins de 12 ans', () => {
    expect(champs(avec(naissance(), 'pere', { dateNaissance: '1976-01-01' }))).toEqual([
      'personnes.pere.dateNaissance',
    ]);
    expect(valider(avec(naissance(), 'pere', { dateNaissance: '1975-03-12' }))).toEqual([]);
  });
  it('refuse un époux né après le mariage ou âgé de moins de 15 ans', () => {
    expect(champs(avec(mariage(), 'epoux2', { dateNaissance: '2011-01-01' }))).toEqual([
      'personnes.epoux2.dateNaissance',
    ]);
    expect(valider(avec(mariage(), 'epoux1', { dateNaissance: '1996-01-01' }))).toContainEqual({
      champ: 'personnes.epoux1.dateNaissance',
      raison: 'l’époux aurait eu moins de 15 ans le jour du mariage',
    });
  });
  it('applique l’âge de 13 ans aux mariages antérieurs au Code civil', () => {
    const ancien = mariage({
      annee: 1800,
      dateActe: '1800-05-01',
      dateEvenement: '1800-05-01',
      personnes: [
        { role: 'epoux1', nom: 'Roux', prenoms: ['Jacques'], dateNaissance: '1780-01-01' },
        { role: 'epoux2', nom: 'Blanc', prenoms: ['Anne'], dateNaissance: '1786-01-01' },
      ],
    });
    expect(valider(ancien)).toEqual([]);
  });
  it('contrôle les parents des époux', () => {
    expect(champs(avec(mariage(), 'pere_epoux1', { dateNaissance: '1990-01-01' }))).toEqual([
      'personnes.pere_epoux1.dateNaissance',
    ]);
  });
  it('refuse un défunt né après son décès ou de plus de 125 ans', () => {
    expect(valider(avec(deces(), 'titulaire', { dateNaissance: '2020-02-01' }))).toContainEqual({
      champ: 'personnes.titulaire.dateNaissance',
      raison: 'le défunt est né après la date de son décès',
    });
    expect(champs(avec(deces(), 'titulaire', { dateNaissance: '1880-01-01' }))).toEqual([
      'personnes.titulaire.dateNaissance',
    ]);
  });
});

describe('validerActe : mentions marginales', () => {
  it('accepte une mention postérieure à l’événement', () => {
    expect(
      valider(naissance({ mentions: [{ type: 'mariage', date: '2010-06-05', texte: 'Marié à Albi le 5 juin 2010' }] })),
    ).toEqual([]);
  });
  it('refuse une mention datée avant l’événement', () => {
    expect(valider(naissance({ mentions: [{ type: 'deces', date: '1980-01-01', texte: 'Décédé' }] }))).toEqual([
      { champ: 'mentions.0.date', raison: expect.stringContaining('avant l’événement de l’acte') },
    ]);
  });
  it('accepte une reconnaissance anticipée', () => {
    expect(
      valider(
        naissance({ mentions: [{ type: 'reconnaissance', date: '1986-12-01', texte: 'Reconnu par Paul Dupont' }] }),
      ),
    ).toEqual([]);
  });
  it('refuse un texte vide, un type inconnu, une date impossible', () => {
    const m = [
      { type: 'divorce' as const, date: null, texte: '' },
      { type: 'bapteme' as never, date: '2001-02-30', texte: 'x' },
    ];
    expect(champs(naissance({ mentions: m }))).toEqual(['mentions.0.texte', 'mentions.1.type', 'mentions.1.date']);
  });
});

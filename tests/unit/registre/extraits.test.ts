import { describe, expect, it } from 'vitest';
import { ActeSchema, type Acte, type ActeSaisi } from '../../../shared/domain/acte';
import {
  composerExtrait,
  deCommune,
  designation,
  extrait,
  sortesDelivrables,
  titreExtrait,
} from '../../../shared/domain/extraits';

const ctx = { commune: { nom: 'Albi', departement: '81', nomDepartement: 'Tarn' }, dateDelivrance: '2025-06-05' };
const albi = { commune: 'Albi', codeInsee: '81004', departement: '81' };
const acte = (a: ActeSaisi): Acte => ActeSchema.parse(a);

const naissance = acte({
  type: 'naissance',
  annee: 1987,
  numero: 42,
  dateActe: '1987-03-13',
  dateEvenement: '1987-03-12',
  lieuEvenement: albi,
  personnes: [
    {
      role: 'titulaire',
      nom: 'de La Fontaine',
      prenoms: ['Jean-Pierre', 'Marie'],
      sexe: 'M',
      dateNaissance: '1987-03-12',
    },
    {
      role: 'pere',
      nom: 'de La Fontaine',
      prenoms: ['Paul'],
      dateNaissance: '1960-01-01',
      lieuNaissance: { commune: 'Rodez', departement: '12' },
      profession: 'boulanger',
    },
    {
      role: 'mere',
      nom: 'N’Diaye',
      prenoms: ['Awa'],
      dateNaissance: '1962-05-05',
      lieuNaissance: { commune: 'Dakar', pays: 'Sénégal' },
      profession: 'institutrice',
    },
  ],
  mentions: [
    { type: 'reconnaissance', date: '1987-03-20', texte: 'Reconnu par Paul de La Fontaine' },
    { type: 'mariage', date: '2010-06-05', texte: 'Marié à Albi avec Œlise Cœur' },
  ],
});

const mariage = acte({
  type: 'mariage',
  annee: 2010,
  numero: 3,
  dateActe: '2010-06-05',
  dateEvenement: '2010-06-05',
  lieuEvenement: albi,
  personnes: [
    {
      role: 'epoux1',
      nom: 'Dupont',
      prenoms: ['Jean'],
      sexe: 'M',
      dateNaissance: '1987-03-12',
      lieuNaissance: albi,
      profession: 'boulanger',
    },
    {
      role: 'epoux2',
      nom: 'Cœur',
      prenoms: ['Éloïse'],
      sexe: 'F',
      dateNaissance: '1989-11-30',
      lieuNaissance: { commune: 'Casablanca', pays: 'Maroc' },
    },
    { role: 'pere_epoux1', nom: 'Dupont', prenoms: ['Paul'] },
    { role: 'mere_epoux2', nom: 'Le Goff', prenoms: ['Anne'] },
  ],
});

const deces = acte({
  type: 'deces',
  annee: 2020,
  numero: 7,
  dateActe: '2020-01-03',
  dateEvenement: '2020-01-02',
  lieuEvenement: { commune: 'Castres', departement: '81' },
  personnes: [
    {
      role: 'titulaire',
      nom: 'Durand',
      prenoms: ['Louise'],
      sexe: 'F',
      dateNaissance: '1930-04-04',
      profession: 'retraitée',
    },
    { role: 'conjoint', nom: 'Martin', prenoms: ['Paul'] },
  ],
});

describe('titres', () => {
  it('nomme les trois documents', () => {
    expect(titreExtrait('naissance', 'avec-filiation')).toBe('EXTRAIT D’ACTE DE NAISSANCE AVEC FILIATION');
    expect(titreExtrait('mariage', 'sans-filiation')).toBe('EXTRAIT D’ACTE DE MARIAGE SANS FILIATION');
    expect(titreExtrait('deces', 'copie-integrale')).toBe('COPIE INTÉGRALE D’ACTE DE DÉCÈS');
  });
});

describe('extrait de naissance', () => {
  it('avec filiation : enfant, parents avec naissance, sans profession, toutes les mentions', () => {
    const t = extrait(naissance, 'avec-filiation', ctx).texte;
    expect(t).toContain('EXTRAIT D’ACTE DE NAISSANCE AVEC FILIATION');
    expect(t).toContain('Mairie d’Albi (Tarn)');
    expect(t).toContain('Acte n° 42 — registre des naissances de l’année 1987');
    expect(t).toContain('Le 12 mars 1987\nest né à Albi (81)\nJean-Pierre Marie DE LA FONTAINE\nde sexe masculin');
    expect(t).toContain(
      'fils de Paul DE LA FONTAINE, né le 1er janvier 1960 à Rodez (12), et d’Awa N’DIAYE, née le 5 mai 1962 à Dakar (Sénégal).',
    );
    expect(t).not.toContain('boulanger');
    expect(t).toContain('Reconnaissance (20 mars 1987) : Reconnu par Paul de La Fontaine');
    expect(t).toContain('Mariage (5 juin 2010) : Marié à Albi avec Œlise Cœur');
    expect(t).toContain('Pour extrait conforme, délivré à Albi, le 5 juin 2025.');
    expect(t).not.toContain('Acte dressé');
  });

  it('sans filiation : ni parents ni mentions de filiation', () => {
    const t = extrait(naissance, 'sans-filiation', ctx).texte;
    expect(t).toContain('EXTRAIT D’ACTE DE NAISSANCE SANS FILIATION');
    expect(t).toContain('Jean-Pierre Marie DE LA FONTAINE');
    expect(t).not.toMatch(/fils de|Paul|N’DIAYE|Reconnaissance/);
    expect(t).toContain('Mariage (5 juin 2010)');
  });

  it('copie intégrale : dates en lettres, professions, date de l’acte', () => {
    const t = extrait(naissance, 'copie-integrale', ctx).texte;
    expect(t).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
    expect(t).toContain('Le douze mars mil neuf cent quatre-vingt-sept');
    expect(t).toContain('né le premier janvier mil neuf cent soixante à Rodez (12), boulanger');
    expect(t).toContain('institutrice');
    expect(t).toContain('Acte dressé le treize mars mil neuf cent quatre-vingt-sept.');
    expect(t).toContain('Reconnaissance (vingt mars mil neuf cent quatre-vingt-sept)');
    expect(t).toContain('Pour copie conforme, délivrée à Albi');
  });

  it('écrit « Mentions marginales : néant » et accorde au féminin', () => {
    const fille = acte({ ...naissance, mentions: [], personnes: [{ ...naissance.personnes[0], sexe: 'F' }] });
    const t = extrait(fille, 'avec-filiation', ctx).texte;
    expect(t).toContain('Mentions marginales : néant');
    expect(t).toContain('est née à Albi');
    expect(t).toContain('fille de père et de mère non dénommés.');
  });

  it('n’affiche que la mention de filiation filtrée : néant si elle était la seule', () => {
    const a = acte({ ...naissance, mentions: [naissance.mentions[0]] });
    expect(composerExtrait(a, 'sans-filiation', ctx).mentions).toEqual(['Mentions marginales : néant']);
  });
});

describe('extrait de mariage', () => {
  it('avec filiation : les deux époux, leurs parents', () => {
    const t = extrait(mariage, 'avec-filiation', ctx).texte;
    expect(t).toContain(
      'Le 5 juin 2010 à Albi (81)\nont contracté mariage :\nJean DUPONT, né le 12 mars 1987 à Albi (81)\nfils de Paul DUPONT\net\nÉloïse CŒUR, née le 30 novembre 1989 à Casablanca (Maroc)\nfille d’Anne LE GOFF.',
    );
  });
  it('sans filiation : sans les parents', () => {
    const t = extrait(mariage, 'sans-filiation', ctx).texte;
    expect(t).toContain('Éloïse CŒUR, née le 30 novembre 1989 à Casablanca (Maroc).');
    expect(t).not.toContain('LE GOFF');
  });
  it('copie intégrale : professions et dates en lettres', () => {
    const t = extrait(mariage, 'copie-integrale', ctx).texte;
    expect(t).toContain('Le cinq juin deux mille dix à Albi (81)');
    expect(t).toContain('Jean DUPONT, boulanger, né le douze mars mil neuf cent quatre-vingt-sept');
  });
});

describe('acte de décès', () => {
  it('se délivre en copie intégrale', () => {
    const t = extrait(deces, 'copie-integrale', ctx).texte;
    expect(t).toContain('COPIE INTÉGRALE D’ACTE DE DÉCÈS');
    expect(t).toContain(
      'Le deux janvier deux mille vingt\nest décédée à Castres (81)\nLouise DURAND, retraitée, née le quatre avril mil neuf cent trente\nconjoint de Paul MARTIN.',
    );
  });
  it('n’a pas d’extrait', () => {
    // The message is a sentence for the user: no internal field name in it.
    expect(() => extrait(deces, 'avec-filiation', ctx)).toThrow(
      /^Il n’existe pas d’extrait d’acte de décès : seule la copie intégrale peut être délivrée\.$/,
    );
    expect(sortesDelivrables('deces')).toEqual(['copie-integrale']);
    expect(sortesDelivrables('naissance')).toEqual(['copie-integrale', 'avec-filiation', 'sans-filiation']);
    expect(sortesDelivrables('mariage')).toHaveLength(3);
    expect(() => extrait(deces, 'sans-filiation', ctx)).toThrow(
      expect.objectContaining({ code: 'saisie_invalide', details: expect.objectContaining({ champ: 'sorte' }) }),
    );
  });
});

describe('règles générales', () => {
  it('refuse un acte non indexé', () => {
    const a = acte({ type: 'naissance', annee: 1901, numero: 3, personnes: [], indexe: false });
    expect(() => extrait(a, 'copie-integrale', ctx)).toThrow(/indexez-le/);
  });
  it('élide le nom de la commune', () => {
    expect(deCommune('Albi')).toBe('d’Albi');
    expect(deCommune('Rodez')).toBe('de Rodez');
    expect(deCommune('Le Havre')).toBe('du Havre');
    expect(deCommune('Les Andelys')).toBe('des Andelys');
    expect(deCommune('Écully')).toBe('d’Écully');
  });
  it('liste les mentions par date, les mentions sans date en dernier', () => {
    const a = acte({
      type: 'naissance',
      annee: 1950,
      numero: 2,
      personnes: [{ role: 'titulaire', nom: 'Roux', prenoms: ['Jean'], sexe: 'M', dateNaissance: '1950-01-01' }],
      mentions: [
        { type: 'deces', date: '2020-03-01', texte: 'Décédé' },
        { type: 'autre', date: null, texte: 'Sans date' },
        { type: 'mariage', date: '1975-06-07', texte: 'Marié' },
        { type: 'divorce', date: '1990-01-02', texte: 'Divorcé' },
      ],
    });
    const t = extrait(a, 'copie-integrale', ctx).texte;
    const ordre = ['Marié', 'Divorcé', 'Décédé', 'Sans date'].map((m) => t.indexOf(`: ${m}`));
    expect(ordre.every((i) => i > 0)).toBe(true);
    expect([...ordre].sort((x, y) => x - y)).toEqual(ordre);
  });
  it('écrit le nom en capitales, prénoms séparés par des espaces comme la prose de l’état civil', () => {
    expect(designation({ nom: 'Le Goff', prenoms: ['Anne', 'Marie'] })).toBe('Anne Marie LE GOFF');
    expect(designation({ nom: 'Œuvray', prenoms: [] })).toBe('ŒUVRAY');
  });
});

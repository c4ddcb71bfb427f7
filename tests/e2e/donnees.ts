/**
 * CSV files for the end-to-end tests, written the way the import documents its format
 * (electron/registre/import/colonnes.ts): semicolon-separated, one act per line. Invented
 * people with the shapes that make search hard: accents, hyphens, particles, apostrophes.
 */
const COLONNES = [
  'type',
  'annee',
  'numero',
  'date_acte',
  'indexe',
  'nom',
  'prenoms',
  'sexe',
  'date_naissance',
  'lieu_naissance',
  'profession',
  'nom_pere',
  'prenoms_pere',
  'nom_mere',
  'prenoms_mere',
  'date_mariage',
  'lieu_mariage',
  'nom_epoux2',
  'prenoms_epoux2',
  'sexe_epoux2',
  'date_deces',
  'lieu_deces',
  'mentions',
] as const;

type Ligne = Partial<Record<(typeof COLONNES)[number], string>>;

function citer(v: string): string {
  return /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csv(lignes: Ligne[]): string {
  return (
    [COLONNES.join(';'), ...lignes.map((l) => COLONNES.map((c) => citer(l[c] ?? '')).join(';'))].join('\r\n') + '\r\n'
  );
}

/** The acts the search and extract scenarios look for. */
export const ACTES_CONNUS: Ligne[] = [
  {
    type: 'naissance',
    annee: '1987',
    numero: '42',
    date_acte: '13/03/1987',
    nom: 'Lefèvre',
    prenoms: 'Éloïse, Marie',
    sexe: 'F',
    date_naissance: '12/03/1987',
    lieu_naissance: 'Albi (81)',
    nom_pere: 'Lefèvre',
    prenoms_pere: 'Paul',
    nom_mere: "N'Diaye",
    prenoms_mere: 'Awa',
    mentions: 'mariage|05/06/2010|Mariée à Albi (Tarn) le 5 juin 2010 avec Jean-Pierre de La Fontaine',
  },
  {
    type: 'naissance',
    annee: '1985',
    numero: '7',
    date_acte: '03/08/1985',
    nom: 'de La Fontaine',
    prenoms: 'Jean-Pierre',
    sexe: 'M',
    date_naissance: '01/08/1985',
    lieu_naissance: 'Castres (81)',
    nom_pere: 'de La Fontaine',
    prenoms_pere: 'André',
    nom_mere: 'Martin',
    prenoms_mere: 'Cécile',
  },
  {
    type: 'mariage',
    annee: '2010',
    numero: '12',
    date_acte: '05/06/2010',
    nom: 'de La Fontaine',
    prenoms: 'Jean-Pierre',
    sexe: 'M',
    date_naissance: '01/08/1985',
    lieu_naissance: 'Castres (81)',
    date_mariage: '05/06/2010',
    lieu_mariage: 'Albi (81)',
    nom_epoux2: 'Lefèvre',
    prenoms_epoux2: 'Éloïse, Marie',
    sexe_epoux2: 'F',
  },
  {
    type: 'deces',
    annee: '2019',
    numero: '3',
    date_acte: '15/07/2019',
    nom: 'du Bellay',
    prenoms: 'Hervé',
    sexe: 'M',
    date_naissance: '08/01/1932',
    lieu_naissance: 'Albi (81)',
    date_deces: '14/07/2019',
    lieu_deces: 'Albi (81)',
  },
];

/** Rows the import must refuse, each for one clear reason. */
export const LIGNES_FAUTIVES: Ligne[] = [
  {
    type: 'naissance',
    annee: '1990',
    numero: '900',
    nom: 'Roux',
    prenoms: 'Jules',
    sexe: 'M',
    date_naissance: '31/02/1990',
    lieu_naissance: 'Albi',
  },
  {
    type: 'naissance',
    annee: '1995',
    numero: '901',
    nom: '',
    prenoms: 'Hugo',
    sexe: 'M',
    date_naissance: '04/01/1995',
    lieu_naissance: 'Albi',
  },
  { type: 'baptême', annee: '1995', numero: '902', nom: 'Blanc', prenoms: 'Anne' },
];

const NOMS = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
];
const PRENOMS = [
  'Louis',
  'Jeanne',
  'Pierre',
  'Marie',
  'Paul',
  'Camille',
  'Jules',
  'Lucie',
  'Hugo',
  'Léa',
  'Arthur',
  'Chloé',
];

/** Ordinary births, numbered from 1 in the years 1900 to 1999, so the import has some bulk. */
export function naissancesOrdinaires(nombre: number): Ligne[] {
  return Array.from({ length: nombre }, (_, i) => {
    const annee = 1900 + (i % 100);
    const jour = String((i % 28) + 1).padStart(2, '0');
    const mois = String((i % 12) + 1).padStart(2, '0');
    return {
      type: 'naissance',
      annee: String(annee),
      numero: String(Math.floor(i / 100) + 1000),
      nom: NOMS[i % NOMS.length],
      prenoms: PRENOMS[(i * 7) % PRENOMS.length],
      sexe: i % 2 ? 'F' : 'M',
      date_naissance: `${jour}/${mois}/${annee}`,
      lieu_naissance: 'Albi (81)',
      nom_pere: NOMS[(i + 3) % NOMS.length],
      prenoms_pere: PRENOMS[(i + 5) % PRENOMS.length],
    };
  });
}

/** The same kind of acts as model objects, for scenarios that fill the register through `registre.enregistrer`. */
export const ACTES_RECHERCHE = [
  {
    type: 'naissance',
    annee: 1987,
    numero: 42,
    dateActe: '1987-03-13',
    dateEvenement: '1987-03-12',
    lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81', pays: null },
    personnes: [
      { role: 'titulaire', nom: 'Lefèvre', prenoms: ['Éloïse', 'Marie'], sexe: 'F' },
      { role: 'pere', nom: 'Lefèvre', prenoms: ['Paul'] },
      { role: 'mere', nom: "N'Diaye", prenoms: ['Awa'] },
    ],
    mentions: [
      {
        type: 'mariage',
        date: '2010-06-05',
        texte: 'Mariée à Albi (Tarn) le 5 juin 2010 avec Jean-Pierre de La Fontaine.',
      },
    ],
  },
  {
    type: 'naissance',
    annee: 1985,
    numero: 7,
    dateActe: '1985-08-03',
    dateEvenement: '1985-08-01',
    lieuEvenement: { commune: 'Castres', codeInsee: '81065', departement: '81', pays: null },
    personnes: [
      { role: 'titulaire', nom: 'de La Fontaine', prenoms: ['Jean-Pierre'], sexe: 'M' },
      { role: 'pere', nom: 'de La Fontaine', prenoms: ['André'] },
      { role: 'mere', nom: 'Martin', prenoms: ['Cécile'] },
    ],
    mentions: [],
  },
  {
    type: 'mariage',
    annee: 2010,
    numero: 12,
    dateActe: '2010-06-05',
    dateEvenement: '2010-06-05',
    lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81', pays: null },
    personnes: [
      { role: 'epoux1', nom: 'de La Fontaine', prenoms: ['Jean-Pierre'], sexe: 'M', dateNaissance: '1985-08-01' },
      { role: 'epoux2', nom: 'Lefèvre', prenoms: ['Éloïse', 'Marie'], sexe: 'F', dateNaissance: '1987-03-12' },
    ],
    mentions: [],
  },
  {
    type: 'deces',
    annee: 2019,
    numero: 3,
    dateActe: '2019-07-15',
    dateEvenement: '2019-07-14',
    lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81', pays: null },
    personnes: [{ role: 'titulaire', nom: 'du Bellay', prenoms: ['Hervé'], sexe: 'M', dateNaissance: '1932-01-08' }],
    mentions: [],
  },
];

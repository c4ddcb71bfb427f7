import type { TypeActe } from '../../../shared/domain/acte';

/**
 * THE list of CSV columns Registre imports (one source of truth: the header mapping, the
 * mapping of rows to acts, the rejects and the README's CSV section follow it).
 *
 * One row = one act. The columns without suffix describe the act's main person: the child
 * (naissance), the first spouse (mariage), the deceased (décès); `_pere`/`_mere` are that
 * person's parents. A marriage adds the second spouse (`_epoux2`) and its parents
 * (`_pere_epoux2`, `_mere_epoux2`). This is how civil-status software exports one act per line,
 * and it keeps a row readable by a human in a spreadsheet.
 */

export interface DefinitionColonne {
  nom: string;
  /** Act types the column applies to (a value in another type's row is refused, never dropped). */
  types: readonly TypeActe[];
  description: string;
  exemple: string;
  /** Other spellings found in exports (compared after normalisation, see entete.ts). */
  alias?: readonly string[];
}

const TOUS: readonly TypeActe[] = ['naissance', 'mariage', 'deces'];
const MARIAGE: readonly TypeActe[] = ['mariage'];
const DECES: readonly TypeActe[] = ['deces'];
const MARIAGE_DECES: readonly TypeActe[] = ['mariage', 'deces'];

interface ColonnesPersonne {
  sexe?: boolean;
  naissance?: boolean;
  /** Act types where the profession is written (a newborn has none). */
  profession?: readonly TypeActe[];
}

function personne(
  suffixe: string,
  qui: string,
  types: readonly TypeActe[],
  avec: ColonnesPersonne,
): DefinitionColonne[] {
  const s = suffixe ? `_${suffixe}` : '';
  const colonnes: DefinitionColonne[] = [
    { nom: `nom${s}`, types, description: `Nom ${qui}`, exemple: 'de La Fontaine' },
    {
      nom: `prenoms${s}`,
      types,
      description: `Prénoms ${qui}, séparés par des virgules (ou des espaces)`,
      exemple: 'Jean-Pierre, Marie',
    },
  ];
  if (avec.sexe) colonnes.push({ nom: `sexe${s}`, types, description: `Sexe ${qui} : M ou F`, exemple: 'F' });
  if (avec.naissance) {
    colonnes.push(
      { nom: `date_naissance${s}`, types, description: `Date de naissance ${qui}`, exemple: '12/03/1987' },
      { nom: `lieu_naissance${s}`, types, description: `Lieu de naissance ${qui}`, exemple: 'Albi (81)' },
    );
  }
  if (avec.profession)
    colonnes.push({
      nom: `profession${s}`,
      types: avec.profession,
      description: `Profession ${qui}`,
      exemple: 'boulangère',
    });
  return colonnes;
}

export const COLONNES: readonly DefinitionColonne[] = [
  {
    nom: 'type',
    types: TOUS,
    description: 'naissance, mariage ou deces (N, M, D acceptés)',
    exemple: 'naissance',
    alias: ['type_acte', 'nature'],
  },
  {
    nom: 'annee',
    types: TOUS,
    description: 'Année du registre',
    exemple: '1987',
    alias: ['annee_acte', 'annee_registre'],
  },
  {
    nom: 'numero',
    types: TOUS,
    description: 'Numéro de l’acte dans le registre de l’année',
    exemple: '42',
    alias: ['num', 'no', 'n°', 'numero_acte'],
  },
  {
    nom: 'date_acte',
    types: TOUS,
    description: 'Date à laquelle l’acte a été dressé',
    exemple: '13/03/1987',
    alias: ['date_etablissement'],
  },
  {
    nom: 'indexe',
    types: TOUS,
    description: 'non : acte connu seulement par son type, son année et son numéro (vide = oui)',
    exemple: 'oui',
  },
  // The main person: child, first spouse, deceased. Parents of that person.
  ...personne('', 'de l’enfant, du premier époux ou du défunt', TOUS, {
    sexe: true,
    naissance: true,
    profession: MARIAGE_DECES,
  }),
  ...personne('pere', 'de son père', TOUS, { naissance: true, profession: TOUS }),
  ...personne('mere', 'de sa mère', TOUS, { naissance: true, profession: TOUS }),
  // Marriage
  { nom: 'date_mariage', types: MARIAGE, description: 'Date de la célébration du mariage', exemple: '05/06/2010' },
  { nom: 'lieu_mariage', types: MARIAGE, description: 'Lieu de la célébration', exemple: 'Albi' },
  ...personne('epoux2', 'du second époux', MARIAGE, { sexe: true, naissance: true, profession: MARIAGE }),
  ...personne('pere_epoux2', 'du père du second époux', MARIAGE, { profession: MARIAGE }),
  ...personne('mere_epoux2', 'de la mère du second époux', MARIAGE, { profession: MARIAGE }),
  // Death
  { nom: 'date_deces', types: DECES, description: 'Date du décès', exemple: '02/01/2020' },
  { nom: 'lieu_deces', types: DECES, description: 'Lieu du décès', exemple: 'Castres (81)' },
  { nom: 'nom_conjoint', types: DECES, description: 'Nom du conjoint du défunt', exemple: 'Martin' },
  { nom: 'prenoms_conjoint', types: DECES, description: 'Prénoms du conjoint du défunt', exemple: 'Paul' },
  {
    nom: 'mentions',
    types: TOUS,
    description: 'Mentions marginales : type|jj/mm/aaaa|texte, séparées par « ## »',
    exemple: 'mariage|05/06/2010|Mariée à Albi le 5 juin 2010 avec Paul Martin ## deces||Décédée à Castres',
  },
];

/** Columns a file must have: the act's identity in the register. */
export const COLONNES_OBLIGATOIRES = ['type', 'annee', 'numero'] as const;

/** Added by Registre to the rejects file; ignored when a corrected rejects file is imported again. */
export const COLONNE_MOTIF_REJET = 'motif_rejet';

/** Columns that always hold the act's event (birth, marriage, death) for each type. */
export const COLONNES_EVENEMENT: Record<TypeActe, { date: string; lieu: string }> = {
  naissance: { date: 'date_naissance', lieu: 'lieu_naissance' },
  mariage: { date: 'date_mariage', lieu: 'lieu_mariage' },
  deces: { date: 'date_deces', lieu: 'lieu_deces' },
};

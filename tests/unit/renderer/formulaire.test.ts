import { describe, expect, it } from 'vitest';
import { ActeSchema, type Acte } from '../../../shared/domain/acte';
import { preRemplirActe } from '../../../shared/domain/acte-depuis-demande';
import { cleBrouillonDe } from '../../../renderer/src/ecrans/registre/editeur/brouillon';
import {
  depuisActe,
  depuisPreRemplissage,
  formulaireVide,
  separerPrenoms,
  versActe,
  type FormulaireActe,
} from '../../../renderer/src/ecrans/registre/editeur/formulaire';

const mariage: Acte = ActeSchema.parse({
  id: 7,
  type: 'mariage',
  annee: 1987,
  numero: 42,
  dateActe: '1987-06-05',
  dateEvenement: '1987-06-05',
  lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81' },
  personnes: [
    {
      role: 'epoux1',
      nom: 'Dupont',
      prenoms: ['Jean-Pierre', 'Louis'],
      sexe: 'M',
      dateNaissance: '1960-03-12',
      lieuNaissance: { commune: 'Londres', pays: 'Royaume-Uni' },
      profession: 'boulanger',
    },
    { role: 'epoux2', nom: 'Martin', prenoms: ['Marie'], sexe: 'F', dateNaissance: '1962-01-01' },
    { role: 'pere_epoux1', nom: 'Dupont', prenoms: ['Paul'] },
  ],
  mentions: [{ type: 'divorce', date: '1999-02-03', texte: 'Divorcés par jugement du TGI d’Albi.' }],
  origine: 'import',
});

describe('formulaire de l’éditeur', () => {
  it('un acte relu depuis le formulaire est le même acte (aller-retour sans perte)', () => {
    const f = depuisActe(mariage);
    expect(f.dateActe).toBe('05/06/1987');
    expect(f.personnes.epoux1.prenoms).toBe('Jean-Pierre, Louis');
    expect(f.personnes.epoux1.lieuNaissance).toEqual({
      commune: 'Londres',
      codeInsee: null,
      departement: null,
      etranger: true,
      pays: 'Royaume-Uni',
    });
    const { acte, erreurs } = versActe(f);
    expect(erreurs).toEqual([]);
    const { creeLe, modifieLe, ...attendu } = mariage;
    void creeLe;
    void modifieLe;
    // Persons may come back in another order (the editor's); the act is the same.
    const parRole = (a: { personnes: { role: string }[] }) => ({
      ...a,
      personnes: [...a.personnes].sort((x, y) => x.role.localeCompare(y.role)),
    });
    expect(parRole(ActeSchema.parse(acte))).toEqual(parRole(attendu));
  });

  it('les prénoms se séparent par virgules, ou par espaces sans virgule ; les tirets restent', () => {
    expect(separerPrenoms('Jean Pierre  Louis')).toEqual(['Jean', 'Pierre', 'Louis']);
    expect(separerPrenoms('Jean-Pierre, Louis')).toEqual(['Jean-Pierre', 'Louis']);
    expect(separerPrenoms('Marie Claire, Louise')).toEqual(['Marie Claire', 'Louise']);
    expect(separerPrenoms('  ')).toEqual([]);
  });

  it('une date ou un nombre illisible est signalé sur son champ et jamais remplacé par une valeur inventée', () => {
    const f: FormulaireActe = {
      ...formulaireVide('deces', 2020),
      annee: '20x0',
      numero: '',
      dateEvenement: '31/02/2020',
    };
    f.personnes.titulaire = { ...f.personnes.titulaire, nom: 'Durand', dateNaissance: '12/13/1930' };
    const { acte, erreurs } = versActe(f);
    const parCle = Object.fromEntries(erreurs.map((e) => [e.cle, e.message]));
    expect(parCle.annee).toMatch(/nombre entier/);
    expect(parCle.numero).toMatch(/obligatoire/);
    expect(parCle.dateEvenement).toMatch(/31 février/);
    expect(parCle['personnes.titulaire.dateNaissance']).toMatch(/mois 13/);
    expect(acte.dateEvenement).toBeNull();
    // the form itself is untouched: what was typed stays there
    expect(f.dateEvenement).toBe('31/02/2020');
  });

  it('les personnes facultatives vides ne sont pas envoyées ; les obligatoires le sont toujours', () => {
    const { acte } = versActe(formulaireVide('mariage', 2001));
    expect(acte.personnes.map((p) => p.role)).toEqual(['epoux1', 'epoux2']);
  });

  it('naissance : la date et le lieu de l’événement sont aussi ceux de l’enfant (comme à l’import)', () => {
    const f = { ...formulaireVide('naissance', 1950), numero: '4' };
    f.dateEvenement = '1/3/1950';
    f.lieuEvenement = { commune: 'Albi', codeInsee: '81004', departement: '81', etranger: false, pays: '' };
    // a stale copy in the hidden field of the form must not be read
    f.personnes.titulaire = { ...f.personnes.titulaire, nom: 'Petit', dateNaissance: '02/02/1949' };
    const { acte, erreurs } = versActe(f);
    expect(erreurs).toEqual([]);
    const enfant = acte.personnes.find((p) => p.role === 'titulaire');
    expect(enfant?.dateNaissance).toBe('1950-03-01');
    expect(enfant?.lieuNaissance).toEqual({ commune: 'Albi', codeInsee: '81004', departement: '81', pays: null });
  });

  it('un lieu à l’étranger sans pays est signalé sur le champ pays', () => {
    const f = formulaireVide('deces', 2020);
    f.lieuEvenement = { commune: 'Genève', codeInsee: null, departement: null, etranger: true, pays: '' };
    const { erreurs } = versActe(f);
    expect(erreurs).toContainEqual({
      cle: 'lieuEvenement.pays',
      message: 'pays obligatoire pour un lieu à l’étranger',
    });
  });
});

describe('formulaire prérempli depuis une demande', () => {
  const declaration = {
    typeActe: 'naissance' as const,
    personne: {
      nom: 'ZYGMUNT',
      prenoms: ['Ottilie'],
      sexe: 'F' as const,
      dateNaissance: '1995-05-05',
      lieuNaissance: { commune: 'Aussillon', codeInsee: '81021', departement: '81', pays: null },
    },
    pere: { nom: 'ZYGMUNT', prenoms: ['Wojciech'] },
    mere: { nom: 'LARROQUE', prenoms: ['Anne'] },
    conjoint: null,
    evenement: null,
  };
  const source = { demandeId: 4, idPlateforme: 'DEM-4' };

  it('le numéro à lire dans le registre reste vide, et le dit à l’enregistrement ; le reste est repris tel que déclaré', () => {
    const f = depuisPreRemplissage(preRemplirActe(declaration), source);
    expect(f).toMatchObject({ annee: '1995', numero: '', dateEvenement: '05/05/1995', depuisDemande: source });
    expect(f.lieuEvenement).toMatchObject({ commune: 'Aussillon', codeInsee: '81021' });
    expect(f.personnes.titulaire).toMatchObject({ nom: 'ZYGMUNT', prenoms: 'Ottilie', sexe: 'F' });
    expect(f.personnes.mere).toMatchObject({ nom: 'LARROQUE', prenoms: 'Anne', sexe: '' });
    const { acte, erreurs } = versActe(f);
    expect(erreurs).toEqual([{ cle: 'numero', message: 'numéro obligatoire' }]);
    expect(acte.personnes?.map((p) => p.role)).toEqual(['titulaire', 'pere', 'mere']);
  });

  it('sans date déclarée, l’année reste vide aussi ; un acte à compléter garde son numéro', () => {
    const sansDate = { ...declaration, personne: { ...declaration.personne, dateNaissance: null } };
    expect(depuisPreRemplissage(preRemplirActe(sansDate), source).annee).toBe('');
    const existant = ActeSchema.parse({
      id: 9,
      type: 'naissance',
      annee: 1995,
      numero: 3,
      personnes: [],
      indexe: false,
    });
    const f = depuisPreRemplissage(preRemplirActe(declaration, existant), source);
    expect(f).toMatchObject({ id: 9, annee: '1995', numero: '3', indexe: true });
  });

  it('son brouillon est à part : une autre saisie d’un nouvel acte ne le remplace pas', () => {
    expect(cleBrouillonDe({ depuisDemande: source })).toBe('demande-4');
    expect(cleBrouillonDe({})).toBe('nouveau');
    expect(cleBrouillonDe({ id: 9, depuisDemande: source })).toBe('acte-9');
  });
});

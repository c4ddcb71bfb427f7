import { describe, expect, it } from 'vitest';
import { ActeSchema, type Acte } from '../../../shared/domain/acte';
import { preRemplirActe } from '../../../shared/domain/acte-depuis-demande';
import type { DonneesDemande } from '../../../shared/domain/correspondance/demande';
import { validerActe } from '../../../shared/domain/validation';
import { libelleProvenance } from '../../../shared/labels.fr';

const albi = { commune: 'Albi', codeInsee: '81004', departement: '81', pays: null };
const rodez = { commune: 'Rodez', codeInsee: '12202', departement: '12', pays: null };

const naissance: DonneesDemande = {
  typeActe: 'naissance',
  personne: {
    nom: 'LEFEBVRE',
    nomUsage: 'MARTIN',
    prenoms: ['Élodie', 'Anne'],
    sexe: 'F',
    dateNaissance: '1987-03-14',
    lieuNaissance: albi,
  },
  pere: { nom: 'LEFEBVRE', prenoms: ['Paul'] },
  mere: { nom: 'DURAND', prenoms: ['Claire', 'Marie'] },
  conjoint: null,
  evenement: null,
};

describe('préremplir un acte depuis une demande', () => {
  it('naissance : la personne, ses parents, le lieu et la date de l’événement, l’année prise de la date ; pas de numéro', () => {
    const p = preRemplirActe(naissance);
    expect(p).toMatchObject({
      type: 'naissance',
      annee: 1987,
      numero: null,
      dateActe: null,
      dateEvenement: '1987-03-14',
      lieuEvenement: albi,
      origine: 'demande',
      indexe: true,
      mentions: [],
    });
    expect(p.id).toBeUndefined();
    expect(p.personnes).toEqual([
      {
        role: 'titulaire',
        nom: 'LEFEBVRE',
        prenoms: ['Élodie', 'Anne'],
        sexe: 'F',
        dateNaissance: '1987-03-14',
        lieuNaissance: albi,
      },
      { role: 'pere', nom: 'LEFEBVRE', prenoms: ['Paul'] },
      { role: 'mere', nom: 'DURAND', prenoms: ['Claire', 'Marie'] },
    ]);
    // the usage name is not the register's: the act holds the birth name only
    expect(JSON.stringify(p)).not.toContain('MARTIN');
    // once numbered, the act is valid as the register's rules want it
    const acte = ActeSchema.parse({ ...p, numero: 42 });
    expect(validerActe(acte, { aujourdhui: '2026-12-05' })).toEqual([]);
  });

  it('naissance déclarée par le bloc événement seulement : la date et le lieu en viennent', () => {
    const p = preRemplirActe({
      ...naissance,
      personne: { ...naissance.personne, dateNaissance: null, lieuNaissance: null },
      evenement: { date: '1990-01-02', lieu: rodez },
    });
    expect(p).toMatchObject({ annee: 1990, dateEvenement: '1990-01-02', lieuEvenement: rodez });
    expect(p.personnes[0]).toMatchObject({ dateNaissance: '1990-01-02', lieuNaissance: rodez });
  });

  it('sans date déclarée, pas d’année : l’officier la lit dans le registre', () => {
    const p = preRemplirActe({ ...naissance, personne: { ...naissance.personne, dateNaissance: null } });
    expect(p.annee).toBeNull();
    expect(p.dateEvenement).toBeNull();
  });

  it('mariage : le conjoint est le second époux, les parents ceux du premier ; date et lieu du mariage', () => {
    const p = preRemplirActe({
      ...naissance,
      typeActe: 'mariage',
      conjoint: { nom: 'ROUX', prenoms: ['Marc'] },
      evenement: { date: '2012-06-30', lieu: rodez },
    });
    expect(p).toMatchObject({ type: 'mariage', annee: 2012, dateEvenement: '2012-06-30', lieuEvenement: rodez });
    expect(p.personnes.map((x) => x.role)).toEqual(['epoux1', 'pere_epoux1', 'mere_epoux1', 'epoux2']);
    // the spouse keeps their own birth, not the marriage's
    expect(p.personnes[0]).toMatchObject({ nom: 'LEFEBVRE', dateNaissance: '1987-03-14', lieuNaissance: albi });
    expect(p.personnes[3]).toEqual({ role: 'epoux2', nom: 'ROUX', prenoms: ['Marc'] });
  });

  it('décès : le défunt, ses parents et son conjoint', () => {
    const p = preRemplirActe({
      ...naissance,
      typeActe: 'deces',
      conjoint: { nom: 'ROUX', prenoms: ['Marc'] },
      evenement: { date: '2020-11-02', lieu: rodez },
    });
    expect(p.personnes.map((x) => x.role)).toEqual(['titulaire', 'pere', 'mere', 'conjoint']);
    expect(p).toMatchObject({ annee: 2020, lieuEvenement: rodez });
  });

  it('acte connu par son numéro seulement : son type, son année, son numéro et ce qu’il porte restent ; la demande complète le reste', () => {
    const existant: Acte = ActeSchema.parse({
      id: 7,
      type: 'naissance',
      annee: 1987,
      numero: 12,
      dateActe: '1987-03-16',
      personnes: [{ role: 'mere', nom: 'DURANT', prenoms: ['Claire'] }],
      mentions: [{ type: 'mariage', date: '2012-06-30', texte: 'Mariée à Rodez' }],
      origine: 'import',
      indexe: false,
    });
    const p = preRemplirActe(naissance, existant);
    expect(p).toMatchObject({
      id: 7,
      annee: 1987,
      numero: 12,
      dateActe: '1987-03-16',
      dateEvenement: '1987-03-14',
      lieuEvenement: albi,
      origine: 'import',
      indexe: true,
      mentions: existant.mentions,
    });
    // the register's mother is kept as it is written there, not replaced by the declaration
    expect(p.personnes.find((x) => x.role === 'mere')).toMatchObject({ nom: 'DURANT', prenoms: ['Claire'] });
    expect(p.personnes.map((x) => x.role).sort()).toEqual(['mere', 'pere', 'titulaire']);
  });

  it('ne modifie pas la déclaration reçue', () => {
    const copie = structuredClone(naissance);
    const p = preRemplirActe(naissance);
    p.personnes[0].prenoms.push('X');
    p.lieuEvenement!.commune = 'Ailleurs';
    expect(naissance).toEqual(copie);
  });
});

describe('la provenance d’un acte, telle que la fiche la dit', () => {
  it('nomme la demande d’où l’acte a été indexé, après son origine quand il était déjà là', () => {
    expect(libelleProvenance({ origine: 'saisie' })).toBe('Saisi au clavier');
    expect(libelleProvenance({ origine: 'demande', demandeOrigine: 'DEM-7' })).toBe('Indexé depuis la demande DEM-7');
    expect(libelleProvenance({ origine: 'import', demandeOrigine: 'DEM-7' })).toBe(
      'Importé, indexé depuis la demande DEM-7',
    );
  });
});

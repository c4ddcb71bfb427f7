import { describe, expect, it } from 'vitest';
import { analyserEntete } from '../../../electron/registre/import/entete';
import { LecteurLignes } from '../../../electron/registre/import/ligne-vers-acte';

const entete = [
  'type',
  'annee',
  'numero',
  'date_acte',
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
  'nom_pere_epoux2',
  'prenoms_pere_epoux2',
  'date_deces',
  'lieu_deces',
  'nom_conjoint',
  'prenoms_conjoint',
  'indexe',
  '',
];
const lecteur = new LecteurLignes(analyserEntete(entete), { aujourdhui: '2025-06-05' });
function ligne(valeurs: Record<string, string>): string[] {
  return entete.map((c) => valeurs[c || 'sans_nom'] ?? '');
}

describe('une ligne vers un acte', () => {
  it('mariage : premier époux dans les colonnes sans suffixe, ses parents en pere/mere, le second en _epoux2', () => {
    const r = lecteur.lire(
      ligne({
        type: 'mariage',
        annee: '2010',
        numero: '12',
        date_acte: '05/06/2010',
        date_mariage: '05/06/2010',
        lieu_mariage: 'Albi',
        nom: 'Dupont',
        prenoms: 'Jean',
        profession: 'boulanger',
        nom_pere: 'Dupont',
        prenoms_pere: 'Paul',
        nom_epoux2: 'Cœur',
        prenoms_epoux2: 'Éloïse',
        nom_pere_epoux2: 'Cœur',
        prenoms_pere_epoux2: 'Benoît',
      }),
    );
    expect(r.erreurs).toBeNull();
    expect(r.acte!.personnes.map((p) => [p.role, p.nom, p.prenoms])).toEqual([
      ['epoux1', 'Dupont', ['Jean']],
      ['epoux2', 'Cœur', ['Éloïse']],
      ['pere_epoux1', 'Dupont', ['Paul']],
      ['pere_epoux2', 'Cœur', ['Benoît']],
    ]);
    expect(r.acte!.personnes[0].profession).toBe('boulanger');
    expect(r.acte).toMatchObject({
      dateEvenement: '2010-06-05',
      lieuEvenement: { codeInsee: '81004' },
      origine: 'import',
      indexe: true,
    });
  });

  it('naissance : la date et le lieu de naissance sont l’événement et ceux de l’enfant', () => {
    const r = lecteur.lire(
      ligne({
        type: 'naissance',
        annee: '1990',
        numero: '1',
        nom: 'Petit',
        prenoms: 'Léa',
        sexe: 'F',
        date_naissance: '02/01/1990',
        lieu_naissance: 'Albi',
      }),
    );
    expect(r.acte).toMatchObject({
      dateEvenement: '1990-01-02',
      personnes: [{ role: 'titulaire', dateNaissance: '1990-01-02', lieuNaissance: { commune: 'Albi' } }],
    });
  });

  it('décès : le conjoint', () => {
    const r = lecteur.lire(
      ligne({
        type: 'deces',
        annee: '2020',
        numero: '3',
        nom: 'Durand',
        prenoms: 'Louise',
        date_deces: '02/01/2020',
        nom_conjoint: 'Martin',
        prenoms_conjoint: 'Paul',
      }),
    );
    expect(r.acte!.personnes.map((p) => p.role)).toEqual(['titulaire', 'conjoint']);
  });

  it('refuse une valeur dans une colonne d’un autre type d’acte ou sans nom', () => {
    const r = lecteur.lire(
      ligne({
        type: 'naissance',
        annee: '1990',
        numero: '1',
        nom: 'Petit',
        prenoms: 'Léa',
        sexe: 'F',
        date_naissance: '02/01/1990',
        lieu_naissance: 'Albi',
        nom_conjoint: 'X',
        sans_nom: 'oups',
      }),
    );
    expect(r.erreurs).toEqual([
      { colonne: 'nom_conjoint', raison: 'cette colonne ne s’applique pas à un acte de naissance' },
      { colonne: 'colonne 26', raison: 'valeur dans une colonne sans nom d’en-tête' },
    ]);
  });

  it('rapporte toutes les erreurs d’une ligne à la fois, rattachées à leur colonne, sans doublon', () => {
    const r = lecteur.lire(
      ligne({
        type: 'naissance',
        annee: '1990',
        numero: 'x',
        nom: '',
        prenoms: 'Léa',
        sexe: 'Z',
        date_naissance: '30/02/1990',
      }),
    );
    expect(r.erreurs).toEqual([
      { colonne: 'numero', raison: 'le numéro « x » n’est pas un nombre entier' },
      { colonne: 'date_naissance', raison: 'le 30 février n’existe pas (février a 28 jours)' },
      { colonne: 'sexe', raison: 'sexe « Z » inconnu (M ou F)' },
    ]);
    const v = lecteur.lire(
      ligne({
        type: 'naissance',
        annee: '1990',
        numero: '2',
        nom: '',
        prenoms: 'Léa',
        sexe: 'F',
        date_naissance: '01/01/2026',
      }),
    );
    expect(v.erreurs).toEqual([
      { colonne: 'date_naissance', raison: 'la date du 01/01/2026 est dans le futur' },
      { colonne: 'nom', raison: 'le nom est obligatoire' },
      { colonne: 'lieu_naissance', raison: 'le lieu de naissance est obligatoire' },
    ]);
  });

  it('un acte non indexé n’a besoin que du type, de l’année et du numéro', () => {
    const r = lecteur.lire(ligne({ type: 'naissance', annee: '1902', numero: '15', indexe: 'non' }));
    expect(r.acte).toMatchObject({ indexe: false, personnes: [], dateEvenement: null });
  });
});

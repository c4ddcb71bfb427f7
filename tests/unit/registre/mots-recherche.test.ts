import { describe, expect, it } from 'vitest';
import { mots, normaliser } from '../../../shared/domain/normalisation';
import { motsDeNom, motsMemo } from '../../../electron/registre/recherche/mots-memo';
import { jetonsDate } from '../../../electron/registre/recherche/jetons-date';
import { termesActe } from '../../../electron/registre/recherche/termes-acte';
import { suppressionsUneLettre } from '../../../electron/registre/recherche/variantes';
import type { Acte } from '../../../shared/domain/acte';

describe('normalisation des noms pour la recherche', () => {
  it.each([
    ['Marie-Hélène N’Diaye', ['marie', 'helene', 'ndiaye']],
    ["MARIE HELENE N'DIAYE", ['marie', 'helene', 'ndiaye']],
    ['  Jean--Pierre   DUPONT ', ['jean', 'pierre', 'dupont']],
    ['Œdipe Ægir Straße', ['oedipe', 'aegir', 'strasse']],
    ['Müller', ['muller']],
    ['Gonçalves', ['goncalves']],
    ['', []],
  ])('%s', (texte, attendu) => {
    expect(mots(texte)).toEqual(attendu);
    expect(motsMemo(texte)).toEqual(attendu);
  });

  it('le mémo rend le même résultat à chaque appel', () => {
    expect(motsMemo('Éloïse')).toBe(motsMemo('Éloïse'));
    expect(normaliser('Éloïse')).toBe('eloise');
  });
});

describe('mots sous lesquels un nom de famille est cherché', () => {
  it('ajoute le nom soudé des noms à particule', () => {
    expect(motsDeNom('de La Fontaine')).toEqual(['de', 'la', 'fontaine', 'delafontaine']);
    expect(motsDeNom('LE GALL')).toEqual(['le', 'gall', 'legall']);
  });

  it('ajoute la partie après une particule élidée', () => {
    expect(motsDeNom('D’Almeida')).toEqual(['dalmeida', 'almeida']);
    expect(motsDeNom("N'DIAYE")).toEqual(['ndiaye', 'diaye']);
  });

  it('soude aussi les noms composés', () => {
    expect(motsDeNom('Dupont-Martin')).toEqual(['dupont', 'martin', 'dupontmartin']);
  });

  it('laisse un nom simple tel quel', () => {
    expect(motsDeNom('MARTIN')).toEqual(['martin']);
  });
});

describe('jetons de date et termes d’un acte', () => {
  it('trois jetons par date : année, mois, jour (jour et mois en tête)', () => {
    expect(jetonsDate('1987-03-12')).toEqual(['y1987', 'm198703', 'j12031987']);
  });

  it('indexe noms, prénoms, parents, type, date de l’événement et année du registre', () => {
    const acte = {
      type: 'naissance',
      annee: 1987,
      dateEvenement: '1987-03-12',
      personnes: [
        {
          role: 'titulaire',
          nom: 'de La Fontaine',
          prenoms: ['Marie-Hélène'],
          sexe: 'F',
          dateNaissance: '1987-03-12',
          lieuNaissance: null,
          profession: null,
        },
        {
          role: 'pere',
          nom: 'DE LA FONTAINE',
          prenoms: ['Jean'],
          sexe: null,
          dateNaissance: '1950-01-02',
          lieuNaissance: null,
          profession: null,
        },
      ],
    } as Pick<Acte, 'type' | 'annee' | 'dateEvenement' | 'personnes'>;
    const t = termesActe(acte);
    expect(t.texte.split(' ').sort()).toEqual(
      [
        'de',
        'la',
        'fontaine',
        'delafontaine',
        'marie',
        'helene',
        'jean',
        'tnaissance',
        'y1987',
        'm198703',
        'j12031987',
      ].sort(),
    );
    expect(t.mots).toEqual(['de', 'la', 'fontaine', 'delafontaine', 'marie', 'helene', 'jean']);
  });

  it('un acte non indexé n’a que son type et l’année de son registre', () => {
    expect(termesActe({ type: 'deces', annee: 1931, dateEvenement: null, personnes: [] })).toEqual({
      texte: 'tdeces y1931',
      mots: [],
    });
  });
});

describe('suppressions d’une lettre (fautes de frappe)', () => {
  it('énumère chaque suppression une fois', () => {
    expect(suppressionsUneLettre('dupont').sort()).toEqual(
      ['dpont', 'duont', 'dupnt', 'dupot', 'dupon', 'upont'].sort(),
    );
    expect(suppressionsUneLettre('abba').sort()).toEqual(['aba', 'abb', 'bba'].sort());
  });

  it('deux mots à une transposition près partagent une suppression', () => {
    const a = new Set(suppressionsUneLettre('dupnot'));
    expect(suppressionsUneLettre('dupont').some((s) => a.has(s))).toBe(true);
  });
});

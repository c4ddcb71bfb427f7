import { describe, expect, it } from 'vitest';
import { comparerPrenoms, unitesPrenoms } from '../../../shared/domain/correspondance';

describe('comparaison des prénoms', () => {
  it('un prénom composé reste une unité ; espaces et virgules séparent', () => {
    expect(unitesPrenoms(['Jean-Pierre', 'Marie'])).toEqual(['jeanpierre', 'marie']);
    expect(unitesPrenoms(['Marie Anne, Louise'])).toEqual(['marie', 'anne', 'louise']);
  });

  it('identique', () => {
    expect(comparerPrenoms(['Marie', 'Hélène'], ['Marie', 'Hélène']).verdict).toBe('identique');
  });

  it('accents, casse, tirets, espaces : écriture', () => {
    expect(comparerPrenoms(['MARIE', 'HELENE'], ['Marie', 'Hélène']).natures).toEqual(['graphie']);
    expect(comparerPrenoms(['Jean Pierre'], ['Jean-Pierre']).natures).toEqual(['graphie']);
    expect(comparerPrenoms(['Marie Hélène'], ['Marie', 'Hélène']).natures).toEqual(['graphie']);
  });

  it('second prénom manquant, d’un côté ou de l’autre', () => {
    expect(comparerPrenoms(['Marie'], ['Marie', 'Hélène']).natures).toEqual(['prenom_manquant']);
    expect(comparerPrenoms(['Marie', 'Hélène', 'Louise'], ['Marie', 'Louise']).natures).toEqual(['prenom_manquant']);
    expect(comparerPrenoms(['Marie', 'Hélène'], ['MARIE']).natures).toEqual(['prenom_manquant']);
  });

  it('premier prénom absent ou ordre changé : pas anodin', () => {
    expect(comparerPrenoms(['Hélène'], ['Marie', 'Hélène']).natures).toEqual(['prenom_manquant', 'ordre_prenoms']);
    expect(comparerPrenoms(['Hélène', 'Marie'], ['Marie', 'Hélène']).natures).toEqual(['ordre_prenoms']);
  });

  it('faute de frappe et prononciation', () => {
    expect(comparerPrenoms(['Hélnèe'], ['Hélène']).natures).toEqual(['faute_de_frappe']);
    expect(comparerPrenoms(['Mathieu'], ['Matthieu']).natures).toEqual(['phonetique']);
    expect(comparerPrenoms(['Mathieu', 'Paul'], ['Matthieu']).natures).toEqual(['phonetique', 'prenom_manquant']);
  });

  it('Jean n’est pas Jean-Pierre ; Paul n’est pas Pierre', () => {
    expect(comparerPrenoms(['Jean'], ['Jean-Pierre']).verdict).toBe('different');
    expect(comparerPrenoms(['Paul'], ['Pierre']).verdict).toBe('different');
  });

  it('absent quand un côté ne donne rien', () => {
    expect(comparerPrenoms([], ['Paul']).verdict).toBe('absent');
    expect(comparerPrenoms(['  '], ['Paul']).verdict).toBe('absent');
  });
});

import { describe, expect, it } from 'vitest';
import { comparerNom } from '../../../shared/domain/correspondance';

describe('comparaison des noms', () => {
  it('identique quand le texte est le même', () => {
    expect(comparerNom('DUPONT', ' DUPONT ')).toEqual({ verdict: 'identique', natures: [] });
  });

  it.each([
    ['Dupont', 'DUPONT', 'casse'],
    ['LEFEVRE', 'LEFÈVRE', 'accents'],
    ['SAINT-JUST', 'SAINT JUST', 'tirets'],
    ['LE GALL', 'LEGALL', 'espaces'],
    ["N'DIAYE", 'NDIAYE', 'apostrophe'],
  ])('%s / %s : variante d’écriture (%s)', (d, r) => {
    expect(comparerNom(d, r)).toEqual({ verdict: 'variante', natures: ['graphie'] });
  });

  it('même prononciation : variante phonétique', () => {
    expect(comparerNom('Lefèvre', 'LEFEBVRE').natures).toEqual(['phonetique']);
    expect(comparerNom('DUPOND', 'DUPONT').natures).toEqual(['phonetique']);
    expect(comparerNom('Lefaivre', 'LEFÈVRE').natures).toEqual(['phonetique']);
    expect(comparerNom('MARTINN', 'MARTIN').natures).toEqual(['phonetique']);
  });

  it('St / Saint, Mc / Mac, particule écrite ou omise : même écriture (issue 17)', () => {
    expect(comparerNom('St-Exupéry', 'de SAINT-EXUPÉRY').natures).toEqual(['graphie']);
    expect(comparerNom('Ste-Beuve', 'SAINTE BEUVE').natures).toEqual(['graphie']);
    expect(comparerNom('McDonald', 'MAC DONALD').natures).toEqual(['graphie']);
    expect(comparerNom('Lafontaine', 'de La Fontaine').natures).toEqual(['graphie']);
    expect(comparerNom('Almeida', 'D’ALMEIDA').natures).toEqual(['graphie']);
    // "Du" glued to the name is the name itself: PONT is not DUPONT.
    expect(comparerNom('Pont', 'DUPONT').verdict).toBe('different');
    expect(comparerNom('Fontaine', 'de La Fontaine').natures).toEqual(['nom_partiel']);
  });

  it('une lettre inversée, en trop, en moins ou changée : faute de frappe', () => {
    expect(comparerNom('MATRIN', 'MARTIN').natures).toEqual(['faute_de_frappe']);
    expect(comparerNom('MARTINO', 'MARTIN').natures).toEqual(['faute_de_frappe']);
    expect(comparerNom('PETOT', 'PETIT').natures).toEqual(['faute_de_frappe']);
  });

  it('deux fautes ou un autre nom : différent', () => {
    expect(comparerNom('MRTNI', 'MARTIN').verdict).toBe('different');
    expect(comparerNom('BERNARD', 'MARTIN').verdict).toBe('different');
  });

  it('un nom court qui change d’une lettre est un autre nom, pas une faute de frappe', () => {
    expect(comparerNom('LI', 'LU').verdict).toBe('different');
    expect(comparerNom('RAY', 'ROY').verdict).not.toBe('variante');
  });

  it('une partie d’un nom composé : variante « nom partiel »', () => {
    expect(comparerNom('MARTIN', 'MARTIN DUPONT').natures).toEqual(['nom_partiel']);
    expect(comparerNom('MARTIN-DUPONT', 'DUPONT').natures).toEqual(['nom_partiel']);
  });

  it('nom d’usage reconnu quand l’acte le connaît', () => {
    const estNomUsage = (n: string) => n === 'GARNIER';
    expect(comparerNom('GARNIER', 'ROUSSEAU', estNomUsage).natures).toEqual(['nom_usage']);
    expect(comparerNom('GARNIER', 'ROUSSEAU').verdict).toBe('different');
  });

  it('absent quand un côté ne donne rien', () => {
    expect(comparerNom('', 'MARTIN').verdict).toBe('absent');
    expect(comparerNom('MARTIN', null).verdict).toBe('absent');
  });
});

import { describe, expect, it } from 'vitest';
import { clePhonetique } from '../../../shared/domain/phonetique';
import { mots } from '../../../shared/domain/normalisation';

const cle = (nom: string) => {
  const [mot] = mots(nom);
  return clePhonetique(mot);
};

describe('clé phonétique française (Phonex)', () => {
  it.each([
    ['Lefebvre', 'Lefèvre', 'Lefeuvre'],
    ['Dupont', 'Dupond'],
    ['Meyer', 'Mayer', 'Maier', 'Meier'],
    ['Rousseau', 'Rousseaux'],
    ['Thomas', 'Tomas'],
    ['Philippe', 'Filipe', 'Philipe'],
    ['Catherine', 'Katherine'],
    ['Mathieu', 'Matthieu'],
    ['Gauthier', 'Gautier'],
    ['Henri', 'Henry', 'Enri'],
    ['Schmitt', 'Schmidt'],
  ])('regroupe les variantes de %s', (...variantes) => {
    const cles = new Set(variantes.map(cle));
    expect(cles.size).toBe(1);
    expect([...cles][0]).not.toBe('');
  });

  it.each([
    ['Martin', 'Bernard'],
    ['Dupont', 'Dubois'],
    ['Meyer', 'Moreau'],
    ['Thomas', 'Tournier'],
    ['Catherine', 'Caroline'],
    ['Richard', 'Ricard'],
  ])('distingue %s et %s', (a, b) => {
    expect(cle(a)).not.toBe(cle(b));
  });

  it('ignore le h muet initial mais garde ch, ph, sh', () => {
    expect(clePhonetique('hugo')).toBe(clePhonetique('ugo'));
    expect(clePhonetique('charles')).not.toBe(clePhonetique('arles'));
    expect(clePhonetique('philippe')).toBe(clePhonetique('filipe'));
  });

  it('rend une clé vide pour un mot sans lettre', () => {
    expect(clePhonetique('1987')).toBe('');
    expect(clePhonetique('')).toBe('');
  });

  it('est déterministe et ne dépend que du mot normalisé', () => {
    expect(cle('LEFÈVRE')).toBe(cle('lefevre'));
    expect(cle('N’Diaye')).toBe(clePhonetique('ndiaye'));
  });
});

import { describe, expect, it } from 'vitest';
import { citer, LONGUEUR_CITATION } from '../../../shared/citation';

describe('citer : extrait court et échappé d’une valeur venue du dehors', () => {
  it('laisse passer un texte ordinaire, accents compris', () => {
    expect(citer('NDIAYE Aïssatou')).toBe('NDIAYE Aïssatou');
  });
  it('échappe les caractères de contrôle, séquences de terminal et fins de ligne', () => {
    expect(citer('ND\u0000IAYE')).toBe('ND\\u{0}IAYE');
    expect(citer('\u001b[31mPIRATE')).toBe('\\u{1B}[31mPIRATE');
    expect(citer('urn:x\nregistre : Document accepté')).not.toContain('\n');
    expect(citer('a\u2028b\u202ec')).toBe('a\\u{2028}b\\u{202E}c');
  });
  it('échappe les demi-codets isolés mais garde les paires', () => {
    expect(citer('x\ud800y')).toBe('x\\u{D800}y');
    expect(citer('x\udfff')).toBe('x\\u{DFFF}');
    expect(citer('😀')).toBe('😀');
  });
  it('coupe une valeur longue et dit sa longueur', () => {
    const long = 'A'.repeat(900_000);
    const c = citer(long);
    expect(c.length).toBeLessThan(LONGUEUR_CITATION + 40);
    expect(c).toContain('900000 caractères');
    expect(citer('abcdef', 3)).toBe('abc… (6 caractères)');
  });
  it('cite aussi une valeur qui n’est pas une chaîne', () => {
    expect(citer(42)).toBe('42');
  });
});

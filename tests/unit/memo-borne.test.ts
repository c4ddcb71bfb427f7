import { describe, expect, it } from 'vitest';
import { MemoBorne, memoiser } from '../../shared/memo-borne';

describe('MemoBorne', () => {
  it('calcule une seule fois par clé', () => {
    const appels: string[] = [];
    const f = memoiser(10, (x: string) => {
      appels.push(x);
      return x.toUpperCase();
    });
    expect(f('albi')).toBe('ALBI');
    expect(f('albi')).toBe('ALBI');
    expect(f('gaillac')).toBe('GAILLAC');
    expect(appels).toEqual(['albi', 'gaillac']);
  });

  it('repart de zéro une fois plein : la mémoire ne dépasse jamais la taille', () => {
    const memo = new MemoBorne<number, number>(3);
    let calculs = 0;
    const carre = (n: number) => {
      calculs++;
      return n * n;
    };
    for (const n of [1, 2, 3]) memo.obtenir(n, carre);
    expect(memo.nombre).toBe(3);
    expect(memo.obtenir(4, carre)).toBe(16);
    expect(memo.nombre).toBe(1);
    expect(memo.obtenir(1, carre)).toBe(1);
    expect(calculs).toBe(5);
    for (let n = 0; n < 100; n++) memo.obtenir(n, carre);
    expect(memo.nombre).toBeLessThanOrEqual(3);
  });

  it('se souvient aussi d’une valeur indéfinie, et ne retient pas une erreur', () => {
    const memo = new MemoBorne<string, undefined>(5);
    let calculs = 0;
    memo.obtenir('x', () => void calculs++);
    memo.obtenir('x', () => void calculs++);
    expect(calculs).toBe(1);
    const echoue = new MemoBorne<string, number>(5);
    expect(() =>
      echoue.obtenir('y', () => {
        throw new Error('illisible');
      }),
    ).toThrow('illisible');
    expect(echoue.obtenir('y', () => 7)).toBe(7);
  });
});

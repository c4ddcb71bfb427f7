import { describe, expect, it } from 'vitest';
import { delaiAvantNouvelEssai, issueSelonStatut } from '../../../electron/sync/reprise';

const opts = (alea: number) => ({ baseMs: 1000, plafondMs: 60_000, alea: () => alea });

describe('reprise exponentielle avec gigue', () => {
  it('double à chaque échec, moitié fixe et moitié aléatoire', () => {
    expect(delaiAvantNouvelEssai(1, opts(0))).toBe(500);
    expect(delaiAvantNouvelEssai(1, opts(0.999999))).toBe(1000);
    expect(delaiAvantNouvelEssai(2, opts(0))).toBe(1000);
    expect(delaiAvantNouvelEssai(3, opts(0.5))).toBe(3000);
    expect(delaiAvantNouvelEssai(4, opts(0))).toBe(4000);
  });

  it('plafonne, même après des milliers d’échecs', () => {
    expect(delaiAvantNouvelEssai(7, opts(0.999999))).toBe(60_000);
    expect(delaiAvantNouvelEssai(10_000, opts(0))).toBe(30_000);
    expect(Number.isFinite(delaiAvantNouvelEssai(10_000, opts(1)))).toBe(true);
  });

  it('la gigue disperse vraiment les délais', () => {
    const delais = new Set(
      Array.from({ length: 50 }, () => delaiAvantNouvelEssai(5, { baseMs: 1000, plafondMs: 60_000 })),
    );
    expect(delais.size).toBeGreaterThan(20);
    for (const x of delais) {
      expect(x).toBeGreaterThanOrEqual(8000);
      expect(x).toBeLessThanOrEqual(16000);
    }
  });
});

describe('réessayer ou non', () => {
  it('réseau et 5xx : réessayer ; 4xx : définitif', () => {
    expect(issueSelonStatut(null)).toBe('reessayer');
    expect(issueSelonStatut(500)).toBe('reessayer');
    expect(issueSelonStatut(503)).toBe('reessayer');
    expect(issueSelonStatut(400)).toBe('final');
    expect(issueSelonStatut(409)).toBe('final');
    expect(issueSelonStatut(422)).toBe('final');
  });
});

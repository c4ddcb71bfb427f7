/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same hostile
 * documents on every machine, so a failure found once is replayed by its seed and index.
 */
export class Alea {
  private etat: number;

  constructor(graine: number) {
    this.etat = graine >>> 0;
  }

  /** In [0, 1). */
  suivant(): number {
    this.etat = (this.etat + 0x6d2b79f5) >>> 0;
    let t = this.etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  entier(min: number, max: number): number {
    return min + Math.floor(this.suivant() * (max - min + 1));
  }

  choix<T>(liste: readonly T[]): T {
    return liste[this.entier(0, liste.length - 1)];
  }
}

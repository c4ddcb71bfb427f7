import { Faker, base, fr, generateMersenne53Randomizer } from '@faker-js/faker';

/**
 * The seeded source of the synthetic register: faker's French locale (names) and its
 * Mersenne Twister (same seed, same register). Draws go straight to the randomizer: a
 * million acts need some fifty million draws, and faker's per-call option parsing would
 * make the generation several times slower.
 */
export class Hasard {
  readonly faker: Faker;
  private readonly alea: () => number;

  constructor(graine: number) {
    const randomizer = generateMersenne53Randomizer();
    randomizer.seed(graine);
    this.faker = new Faker({ locale: [fr, base], randomizer });
    this.alea = () => randomizer.next();
  }

  /** Uniform in [0, 1). */
  reel(): number {
    return this.alea();
  }

  /** Integer in [min, max]. */
  entier(min: number, max: number): number {
    return min + Math.floor(this.alea() * (max - min + 1));
  }

  oui(probabilite: number): boolean {
    return this.alea() < probabilite;
  }

  choix<T>(liste: readonly T[]): T {
    return liste[Math.floor(this.alea() * liste.length)];
  }
}

/**
 * A list drawn with weights (cumulative table + binary search: O(log n) per draw).
 * Names follow a Zipf-like law in real registers: a few very common, a long tail of rare ones.
 */
export class Tirage<T> {
  private readonly cumuls: Float64Array;
  private readonly total: number;

  constructor(
    private readonly valeurs: readonly T[],
    poids: readonly number[],
  ) {
    this.cumuls = new Float64Array(valeurs.length);
    let s = 0;
    poids.forEach((p, i) => {
      s += p;
      this.cumuls[i] = s;
    });
    this.total = s;
  }

  /** Weights 1/(rank+decalage)^exposant: the first of the list is the most frequent. */
  static zipf<T>(valeurs: readonly T[], exposant = 1, decalage = 3): Tirage<T> {
    return new Tirage(
      valeurs,
      valeurs.map((_, i) => 1 / Math.pow(i + decalage, exposant)),
    );
  }

  tirer(h: Hasard): T {
    const x = h.reel() * this.total;
    let bas = 0;
    let haut = this.cumuls.length - 1;
    while (bas < haut) {
      const milieu = (bas + haut) >> 1;
      if (this.cumuls[milieu] > x) haut = milieu;
      else bas = milieu + 1;
    }
    return this.valeurs[bas];
  }
}

import { Faker, base, fr } from '@faker-js/faker';

/**
 * The platform's seeded randomness (faker's French locale and its seeded generator): the same
 * seed gives the same generated requests and the same injected faults, so a test is repeatable.
 */
export class Hasard {
  readonly faker: Faker;

  constructor(graine: number) {
    this.faker = new Faker({ locale: [fr, base] });
    this.faker.seed(graine);
  }

  /** Uniform in [0, 1). */
  reel(): number {
    return this.faker.number.int({ min: 0, max: 2 ** 32 - 1 }) / 2 ** 32;
  }

  /** Integer in [min, max]. */
  entier(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  oui(probabilite: number): boolean {
    return this.reel() < probabilite;
  }

  choix<T>(liste: readonly T[]): T {
    return this.faker.helpers.arrayElement(liste);
  }

  /** Drawn with weights: [[valeur, poids], ...]. */
  pondere<T>(liste: readonly (readonly [T, number])[]): T {
    return this.faker.helpers.weightedArrayElement(liste.map(([value, weight]) => ({ value, weight })));
  }
}

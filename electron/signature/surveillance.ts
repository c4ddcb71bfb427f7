import { journal } from '../journal';

/**
 * Polls the readers about once a second (PKCS#11's C_WaitForSlotEvent blocks or is not
 * implemented by many middlewares; comparing the set of tokens works with all of them).
 * A pass never overlaps the previous one, and the timer never keeps the process alive.
 */
export class Surveillance {
  #minuterie: NodeJS.Timeout | null = null;
  #enCours = false;

  constructor(
    private readonly passe: () => void,
    private readonly intervalleMs = 1000,
  ) {}

  get active(): boolean {
    return this.#minuterie !== null;
  }

  demarrer(): void {
    if (this.#minuterie) return;
    this.#minuterie = setInterval(() => {
      if (this.#enCours) return;
      this.#enCours = true;
      try {
        this.passe();
      } catch (e) {
        journal.avertir('sondage des cartes en échec', { type: (e as Error)?.name });
      } finally {
        this.#enCours = false;
      }
    }, this.intervalleMs);
    this.#minuterie.unref();
  }

  arreter(): void {
    if (this.#minuterie) clearInterval(this.#minuterie);
    this.#minuterie = null;
  }
}

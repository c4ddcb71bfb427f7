/**
 * The PIN dialog's guard: a PIN typed while the previous one is still in use, or once the dialog
 * is closing, starts nothing. Plain fields, not React state: a second Enter can arrive before
 * React has re-rendered the disabled button.
 */
export class GardePin {
  #ouvert = false;
  #occupe = false;

  ouvrir(): void {
    this.#ouvert = true;
  }

  fermer(): void {
    this.#ouvert = false;
  }

  get ouvert(): boolean {
    return this.#ouvert;
  }

  /** True when this PIN may start the operation (then the guard is taken until `rendre`). */
  prendre(): boolean {
    if (!this.#ouvert || this.#occupe) return false;
    this.#occupe = true;
    return true;
  }

  rendre(): void {
    this.#occupe = false;
  }
}

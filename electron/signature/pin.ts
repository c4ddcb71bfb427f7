import { inspect } from 'node:util';
import { erreurs } from '../../shared/errors';

/**
 * A PIN held for the duration of ONE call, in a buffer we overwrite when the call ends.
 * It prints as `***` everywhere (logs, JSON, util.inspect) so it cannot leak by accident.
 *
 * Limit we cannot lift: pkcs11js only takes the PIN as a JS string for C_Login, and the
 * renderer sends it as a string inside the call's JSON. Strings are immutable in JS, so we
 * keep them for the shortest time (no reference kept), and our own copy is the buffer below.
 */
export class CodePin {
  #octets: Buffer | null;

  private constructor(octets: Buffer) {
    this.#octets = octets;
  }

  /** Copies the text into a buffer of our own (never from Buffer's shared pool). */
  static depuisTexte(texte: string): CodePin {
    const octets = Buffer.alloc(Buffer.byteLength(texte, 'utf8'));
    octets.write(texte, 'utf8');
    return new CodePin(octets);
  }

  /** Takes ownership of `octets` (the terminal's buffer): no string is made until the card needs it. */
  static depuisOctets(octets: Buffer): CodePin {
    return new CodePin(octets);
  }

  get longueur(): number {
    return this.#octets?.length ?? 0;
  }

  get efface(): boolean {
    return this.#octets === null;
  }

  /** Hands the PIN to `fn` as the string PKCS#11 bindings need, and keeps no reference. */
  utiliser<T>(fn: (pin: string) => T): T {
    if (!this.#octets) throw erreurs.interne('code PIN déjà effacé');
    return fn(this.#octets.toString('utf8'));
  }

  /** Overwrites the buffer. Idempotent. */
  effacer(): void {
    if (this.#octets) {
      this.#octets.fill(0);
      this.#octets = null;
    }
  }

  toString(): string {
    return '***';
  }
  toJSON(): string {
    return '***';
  }
  [inspect.custom](): string {
    return 'CodePin(***)';
  }
}

/**
 * Checks a PIN against the token's bounds BEFORE it reaches the card: a PIN of the wrong
 * length must not cost a try. No message ever contains the PIN itself.
 */
export function verifierFormePin(pin: CodePin, bornes: { min: number; max: number }): void {
  const min = Math.max(1, bornes.min || 1);
  const max = bornes.max > 0 && bornes.max < 256 ? bornes.max : 64;
  if (pin.longueur < min || pin.longueur > max) throw erreurs.pinLongueur(min, max);
  pin.utiliser((p) => {
    if (/[\u0000-\u001f\u007f]/.test(p))
      throw erreurs.saisieInvalide('pin', 'le code contient des caractères non admis');
  });
}

/** Runs `fn` with a PIN made from `texte` and always overwrites it afterwards. */
export async function avecPin<T>(
  texte: string | undefined | null,
  fn: (pin: CodePin | null) => Promise<T> | T,
): Promise<T> {
  const pin = texte === undefined || texte === null ? null : CodePin.depuisTexte(texte);
  try {
    return await fn(pin);
  } finally {
    pin?.effacer();
  }
}

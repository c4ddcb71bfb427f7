import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lirePinEntree } from '../../../electron/signature/pin-terminal';

/** `registre sign --pin-stdin`: the first line of standard input, never the environment. */
const flux = (...morceaux: string[]) => Readable.from(morceaux.map((m) => Buffer.from(m)));

describe('PIN lu sur l’entrée standard (--pin-stdin)', () => {
  it('la première ligne seulement, fin de ligne Windows comprise, même en plusieurs morceaux', async () => {
    for (const entree of [
      flux('739164\n'),
      flux('739164\r\n'),
      flux('73', '91', '64'),
      flux('739164\nautre ligne\n'),
    ]) {
      const pin = await lirePinEntree(entree);
      expect(pin.longueur).toBe(6);
      expect(pin.utiliser((p) => p)).toBe('739164');
      expect(String(pin)).toBe('***');
      pin.effacer();
    }
  });

  it('refuse une entrée vide, un code trop long et un terminal, sans citer le code', async () => {
    await expect(lirePinEntree(flux(''))).rejects.toThrow(/aucun code PIN sur l’entrée standard/i);
    await expect(lirePinEntree(flux('\n1234\n'))).rejects.toThrow(/aucun code PIN/i);
    const long = '9'.repeat(65);
    const e = (await lirePinEntree(flux(`${long}\n`)).then(
      () => null,
      (x: Error) => x,
    ))!;
    expect(e.message).toMatch(/trop long/);
    expect(e.message).not.toContain('9999');
    const terminal = Object.assign(flux('1234\n'), { isTTY: true });
    await expect(lirePinEntree(terminal)).rejects.toThrow(/entrée redirigée/);
  });
});

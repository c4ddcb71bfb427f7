import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { avecPin, CodePin, verifierFormePin } from '../../../electron/signature/pin';

describe('code PIN', () => {
  it('ne s’affiche jamais : journal, JSON, inspect, gabarit', () => {
    const pin = CodePin.depuisTexte('4821');
    const vues = [String(pin), JSON.stringify({ pin }), inspect(pin), `${pin}`, inspect({ a: pin }, { depth: 5 })];
    for (const v of vues) expect(v).not.toContain('4821');
  });

  it('est effacé après l’appel, même en cas d’erreur', async () => {
    let garde: CodePin | null = null;
    await expect(
      avecPin('4821', (p) => {
        garde = p;
        throw new Error('échec');
      }),
    ).rejects.toThrow('échec');
    expect(garde!.efface).toBe(true);
    expect(() => garde!.utiliser((x) => x)).toThrow();
  });

  it('écrase le tampon qu’il détient', () => {
    const octets = Buffer.from('987654');
    const pin = CodePin.depuisOctets(octets);
    expect(pin.utiliser((p) => p)).toBe('987654');
    pin.effacer();
    expect([...octets]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(pin.efface).toBe(true);
    pin.effacer(); // idempotent
  });

  it('vérifie la longueur avant la carte (un PIN trop court ne coûte pas d’essai)', () => {
    expect(() => verifierFormePin(CodePin.depuisTexte('12'), { min: 4, max: 8 })).toThrow(/longueur/);
    expect(() => verifierFormePin(CodePin.depuisTexte('123456789'), { min: 4, max: 8 })).toThrow(/entre 4 et 8/);
    expect(() => verifierFormePin(CodePin.depuisTexte('12\n4'), { min: 4, max: 8 })).toThrow(/caractères/);
    expect(() => verifierFormePin(CodePin.depuisTexte('1234'), { min: 4, max: 8 })).not.toThrow();
    try {
      verifierFormePin(CodePin.depuisTexte('12'), { min: 4, max: 8 });
    } catch (e) {
      expect(JSON.stringify(e)).not.toContain('"12"');
      expect((e as Error).message).not.toMatch(/\b12\b/);
    }
  });
});

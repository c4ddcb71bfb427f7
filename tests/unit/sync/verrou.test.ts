import { describe, expect, it } from 'vitest';
import { UneSeuleALaFois } from '../../../electron/sync/verrou';

describe('jamais deux synchronisations à la fois', () => {
  it('une seconde demande rejoint la première au lieu d’en lancer une autre', async () => {
    const verrou = new UneSeuleALaFois<number>();
    let lancees = 0;
    let liberer!: () => void;
    const tache = () => {
      lancees++;
      return new Promise<number>((ok) => (liberer = () => ok(lancees)));
    };
    const a = verrou.executer(tache);
    const b = verrou.executer(tache);
    expect(a.rejoint).toBe(false);
    expect(b.rejoint).toBe(true);
    expect(verrou.occupe).toBe(true);
    liberer();
    expect(await a.promesse).toBe(1);
    expect(await b.promesse).toBe(1);
    expect(lancees).toBe(1);
    expect(verrou.occupe).toBe(false);
    const c = verrou.executer(async () => 42);
    expect(c.rejoint).toBe(false);
    expect(await c.promesse).toBe(42);
  });

  it('un échec libère le verrou', async () => {
    const verrou = new UneSeuleALaFois<number>();
    await expect(verrou.executer(async () => Promise.reject(new Error('x'))).promesse).rejects.toThrow('x');
    expect(verrou.occupe).toBe(false);
    await verrou.attendre();
  });
});

import { describe, expect, it } from 'vitest';
import { RegistreError } from '../../../shared/errors';
import { sansPlateformeFormation } from '../../../electron/sync/plateforme/formation-embarquee';

// sync never imports the sandbox: app.ts hands it the training platform's factory
// (tests/integration/sync/formation-embarquee.test.ts runs the real one). Without it, training
// fails with a typed error instead of falling back to the configured (real) address.
describe('plateforme de formation donnée par app.ts', () => {
  it('sans fabrique, la formation échoue avec une erreur typée', async () => {
    const r = sansPlateformeFormation({
      commune: { codeInsee: '81021' },
      carte: { titulaire: 'A', certificatsPem: [], caPem: '' },
    });
    await expect(r).rejects.toBeInstanceOf(RegistreError);
    await expect(r).rejects.toMatchObject({ code: 'interne' });
  });
});

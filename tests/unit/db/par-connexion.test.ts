import { describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db/connexion';
import { parConnexion } from '../../../electron/db/par-connexion';
import { depotPour } from '../../../electron/registre/service';
import { moteurPour } from '../../../electron/registre/recherche';
import { vocabulairePour } from '../../../electron/registre/recherche/vocabulaire';

describe('parConnexion', () => {
  it('construit un objet par connexion, une seule fois, et un nouveau pour une autre connexion', () => {
    const a = ouvrirBase(':memory:');
    const b = ouvrirBase(':memory:');
    try {
      let construits = 0;
      const compteur = parConnexion((db) => ({ n: ++construits, db }));
      const premier = compteur(a);
      expect(compteur(a)).toBe(premier);
      expect(premier.db).toBe(a);
      const autre = compteur(b);
      expect(autre).not.toBe(premier);
      expect(autre.db).toBe(b);
      expect(construits).toBe(2);
    } finally {
      a.close();
      b.close();
    }
  });

  it('sert le dépôt, le moteur de recherche et le vocabulaire du registre', () => {
    const a = ouvrirBase(':memory:');
    const b = ouvrirBase(':memory:');
    try {
      for (const pour of [depotPour, moteurPour, vocabulairePour] as const) {
        expect(pour(a)).toBe(pour(a));
        expect(pour(b)).not.toBe(pour(a));
      }
    } finally {
      a.close();
      b.close();
    }
  });
});

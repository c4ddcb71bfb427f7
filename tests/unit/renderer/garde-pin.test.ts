import { describe, expect, it } from 'vitest';
import { GardePin } from '../../../renderer/src/ecrans/cartes/garde-pin';

describe('garde du dialogue PIN : une saisie à la fois, rien une fois le dialogue fermé', () => {
  it('un PIN tapé pendant que le précédent sert encore ne lance rien', () => {
    const g = new GardePin();
    g.ouvrir();
    expect(g.prendre()).toBe(true);
    expect(g.prendre()).toBe(false);
    g.rendre();
    expect(g.prendre()).toBe(true);
  });

  it('un PIN tapé pendant que le dialogue se ferme (ou avant qu’il s’ouvre) ne lance rien', () => {
    const g = new GardePin();
    expect(g.prendre()).toBe(false);
    g.ouvrir();
    g.fermer();
    expect(g.prendre()).toBe(false);
    g.ouvrir();
    expect(g.prendre()).toBe(true);
  });
});

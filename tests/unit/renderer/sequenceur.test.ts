import { describe, expect, it } from 'vitest';
import { creerSequenceur, creerTemporisation } from '../../../renderer/src/store/sequenceur';

describe('réponses périmées et temporisation de la recherche', () => {
  it('seule la dernière demande peut appliquer sa réponse, même si une ancienne répond après', async () => {
    const s = creerSequenceur();
    const appliquees: string[] = [];
    const chercher = (texte: string, delai: number) => {
      const actuel = s.ticket();
      return new Promise<void>((r) =>
        setTimeout(() => {
          if (actuel()) appliquees.push(texte);
          r();
        }, delai),
      );
    };
    await Promise.all([chercher('dup', 30), chercher('dupont', 5)]);
    expect(appliquees).toEqual(['dupont']);
    const t = s.ticket();
    s.perimer();
    expect(t()).toBe(false);
  });

  it('la temporisation ne lance que la dernière action après le silence', async () => {
    const t = creerTemporisation(20);
    const lancees: number[] = [];
    for (let i = 0; i < 5; i++) t.lancer(() => lancees.push(i));
    await new Promise((r) => setTimeout(r, 50));
    expect(lancees).toEqual([4]);
    t.lancer(() => lancees.push(9));
    t.annuler();
    await new Promise((r) => setTimeout(r, 40));
    expect(lancees).toEqual([4]);
  });
});

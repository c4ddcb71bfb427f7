import { describe, expect, it } from 'vitest';
import { AVANT, CANDIDATS, DIFFERENTS, MEMES, RETENU, mesurer, type Mesure } from '../../fixtures/phonetique/mesure';

/**
 * The phonetic key is chosen by measure (docs/phonetique.md): on the table of real name pairs,
 * no candidate that merges as few different-sounding names groups more spellings of one name.
 * Every threshold below comes from the candidates' own figures.
 */
describe('clé phonétique retenue, mesurée sur la table de paires de noms', () => {
  const mesures: Record<string, Mesure> = Object.fromEntries(
    Object.entries(CANDIDATS).map(([nom, f]) => [nom, mesurer(f)]),
  );
  const retenu = mesurer(RETENU);
  const avant = mesurer(AVANT);

  it('la table compte au moins 80 paires de chaque sorte', () => {
    expect(MEMES.length).toBeGreaterThanOrEqual(80);
    expect(DIFFERENTS.length).toBeGreaterThanOrEqual(80);
  });

  it('ne fusionne pas plus de noms différents (non homophones) que le meilleur candidat, ni qu’avant', () => {
    const moins = Math.min(...Object.values(mesures).map((m) => m.fusionsDistinctes));
    expect(retenu.fusionsDistinctes).toBe(moins);
    expect(retenu.fusionsDistinctes).toBeLessThanOrEqual(avant.fusionsDistinctes);
  });

  it('regroupe autant de variantes d’un même nom que le meilleur candidat à cette précision, et plus qu’avant', () => {
    const precis = Object.values(mesures).filter((m) => m.fusionsDistinctes <= retenu.fusionsDistinctes);
    expect(retenu.rappel).toBe(Math.max(...precis.map((m) => m.rappel)));
    expect(retenu.rappel).toBeGreaterThan(avant.rappel);
  });

  it('ne fusionne parmi les noms différents que des homophones', () => {
    const homophones = DIFFERENTS.filter((p) => p[2] === 'homophone').map((p) => `${p[0]} / ${p[1]}`);
    for (const f of retenu.fusionnes) expect(homophones).toContain(f);
  });
});

import { describe, expect, it } from 'vitest';
import { indexCommunes } from '../../../electron/registre/communes';
import { comparerLieu, rapprocher } from '../../../shared/domain/correspondance';
import { acteNaissance, demandeNaissance } from './fabrique';

/** Matching reads places through the place normaliser: two spellings of one place are one place. */
const lieu = (commune: string, codeInsee: string | null = null, pays: string | null = null) => ({
  commune,
  codeInsee,
  departement: null,
  pays,
});

describe('rapprochement : les lieux tels que les officiers les écrivent', () => {
  const communes = indexCommunes();

  it('« Paris 20e » demandé, 75120 au registre : même lieu, variante anodine nommée', () => {
    expect(comparerLieu(lieu('Paris 20e'), lieu('Paris 20e Arrondissement', '75120'), communes)).toEqual({
      verdict: 'variante',
      natures: ['meme_lieu'],
    });
    expect(comparerLieu(lieu('Paris XXe'), lieu('75020'), communes).natures).toEqual(['meme_lieu']);
    expect(comparerLieu(lieu('Paris 2e'), lieu('Paris 20e', '75120'), communes).verdict).toBe('different');
  });

  it('« Paris » pour « Paris 20e » : compatible, moins précis', () => {
    expect(comparerLieu(lieu('Paris'), lieu('Paris 20e', '75120'), communes).natures).toEqual(['lieu_moins_precis']);
  });

  it('une ancienne commune et sa commune nouvelle, dans les deux sens', () => {
    expect(comparerLieu(lieu('Cherbourg-Octeville'), lieu('Cherbourg-en-Cotentin', '50129'), communes).natures).toEqual(
      ['ancienne_commune'],
    );
    expect(comparerLieu(lieu('Annecy'), lieu('Annecy-le-Vieux'), communes).natures).toEqual(['ancienne_commune']);
    expect(comparerLieu(lieu('Seynod'), lieu('Annecy-le-Vieux'), communes).verdict).toBe('different');
  });

  it('deux communes connues distinctes ne sont pas une faute de frappe l’une de l’autre', () => {
    expect(comparerLieu(lieu('Saint-Denis (93)'), lieu('Saint-Denis', '97411'), communes).verdict).toBe('different');
    // Not in the table: compared like a proper name.
    expect(comparerLieu(lieu('Aussilon'), lieu('Aussillon', '81021'), communes).verdict).toBe('variante');
  });

  it('à l’étranger, le pays écrit avec la ville ou à part', () => {
    expect(comparerLieu(lieu('Maroc - Casablanca'), lieu('Casablanca', null, 'Maroc'), communes).natures).toEqual([
      'meme_lieu',
    ]);
    expect(comparerLieu(lieu('Casablanca (Tunisie)'), lieu('Casablanca', null, 'Maroc'), communes).verdict).toBe(
      'different',
    );
  });

  it('la demande reste « sûre » et l’explication nomme le lieu écrit autrement', () => {
    const acte = acteNaissance({ lieuEvenement: { commune: 'Paris 20e Arrondissement', codeInsee: '75120' } });
    const demande = demandeNaissance({}, { lieuNaissance: lieu('Paris XXe') });
    const r = rapprocher(demande, [acte], { communes });
    expect(r.issue).toBe('sur');
    expect(r.explication).toContain('Lieu de naissance — même lieu, écrit autrement');
    expect(r.explication).toContain('« Paris XXe » demandé, « Paris 20e Arrondissement » au registre');
    const autre = rapprocher(demandeNaissance({}, { lieuNaissance: lieu('Paris 2e') }), [acte], { communes });
    expect(autre.issue).toBe('a_verifier');
  });
});

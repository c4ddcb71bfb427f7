import { describe, expect, it } from 'vitest';
import { completerLieu, indexCommunes, verifierLieuSaisi } from '../../../electron/registre/communes';

/** The act editor keeps the place as typed and says which commune it designates, or why none. */
const lieu = (commune: string, departement: string | null = null) => ({
  commune,
  codeInsee: null,
  departement,
  pays: null,
});

describe('vérification d’un lieu saisi dans l’éditeur', () => {
  it('un arrondissement écrit à la main est reconnu, avec son code', () => {
    const v = verifierLieuSaisi(lieu('Paris XXe'));
    expect(v.etat).toBe('connu');
    expect(v.message).toBe('Lieu reconnu : Paris 20e Arrondissement (75, code INSEE 75120).');
    expect(v.communes[0]).toMatchObject({ codeInsee: '75120', codesPostaux: ['75020'] });
  });

  it('une ancienne commune est nommée avec sa commune nouvelle', () => {
    expect(verifierLieuSaisi(lieu('Annecy-le-Vieux')).message).toBe(
      'Lieu reconnu : Annecy-le-Vieux, ancienne commune, aujourd’hui Annecy (74, code INSEE 74010).',
    );
  });

  it('un lieu inconnu : un avertissement clair, en français, le texte gardé', () => {
    const v = verifierLieuSaisi(lieu('Vieuxbourg-Disparu'));
    expect(v.etat).toBe('inconnu');
    expect(v.message).toBe(
      'Lieu inconnu : « Vieuxbourg-Disparu » n’est pas une commune de la liste officielle (INSEE). ' +
        'Vérifiez l’orthographe, précisez le département (« Albi (81) ») ou cochez « À l’étranger ». ' +
        'Le lieu sera gardé tel que saisi.',
    );
  });

  it('un nom porté par plusieurs communes demande le département', () => {
    const v = verifierLieuSaisi(lieu('Saint-Denis'));
    expect(v.etat).toBe('ambigu');
    expect(v.message).toContain('Plusieurs communes portent ce nom');
    expect(v.message).toContain('Saint-Denis (974)');
    expect(verifierLieuSaisi(lieu('Saint-Denis', '974')).communes.map((c) => c.codeInsee)).toEqual(['97411']);
  });

  it('un pays écrit dans le champ de la commune : cocher « À l’étranger »', () => {
    expect(verifierLieuSaisi(lieu('Casablanca (Maroc)')).message).toBe(
      'Lieu à l’étranger (Maroc) : cochez « À l’étranger » et indiquez le pays à part.',
    );
  });

  it('à l’enregistrement, le code est ajouté et l’écriture de l’officier gardée', () => {
    expect(completerLieu(lieu('Paris XXe'))).toEqual({
      commune: 'Paris XXe',
      codeInsee: '75120',
      departement: '75',
      pays: null,
    });
    expect(completerLieu(lieu('Vieuxbourg-Disparu'))).toEqual(lieu('Vieuxbourg-Disparu'));
    expect(completerLieu(null)).toBeNull();
    expect(indexCommunes()).toBe(indexCommunes());
  });
});

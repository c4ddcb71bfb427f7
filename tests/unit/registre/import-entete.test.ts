import { describe, expect, it } from 'vitest';
import { COLONNES } from '../../../electron/registre/import/colonnes';
import { analyserEntete, cleColonne } from '../../../electron/registre/import/entete';

describe('noms de colonnes', () => {
  it.each([
    ['date_naissance', 'date_naissance'],
    ['Date de naissance', 'date_naissance'],
    ['DATE-NAISSANCE', 'date_naissance'],
    ['Prénoms du père', 'prenoms_pere'],
    ['Nom de la mère', 'nom_mere'],
    ["Date de l'acte", 'date_acte'],
    ['Date de l’acte', 'date_acte'],
    ["Nom de l'époux 2", 'nom_epoux2'],
    ['  Année ', 'annee'],
    ['Lieu du décès', 'lieu_deces'],
  ])('« %s » -> %s', (brut, cle) => {
    expect(cleColonne(brut)).toBe(cle);
  });

  it('chaque colonne connue a une clé qui est son propre nom', () => {
    for (const c of COLONNES) expect(cleColonne(c.nom)).toBe(c.nom);
    expect(new Set(COLONNES.map((c) => c.nom)).size).toBe(COLONNES.length);
  });
});

describe('ligne d’en-tête', () => {
  it('place les colonnes connues, accepte les alias et ignore motif_rejet', () => {
    const e = analyserEntete(['Type', 'N°', 'Année', 'Nom', 'motif_rejet', '']);
    expect(Object.fromEntries(e.positions)).toEqual({ type: 0, numero: 1, annee: 2, nom: 3 });
    expect(e.motifRejet).toBe(4);
    expect(e.sansNom).toEqual([5]);
  });

  it('refuse une colonne inconnue en la nommant', () => {
    expect(() => analyserEntete(['type', 'annee', 'numero', 'nom_jeune_fille'])).toThrow(
      /« nom_jeune_fille » \(colonne 4\)/,
    );
  });

  it('refuse une colonne en double', () => {
    expect(() => analyserEntete(['type', 'annee', 'numero', 'Nom', 'NOM'])).toThrow(
      /« nom » figure deux fois .*colonnes 4 et 5/,
    );
  });

  it('exige type, annee et numero', () => {
    expect(() => analyserEntete(['nom', 'prenoms'])).toThrow(/il manque : type, annee, numero/);
  });
});

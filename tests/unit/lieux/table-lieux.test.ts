import { describe, expect, it } from 'vitest';
import { indexCommunes } from '../../../electron/registre/communes';
import { comparerLieux, normaliserLieu, type RelationLieux } from '../../../shared/domain/lieux';

/**
 * The table of places as officers write them (issue 16): each row, two spellings and how they
 * relate once normalised with the INSEE's communes table.
 * `meme`: the same place; `englobe`: the city without its arrondissement (compatible, not
 * identical); `different`: two places.
 */
type Attendu = RelationLieux['relation'];

const TABLE: [string, string, Attendu][] = [
  // Paris, Lyon, Marseille: arrondissements in every spelling
  ['Paris 20e', 'Paris 20ème arr.', 'meme'],
  ['Paris 20e', 'Paris XXe', 'meme'],
  ['Paris 20e', 'Paris (20e)', 'meme'],
  ['Paris 20e', 'Paris 20', 'meme'],
  ['Paris 20e', '75020', 'meme'],
  ['Paris 20e', '75120', 'meme'],
  ['PARIS 20EME ARRONDISSEMENT', 'paris xx', 'meme'],
  ['20e arrondissement de Paris', 'Paris 20e', 'meme'],
  ['Paris, 20e arr.', 'Paris - 20ème', 'meme'],
  ['Paris 20e Arrondissement', 'Paris 20e', 'meme'],
  ['Paris 1er', 'Paris Ier', 'meme'],
  ['Paris 1er', '75001', 'meme'],
  ['Paris 16e', '75116', 'meme'],
  ['Paris 16e', '75016', 'meme'],
  ['Paris 20e', 'Paris 2e', 'different'],
  ['Paris 2e', '75020', 'different'],
  ['Paris XIe', 'Paris 9e', 'different'],
  ['Paris', 'Paris 20e', 'englobe'],
  ['Paris (75)', '75120', 'englobe'],
  ['Paris', '75056', 'meme'],
  ['Lyon 3e', '69003', 'meme'],
  ['Lyon 3e', '69383', 'meme'],
  ['Lyon 3ème arrondissement', 'Lyon (3e)', 'meme'],
  ['Lyon IIIe', 'Lyon 3', 'meme'],
  ['Lyon 3e', 'Lyon 4e', 'different'],
  ['Lyon', 'Lyon 9e', 'englobe'],
  ['Lyon 3e', 'Paris 3e', 'different'],
  ['Marseille 1er', '13001', 'meme'],
  ['Marseille 13e', '13213', 'meme'],
  ['Marseille 13e', '13013', 'meme'],
  ['Marseille 16e arr.', 'Marseille XVIe', 'meme'],
  ['Marseille 8e', 'Marseille 9e', 'different'],
  ['Marseille (13)', 'Marseille 8e', 'englobe'],
  ['Marseille', 'Lyon', 'different'],
  // Articles, saints, accents, case, hyphens, apostrophes
  ['Le Puy-en-Velay', 'Puy-en-Velay (Le)', 'meme'],
  ['LE PUY EN VELAY', 'Le Puy-en-Velay', 'meme'],
  ['Puy-en-Velay, Le', '43157', 'meme'],
  ['Le Havre', 'Havre (Le)', 'meme'],
  ['Le Puy-en-Velay', 'Puy-en-Velay (Le) (43)', 'meme'],
  ['Havre (Le), Seine-Maritime', '76351', 'meme'],
  ['La Rochelle', 'LA ROCHELLE', 'meme'],
  ['Les Sables-d’Olonne', 'Sables-d’Olonne (Les)', 'meme'],
  ['L’Haÿ-les-Roses', 'Haÿ-les-Roses (L’)', 'meme'],
  ["L'Isle-Adam", 'L ISLE ADAM', 'meme'],
  ['St-Étienne', 'Saint Etienne', 'meme'],
  ['St-Étienne', 'SAINT-ÉTIENNE', 'meme'],
  ['Ste-Foy-lès-Lyon', 'Sainte Foy les Lyon', 'meme'],
  ['Ste-Foy-lès-Lyon', 'Sainte-Foy-lès-Lyon (69)', 'meme'],
  ['Villefranche s/ Saône', 'Villefranche-sur-Saône', 'meme'],
  ['Saint-Étienne', 'Sainte-Foy-lès-Lyon', 'different'],
  ['Albi', 'ALBI', 'meme'],
  ['Albi', '81004', 'meme'],
  ['Albi', '81000', 'meme'],
  ['Albi (81)', 'Albi, Tarn', 'meme'],
  ['Albi', 'Castres', 'different'],
  ['Albi (82)', 'Albi (81)', 'different'],
  ['Albi', 'Albi, France', 'meme'],
  // Same name, other department
  ['Saint-Denis (93)', 'Saint-Denis (974)', 'different'],
  ['Saint-Denis (93)', '93066', 'meme'],
  ['Saint-Denis (Réunion)', '97411', 'meme'],
  ['Saint-Denis (La Réunion)', 'Saint-Denis (974)', 'meme'],
  ['Saint-Denis', 'Saint-Denis (93)', 'meme'],
  ['Saint-Denis (11)', '93066', 'different'],
  // Communes merged into a commune nouvelle (delegated, associated), and the other way round
  ['Cherbourg-Octeville', 'Cherbourg-en-Cotentin', 'meme'],
  ['Cherbourg-Octeville', '50129', 'meme'],
  ['Annecy-le-Vieux', 'Annecy', 'meme'],
  ['Annecy-le-Vieux', '74010', 'meme'],
  ['Annecy-le-Vieux', 'Seynod', 'different'],
  ['Cordieux', '01262', 'meme'],
  ['Cordieux', 'Montluel', 'meme'],
  // Abroad
  ['Casablanca (Maroc)', 'Casablanca, Maroc', 'meme'],
  ['Casablanca (Maroc)', 'Maroc - Casablanca', 'meme'],
  ['Casablanca - Maroc', 'CASABLANCA (MAROC)', 'meme'],
  ['Casablanca (Maroc)', 'Casablanca (Tunisie)', 'different'],
  ['Casablanca (Maroc)', 'Rabat (Maroc)', 'different'],
  ['Londres (Angleterre)', 'Londres, Royaume-Uni', 'meme'],
  ['Kinshasa (Zaïre)', 'Kinshasa, RDC', 'meme'],
  ['Tunis (Tunisie)', 'Tunis', 'different'],
  ['Paris (France)', 'Paris', 'meme'],
];

describe('table des lieux : deux écritures, un lieu ?', () => {
  const index = indexCommunes();
  it.each(TABLE)('« %s » et « %s » : %s', (a, b, attendu) => {
    expect(comparerLieux(normaliserLieu(a, index), normaliserLieu(b, index)).relation).toBe(attendu);
    expect(comparerLieux(normaliserLieu(b, index), normaliserLieu(a, index)).relation).toBe(attendu);
  });

  it('la table couvre au moins 60 paires, « même lieu » comme « autre lieu »', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(TABLE.filter((r) => r[2] === 'different').length).toBeGreaterThanOrEqual(15);
  });

  it('une ancienne commune et sa commune nouvelle : le même lieu, marqué « fusion »', () => {
    const r = comparerLieux(
      normaliserLieu('Cherbourg-Octeville', index),
      normaliserLieu('Cherbourg-en-Cotentin', index),
    );
    expect(r).toEqual({ relation: 'meme', fusion: true });
    expect(comparerLieux(normaliserLieu('Albi', index), normaliserLieu('81004', index)).fusion).toBe(false);
  });

  it('le code INSEE d’un lieu du registre décide', () => {
    const registre = { commune: 'Saint-Martin', codeInsee: '81001', departement: null, pays: null };
    expect(normaliserLieu(registre, index).communes.map((c) => c.code)).toEqual(['81001']);
  });

  it('sans table des communes : arrondissements, articles, saints et pays sont lus quand même', () => {
    const sans = (a: string, b: string) => comparerLieux(normaliserLieu(a), normaliserLieu(b)).relation;
    expect(sans('Paris XXe', '75020')).toBe('meme');
    expect(sans('Paris 20e', 'Paris 2e')).toBe('different');
    expect(sans('Puy-en-Velay (Le)', 'LE PUY EN VELAY')).toBe('meme');
    expect(sans('St-Étienne', 'Saint Etienne')).toBe('meme');
    expect(sans('Maroc - Casablanca', 'Casablanca (Maroc)')).toBe('meme');
    expect(sans('Albi', 'Castres')).toBe('different');
  });

  it('un lieu vide ne se compare pas', () => {
    expect(comparerLieux(normaliserLieu('  '), normaliserLieu('Albi')).relation).toBe('inconnu');
    expect(comparerLieux(normaliserLieu(null), normaliserLieu('Albi')).relation).toBe('inconnu');
  });
});

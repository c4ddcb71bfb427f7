import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { analyserRequete, MoteurRecherche } from '../../../electron/registre/recherche';
import type { Acte, Lieu } from '../../../shared/domain/acte';
import { naissance } from './actes-exemples';

/** Search finds an act by any spelling of its place (one normaliser with matching and import). */
const a = (commune: string, codeInsee: string | null = null, pays: string | null = null): Lieu => ({
  commune,
  codeInsee,
  departement: null,
  pays,
});

function neA(numero: number, nom: string, lieu: Lieu): Acte {
  const acte = naissance(1990, numero, { nom, prenoms: ['Jean'], date: '1990-04-0' + (numero % 9 || 1) });
  acte.lieuEvenement = lieu;
  acte.personnes[0].lieuNaissance = lieu;
  return acte;
}

const REGISTRE: Record<string, Acte> = {
  paris20: neA(1, 'MOREAU', a('Paris 20e Arrondissement', '75120')),
  paris2: neA(2, 'MOREAU', a('Paris 2e', '75102')),
  puy: neA(3, 'MOREAU', a('Puy-en-Velay (Le)')),
  stEtienne: neA(4, 'MOREAU', a('ST ETIENNE')),
  octeville: neA(5, 'MOREAU', a('Cherbourg-Octeville')),
  casablanca: neA(6, 'MOREAU', a('Casablanca', null, 'Maroc')),
  disparu: neA(7, 'MOREAU', a('Vieuxbourg-Disparu')),
};

describe('recherche par le lieu, écrit de toutes les façons', () => {
  let db: Base;
  let moteur: MoteurRecherche;
  const id: Record<string, number> = {};
  const trouves = (texte: string) =>
    moteur
      .rechercher({ texte, limite: 50 })
      .resultats.map((r) => Object.keys(id).find((k) => id[k] === r.id))
      .sort();

  beforeAll(() => {
    db = ouvrirBase(':memory:');
    const depot = new DepotActes(db);
    for (const [nom, acte] of Object.entries(REGISTRE)) id[nom] = depot.enregistrer(acte, '2025-01-01T00:00:00Z').id;
    moteur = new MoteurRecherche(db);
  });
  afterAll(() => db.close());

  it('lit le lieu après « à », « né à », et garde dates et noms à part', () => {
    expect(analyserRequete('Moreau né à Paris XXe 1990')).toMatchObject({
      noms: [{ mot: 'moreau' }],
      dates: [{ jeton: 'y1990' }],
      lieu: { texte: 'Paris XXe' },
    });
    expect(analyserRequete('Moreau à').lieu).toBeUndefined();
    expect(analyserRequete('Moreau à').noms.map((n) => n.mot)).toEqual(['moreau']);
  });

  it('un arrondissement, par toutes ses écritures, et pas l’arrondissement voisin', () => {
    for (const ecrit of ['Paris 20e', 'Paris XXe', 'Paris (20ème arr.)', '75020', '75120', 'paris 20'])
      expect(trouves(`Moreau à ${ecrit} `), ecrit).toEqual(['paris20']);
    expect(trouves('Moreau à Paris 2e ')).toEqual(['paris2']);
  });

  it('la ville seule trouve tous ses arrondissements', () => {
    expect(trouves('Moreau à Paris ')).toEqual(['paris2', 'paris20']);
    expect(trouves('à Paris ')).toEqual(['paris2', 'paris20']);
  });

  it('articles, saints, anciennes communes, étranger, nom inconnu de la liste', () => {
    expect(trouves('Moreau à LE PUY EN VELAY ')).toEqual(['puy']);
    expect(trouves('Moreau à Saint-Étienne ')).toEqual(['stEtienne']);
    expect(trouves('Moreau à 42000 ')).toEqual(['stEtienne']);
    expect(trouves('Moreau à Cherbourg-en-Cotentin ')).toEqual(['octeville']);
    expect(trouves('Moreau à Maroc - Casablanca ')).toEqual(['casablanca']);
    expect(trouves('Moreau à Casablanca (Tunisie) ')).toEqual([]);
    expect(trouves('Moreau à vieuxbourg disparu ')).toEqual(['disparu']);
    expect(trouves('Moreau à Vieuxbourg-Dis')).toEqual(['disparu']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { MoteurRecherche } from '../../../electron/registre/recherche';
import type { ResultatRecherche } from '../../../shared/contract/registre';
import type { Acte } from '../../../shared/domain/acte';
import { naissance } from './actes-exemples';

/** Issue 17: French phonetics, writings, dates in words and ranking by person. */
const REGISTRE: Record<string, Acte> = {
  lefevre: naissance(1950, 3, { nom: 'LEFÈVRE', prenoms: ['Paul'], date: '1950-04-02' }),
  gauthier: naissance(1984, 5, { nom: 'GAUTHIER', prenoms: ['Mathieu'], sexe: 'M', date: '1984-10-08' }),
  // Exact on both words, but spread: the father is GAUTIER, the child Matthieu.
  gautierPere: naissance(
    2001,
    9,
    { nom: 'ROUX', prenoms: ['Matthieu'], sexe: 'M', date: '2001-01-09' },
    { pere: ['GAUTIER', ['Louis']] },
  ),
  // Exact on both words, on the father: a parent ranks after the child.
  gautierMatthieuPere: naissance(
    2003,
    9,
    { nom: 'GAUTIER', prenoms: ['Léa'], date: '2003-01-09' },
    { pere: ['GAUTIER', ['Matthieu']] },
  ),
  saintExupery: naissance(1900, 29, { nom: 'de SAINT-EXUPÉRY', prenoms: ['Antoine'], sexe: 'M', date: '1900-06-29' }),
  macdonald: naissance(1970, 4, { nom: 'MAC DONALD', prenoms: ['Fiona'], date: '1970-05-05' }),
  fontaine: naissance(1975, 2, { nom: 'de La Fontaine', prenoms: ['Jeanne'], date: '1975-06-06' }),
  mars: naissance(1987, 40, { nom: 'BLANC', prenoms: ['Lucie'], date: '1987-03-12' }),
  premierMars: naissance(1987, 41, { nom: 'NOIR', prenoms: ['Eve'], date: '1987-03-01' }),
  marc: naissance(1987, 60, { nom: 'MARC', prenoms: ['Jules'], sexe: 'M', date: '1987-06-01' }),
};
/** Many exact LEFEBVRE acts, newer than the one LEFÈVRE: they fill a page on their own. */
for (let i = 1; i <= 30; i++)
  REGISTRE[`lefebvre${i}`] = naissance(2000 + (i % 20), i, { nom: 'LEFEBVRE', prenoms: ['Anne'] });

describe('recherche : phonétique française, écritures, dates en lettres, classement par personne', () => {
  let db: Base;
  let moteur: MoteurRecherche;
  const id: Record<string, number> = {};
  const nomDe = (i: number) => Object.keys(id).find((k) => id[k] === i);
  const chercher = (texte: string, limite = 10): ResultatRecherche[] => moteur.rechercher({ texte, limite }).resultats;
  const trouves = (texte: string, limite = 10) => chercher(texte, limite).map((r) => nomDe(r.id));

  beforeAll(() => {
    db = ouvrirBase(':memory:');
    const depot = new DepotActes(db);
    for (const [nom, a] of Object.entries(REGISTRE)) id[nom] = depot.enregistrer(a, '2025-01-01T00:00:00Z').id;
    moteur = new MoteurRecherche(db);
  });
  afterAll(() => db.close());

  it('« Lefaivre » trouve LEFÈVRE', () => {
    const r = chercher('Lefaivre ', 50).find((x) => nomDe(x.id) === 'lefevre');
    expect(r?.correspondance).toBe('phonetique');
  });

  it('« Lefebvre » atteint LEFÈVRE même quand trente LEFEBVRE exacts remplissent la page', () => {
    const r = trouves('Lefebvre ', 10);
    expect(r).toContain('lefevre');
    expect(r[0]).toMatch(/^lefebvre/);
  });

  it('les deux mots phonétiques à la fois, sur la même personne, passent devant l’exact réparti', () => {
    const r = chercher('Gautier Matthieu ');
    expect(r.map((x) => [nomDe(x.id), x.correspondance])).toEqual([
      ['gauthier', 'phonetique'],
      ['gautierMatthieuPere', 'exacte'],
      ['gautierPere', 'exacte'],
    ]);
  });

  it('le début d’un nom propose aussi ses variantes phonétiques', () => {
    expect(trouves('lefeb', 50)).toContain('lefevre');
    expect(trouves('gaut', 50)).toEqual(expect.arrayContaining(['gauthier', 'gautierPere']));
  });

  it('St / Saint, Mc / Mac, la particule omise', () => {
    expect(trouves('St-Exupéry ')).toEqual(['saintExupery']);
    expect(trouves('Saint Exupery Antoine ')).toEqual(['saintExupery']);
    expect(trouves('McDonald ')).toEqual(['macdonald']);
    expect(trouves('Mc Donald ')).toEqual(['macdonald']);
    expect(trouves('Lafontaine ')).toEqual(['fontaine']);
    expect(trouves('de la Fontaine ')).toEqual(['fontaine']);
  });

  it('les dates en lettres : « mars 1987 », « 12 mars 1987 », « 1er mars 1987 »', () => {
    expect(trouves('mars 1987 ').sort()).toEqual(['mars', 'premierMars']);
    expect(trouves('12 mars 1987 ')).toEqual(['mars']);
    expect(trouves('1er mars 1987 ')).toEqual(['premierMars']);
    expect(trouves('Blanc 12 mars ')).toEqual(['mars']);
    // A month's name alone is a name: "Marc" is still found by "Mars".
    expect(trouves('mars ')).toContain('marc');
    expect(trouves('mars 1987 ')).not.toContain('marc');
  });
});

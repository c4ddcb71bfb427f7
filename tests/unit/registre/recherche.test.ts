import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { MoteurRecherche } from '../../../electron/registre/recherche';
import type { ResultatRecherche } from '../../../shared/contract/registre';
import type { Acte, TypeActe } from '../../../shared/domain/acte';
import { acte, deces, mariage, naissance } from './actes-exemples';

/** A small register where every search feature has its case. */
const REGISTRE: Record<string, Acte> = {
  dupontJean: naissance(
    1987,
    1,
    { nom: 'DUPONT', prenoms: ['Jean', 'Louis'], sexe: 'M', date: '1987-03-12' },
    { pere: ['DUPONT', ['Pierre']], mere: ['MARTIN', ['Sophie']] },
  ),
  dupondJean: naissance(1990, 1, { nom: 'Dupond', prenoms: ['Jean'], sexe: 'M', date: '1990-05-02' }),
  duponsJean: naissance(1991, 1, { nom: 'Duponz', prenoms: ['Jean'], sexe: 'M', date: '1991-05-02' }),
  parentsJeanDupont: naissance(
    1995,
    7,
    { nom: 'ROCHE', prenoms: ['Anaïs'], date: '1995-03-12' },
    { pere: ['ROCHE', ['Jean']], mere: ['DUPONT', ['Claire']] },
  ),
  ndiaye: naissance(2001, 3, { nom: 'NDIAYE', prenoms: ['MARIE HELENE'], date: '2001-11-30' }),
  lefebvre: naissance(1960, 12, { nom: 'LEFEBVRE', prenoms: ['Catherine'], date: '1960-01-15' }),
  meyer: deces(1999, 4, { nom: 'Meyer', prenoms: ['Paul'], date: '1999-08-20', naissance: '1921-02-03' }),
  fontaine: naissance(1975, 2, { nom: 'de La Fontaine', prenoms: ['Jeanne'], date: '1975-06-06' }),
  fontaineSoude: naissance(1976, 2, { nom: 'DELAFONTAINE', prenoms: ['Louise'], date: '1976-06-06' }),
  almeida: mariage(2010, 5, ['D’Almeida', ['Rui']], ['Ferreira', ['Ana']], '2010-06-05'),
  etcheverry: deces(2005, 9, { nom: 'ETCHEVERRY', prenoms: ['Michel'], date: '2005-04-01' }),
  longsPrenoms: naissance(1890, 8, {
    nom: 'de Rochechouart',
    prenoms: [
      'Louis',
      'Marie',
      'Victurnien',
      'Gabriel',
      'Henri',
      'Joseph',
      'Anne',
      'Aimery',
      'Charles',
      'Hippolyte',
      'Olivier',
      'Sosthène',
    ],
    sexe: 'M',
    date: '1890-09-09',
  }),
  nonIndexe: acte({ type: 'deces', annee: 1931, numero: 77, indexe: false }),
  martinNom: naissance(1980, 3, { nom: 'MARTIN', prenoms: ['Paul'], date: '1980-02-02' }),
  martinPrenom: naissance(1985, 4, { nom: 'ARNAUD', prenoms: ['Martin'], date: '1985-02-02' }),
};

describe('recherche dans le registre', () => {
  let db: Base;
  let moteur: MoteurRecherche;
  const id: Record<string, number> = {};
  const nomDe = (i: number) => Object.keys(id).find((k) => id[k] === i);
  const chercher = (texte: string, options: { limite?: number; type?: TypeActe } = {}): ResultatRecherche[] =>
    moteur.rechercher({ texte, limite: options.limite ?? 50, type: options.type }).resultats;
  const trouves = (texte: string, options: { limite?: number; type?: TypeActe } = {}) =>
    chercher(texte, options).map((r) => nomDe(r.id));

  beforeAll(() => {
    db = ouvrirBase(':memory:');
    const depot = new DepotActes(db);
    for (const [nom, a] of Object.entries(REGISTRE)) id[nom] = depot.enregistrer(a, '2025-01-01T00:00:00Z').id;
    moteur = new MoteurRecherche(db);
  });
  afterAll(() => db.close());

  it('ignore casse, accents, traits d’union et apostrophes', () => {
    const [r] = chercher('Marie-Hélène N’Diaye ');
    expect(nomDe(r.id)).toBe('ndiaye');
    expect(r.correspondance).toBe('exacte');
    expect(trouves("marie helene n'diaye ")).toEqual(['ndiaye']);
  });

  it('trouve les variantes phonétiques, marquées comme telles', () => {
    const [r] = chercher('Lefèvre ');
    expect([nomDe(r.id), r.correspondance]).toEqual(['lefebvre', 'phonetique']);
    expect(chercher('Mayer ').map((x) => [nomDe(x.id), x.correspondance])).toEqual([['meyer', 'phonetique']]);
    expect(trouves('Katherine Lefeuvre ')).toEqual(['lefebvre']);
  });

  it('trouve malgré une faute de frappe (une lettre inversée, en trop, en moins, remplacée)', () => {
    for (const faute of ['Dupnot', 'Duppont', 'Dupon', 'Dupomt']) {
      const r = chercher(`${faute} jean `);
      expect(r.map((x) => nomDe(x.id))).toContain('dupontJean');
    }
    const [r] = chercher('Etcgeverry ');
    expect([nomDe(r.id), r.correspondance]).toEqual(['etcheverry', 'approchee']);
  });

  it('deux fautes dans un nom long', () => {
    expect(trouves('Etchevarri ')).toEqual(['etcheverry']);
  });

  it('classe l’exact avant le phonétique avant l’approché, tous les mots sur une même personne avant les mots répartis', () => {
    const r = chercher('dupont jean ');
    // Issue 17: the act whose child is Jean DUPOND (phonetic, whole query on the child) now
    // ranks above ROCHE Jean + DUPONT Claire (exact, but a father's given name and a mother's name).
    expect(r.map((x) => [nomDe(x.id), x.correspondance])).toEqual([
      ['dupontJean', 'exacte'],
      ['dupondJean', 'phonetique'],
      ['duponsJean', 'approchee'],
      ['parentsJeanDupont', 'exacte'],
    ]);
  });

  it('à correspondance égale, la personne de l’acte passe avant ses parents', () => {
    const r = chercher('dupont jean ').filter((x) => x.correspondance === 'exacte');
    expect(r[0].score).toBeGreaterThan(r[1].score);
  });

  it('un nom de famille passe avant le même mot en prénom, et avant un parent', () => {
    expect(trouves('martin ')).toEqual(['martinNom', 'martinPrenom', 'dupontJean']);
  });

  it('cherche les variantes phonétiques même quand les résultats exacts remplissent la page', () => {
    // Before issue 17 the phonetic pass ran only when exact matches left room:
    // ['dupontJean', 'parentsJeanDupont'].
    expect(trouves('dupont jean ', { limite: 2 })).toEqual(['dupontJean', 'dupondJean']);
    expect(trouves('dupont ', { limite: 2 })).toEqual(['dupontJean', 'dupondJean']);
  });

  it('complète le mot en cours de frappe', () => {
    expect(trouves('dup', { limite: 50 })).toEqual(
      expect.arrayContaining(['dupontJean', 'dupondJean', 'parentsJeanDupont']),
    );
    expect(trouves('jean dup').slice(0, 3)).toEqual(expect.arrayContaining(['dupontJean', 'dupondJean', 'duponsJean']));
    expect(trouves('etchev')).toEqual(['etcheverry']);
    expect(chercher('dupon').every((r) => r.correspondance === 'exacte')).toBe(true);
    // Followed by a space, the word is finished: "dupon" is then only a typo of "dupont".
    expect(chercher('dupon ').some((r) => r.correspondance === 'exacte')).toBe(false);
  });

  it('cherche aussi les noms des parents', () => {
    expect(trouves('Sophie Martin ')).toEqual(['dupontJean']);
    expect(trouves('claire ')).toEqual(['parentsJeanDupont']);
  });

  it('filtre par type d’acte, écrit dans la requête ou passé à part', () => {
    expect(trouves('meyer deces ')).toEqual(['meyer']);
    expect(trouves('meyer naissance ')).toEqual([]);
    expect(trouves('dupont ', { type: 'naissance' })).toEqual(
      expect.arrayContaining(['dupontJean', 'parentsJeanDupont']),
    );
    expect(trouves('meyer mariage ', { type: 'deces' })).toEqual([]);
    expect(trouves('almeida mariage ')).toEqual(['almeida']);
  });

  it('cherche par date complète, mois, année, jour et mois', () => {
    expect(trouves('12/03/1987 ')).toEqual(['dupontJean']);
    expect(trouves('12.03.1987 ')).toEqual(['dupontJean']);
    expect(trouves('03/1987 ')).toEqual(['dupontJean']);
    expect(trouves('1999 ')).toEqual(['meyer']);
    expect(trouves('12/03 ').sort()).toEqual(['dupontJean', 'parentsJeanDupont'].sort());
    expect(trouves('dupont 12/03/19')).toEqual(expect.arrayContaining(['dupontJean', 'parentsJeanDupont']));
  });

  it('la date de naissance du défunt le trouve aussi', () => {
    expect(trouves('03/02/1921 ')).toEqual(['meyer']);
  });

  it('noms à particule : avec ou sans particule, soudés ou non', () => {
    expect(trouves('de la Fontaine ')[0]).toBe('fontaine');
    expect(trouves('de la Fontaine ')).toContain('fontaine');
    expect(trouves('delafontaine ').sort()).toEqual(['fontaine', 'fontaineSoude'].sort());
    expect(trouves('fontaine ')).toEqual(['fontaine']);
    expect(trouves('almeida ')).toEqual(['almeida']);
    expect(trouves('dalmeida ')).toEqual(['almeida']);
  });

  it('trouve un prénom au fond d’une longue liste de prénoms', () => {
    expect(trouves('Sosthène Rochechouart ')).toEqual(['longsPrenoms']);
    expect(trouves('hippolyte 1890 ')).toEqual(['longsPrenoms']);
  });

  it('tous les mots doivent être trouvés', () => {
    expect(trouves('dupont meyer ')).toEqual([]);
  });

  it('numéro d’acte dans son registre, et acte non indexé par son année', () => {
    expect(trouves('1987/1 ')).toEqual(['dupontJean']);
    expect(trouves('2010/5 mariage ')).toEqual(['almeida']);
    expect(trouves('1931 deces ')).toEqual(['nonIndexe']);
    expect(chercher('1931/77 ')[0]).toMatchObject({ indexe: false, personnes: [], type: 'deces' });
  });

  it('une requête vide rend les derniers actes, dans la limite demandée', () => {
    expect(chercher('', { limite: 3 })).toHaveLength(3);
    expect(chercher('   ', { limite: 100 })).toHaveLength(Object.keys(REGISTRE).length);
  });

  it('un mot absent du registre ne trouve rien (et ne plante pas)', () => {
    expect(trouves('Xyzzyq ')).toEqual([]);
    expect(trouves('"or" AND NOT * ')).toEqual([]);
  });

  it('décrit chaque résultat : clé, date, personnes, score, correspondance', () => {
    const [r] = chercher('dupont jean ');
    expect(r).toMatchObject({
      id: id.dupontJean,
      type: 'naissance',
      annee: 1987,
      numero: 1,
      dateEvenement: '1987-03-12',
      indexe: true,
      correspondance: 'exacte',
    });
    expect(r.personnes[0]).toEqual({ role: 'titulaire', nom: 'DUPONT', prenoms: ['Jean', 'Louis'] });
    expect(r.score).toBeGreaterThan(0);
  });

  it('sans rien chercher, les derniers actes n’ont pas de correspondance ; un numéro demandé est une correspondance exacte', () => {
    const derniers = chercher('');
    expect(derniers.length).toBeGreaterThan(0);
    expect(derniers.every((r) => r.correspondance === null)).toBe(true);
    expect(chercher('deces').every((r) => r.correspondance === null)).toBe(true);
    expect(chercher('1987/1').map((r) => [nomDe(r.id), r.correspondance])).toEqual([['dupontJean', 'exacte']]);
  });
});

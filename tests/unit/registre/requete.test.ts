import { describe, expect, it } from 'vitest';
import { analyserRequete } from '../../../electron/registre/recherche/requete';
import { DERNIERE_ANNEE_REGISTRE } from '../../../shared/domain/validation';

const noms = (texte: string) => analyserRequete(texte).noms;
const dates = (texte: string) => analyserRequete(texte).dates;

describe('analyse de la requête', () => {
  it('découpe les noms comme l’index (accents, traits d’union, apostrophes)', () => {
    expect(noms('Marie-Hélène N’Diaye ').map((n) => n.mot)).toEqual(['marie', 'helene', 'ndiaye']);
  });

  it('le dernier mot est un préfixe tant qu’il n’est pas suivi d’une espace', () => {
    expect(noms('jean dup').map((n) => [n.mot, n.prefixe])).toEqual([
      ['jean', false],
      ['dup', true],
    ]);
    expect(noms('jean dup ').every((n) => !n.prefixe)).toBe(true);
  });

  it('les particules sont facultatives à côté d’un vrai nom, cherchées seules sinon', () => {
    expect(noms('de la Fontaine ').map((n) => [n.mot, n.particule])).toEqual([
      ['de', true],
      ['la', true],
      ['fontaine', false],
    ]);
    expect(noms('Le ').map((n) => n.particule)).toEqual([false]);
  });

  it.each([
    ['12/03/1987', 'j12031987'],
    ['12.03.1987', 'j12031987'],
    ['12-03-1987', 'j12031987'],
    ['1987-03-12', 'j12031987'],
    ['2/3/1987', 'j02031987'],
    ['03/1987', 'm198703'],
    ['3.1987', 'm198703'],
    ['1987', 'y1987'],
  ])('date « %s »', (texte, jeton) => {
    expect(dates(`${texte} `)).toEqual([{ jeton, prefixe: false }]);
  });

  it.each([
    // Full words (today's rule).
    ['mars 1987', 'm198703', false],
    ['12 mars 1987', 'j12031987', false],
    ['1er mars 1987', 'j01031987', false],
    ['12 mars', 'j1203', true],
    // Abbreviated months: accent, final dot and case do not matter.
    ['janv. 1987', 'm198701', false],
    ['JANV 1987', 'm198701', false],
    ['févr 1987', 'm198702', false],
    ['fév. 1987', 'm198702', false],
    ['fevr. 1987', 'm198702', false],
    ['FEV 1987', 'm198702', false],
    ['12 avr. 1987', 'j12041987', false],
    ['1er juil. 1987', 'j01071987', false],
    ['14 juill 1987', 'j14071987', false],
    ['Sept. 1987', 'm198709', false],
    ['3 oct 1987', 'j03101987', false],
    ['11 Nov. 1987', 'j11111987', false],
    ['25 déc. 1987', 'j25121987', false],
    ['DÉC 1987', 'm198712', false],
    ['dec. 1987', 'm198712', false],
    // A preceding day without year: a prefix of the day tokens (any year).
    ['25 déc.', 'j2512', true],
    ['1er janv', 'j0101', true],
    // Numbers.
    ['12/03/1987', 'j12031987', false],
    ['12.03.1987', 'j12031987', false],
    ['12-03-1987', 'j12031987', false],
    ['1987-03-12', 'j12031987', false],
    ['03/1987', 'm198703', false],
  ])('date en lettres ou abrégée « %s »', (texte, jeton, prefixe) => {
    const r = analyserRequete(`Dupont ${texte} `);
    expect(r.dates).toEqual([{ jeton, prefixe }]);
    expect(r.noms.map((n) => n.mot)).toEqual(['dupont']);
  });

  it.each([
    // Full month names alone are names (Mars, Avril, Juillet are surnames and given names).
    ['Mars Jean', ['mars', 'jean']],
    ['Avril Dupont', ['avril', 'dupont']],
    ['Juillet Marie', ['juillet', 'marie']],
    // Abbreviations too, without a year after or a day before.
    ['Dupont sept', ['dupont', 'sept']],
    ['Dupont oct.', ['dupont', 'oct']],
    ['Dec Jean', ['dec', 'jean']],
    // A year before the month is not "month year": the abbreviation stays a word.
    ['Dupont 1987 nov.', ['dupont', 'nov']],
  ])('sans jour avant ni année après, « %s » reste fait de noms', (texte, attendus) => {
    expect(noms(`${texte} `).map((n) => n.mot)).toEqual(attendus);
  });

  it('une année en cours de frappe après un mois abrégé est lue, sans contrainte encore', () => {
    const r = analyserRequete('Dupont févr. 19');
    expect(r.noms.map((n) => n.mot)).toEqual(['dupont']);
    expect(r.dates).toEqual([]);
  });

  it('un jour impossible avec un mois abrégé ne contraint rien : « 31 févr. 1987 »', () => {
    const r = analyserRequete('Dupont 31 févr. 1987 ');
    expect(r.dates).toEqual([]);
    expect(r.noms.map((n) => n.mot)).toEqual(['dupont']);
  });

  it('un jour et un mois sans année, ou une date en cours de frappe, sont des préfixes', () => {
    expect(dates('12/03 ')).toEqual([{ jeton: 'j1203', prefixe: true }]);
    expect(dates('dupont 12/03/19')).toEqual([{ jeton: 'j120319', prefixe: true }]);
  });

  it('une date impossible ne contraint rien (et ne devient pas un nom)', () => {
    const r = analyserRequete('31/02/1987 ');
    expect(r.dates).toEqual([]);
    expect(r.noms).toEqual([]);
  });

  it('le calendrier est celui du domaine : 29 février des seules années bissextiles', () => {
    expect(dates('29/02/2000 ')).toEqual([{ jeton: 'j29022000', prefixe: false }]);
    expect(dates('1900-02-29 ')).toEqual([]);
    expect(dates('31/04/1987 ')).toEqual([]);
  });

  it('une année se lit jusqu’à DERNIERE_ANNEE_REGISTRE, pas au-delà', () => {
    expect(dates(`${DERNIERE_ANNEE_REGISTRE} `)).toEqual([{ jeton: `y${DERNIERE_ANNEE_REGISTRE}`, prefixe: false }]);
    expect(dates(`${DERNIERE_ANNEE_REGISTRE + 1} `)).toEqual([]);
  });

  it('numéro d’acte dans son registre : « 1987/42 »', () => {
    const r = analyserRequete('1987/42 ');
    expect([r.annee, r.numero]).toEqual([1987, 42]);
    expect(r.dates).toEqual([]);
  });

  it('un nombre seul est un numéro d’acte, sauf en cours de frappe', () => {
    expect(analyserRequete('1987 42 ').numero).toBe(42);
    expect(analyserRequete('1987 42').numero).toBeUndefined();
  });

  it.each([
    ['naissance', 'naissance'],
    ['Naissances', 'naissance'],
    ['MARIAGE', 'mariage'],
    ['décès', 'deces'],
    ['deces', 'deces'],
  ])('type d’acte « %s »', (mot, type) => {
    const r = analyserRequete(`dupont ${mot} `);
    expect(r.type).toBe(type);
    expect(r.noms.map((n) => n.mot)).toEqual(['dupont']);
  });

  it('garde au plus 12 mots de noms (un paragraphe collé n’est pas une recherche)', () => {
    const texte = Array.from({ length: 40 }, (_, i) => `mot${String.fromCharCode(97 + (i % 26))}`).join(' ');
    expect(noms(texte)).toHaveLength(12);
  });

  it('une requête vide ne contient rien', () => {
    expect(analyserRequete('   ')).toEqual({ noms: [], dates: [] });
  });
});

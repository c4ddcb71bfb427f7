import { describe, expect, it } from 'vitest';
import { analyserLieu, LecteurLieux } from '../../../electron/registre/import/lieux';
import {
  lireBooleen,
  lireDate,
  lireMentions,
  lireNom,
  lirePrenoms,
  lireSexe,
  lireType,
} from '../../../electron/registre/import/valeurs';

function collecteur() {
  const erreurs: { colonne: string; raison: string }[] = [];
  return { erreurs, signaler: (colonne: string, raison: string) => erreurs.push({ colonne, raison }) };
}

describe('cellules', () => {
  it('lit le type d’acte sous ses formes usuelles', () => {
    const { erreurs, signaler } = collecteur();
    expect(
      ['naissance', 'Naissance', 'N', 'mariage', 'M', 'décès', 'DECES', 'd'].map((t) => lireType(t, 'type', signaler)),
    ).toEqual(['naissance', 'naissance', 'naissance', 'mariage', 'mariage', 'deces', 'deces', 'deces']);
    expect(erreurs).toEqual([]);
    expect(lireType('reconnaissance', 'type', signaler)).toBeNull();
    expect(lireType('', 'type', signaler)).toBeNull();
    expect(erreurs.map((e) => e.raison)).toEqual([
      'type d’acte « reconnaissance » inconnu (naissance, mariage ou deces)',
      'le type d’acte est obligatoire',
    ]);
  });

  it('lit le sexe et oui/non', () => {
    const { erreurs, signaler } = collecteur();
    expect(['M', 'f', 'Masculin', 'féminin', 'H', 'femme', ''].map((s) => lireSexe(s, 'sexe', signaler))).toEqual([
      'M',
      'F',
      'M',
      'F',
      'M',
      'F',
      null,
    ]);
    expect(lireSexe('X', 'sexe', signaler)).toBeNull();
    expect(['oui', 'NON', '1', '0', 'Vrai', ''].map((s) => lireBooleen(s, 'indexe', signaler))).toEqual([
      true,
      false,
      true,
      false,
      true,
      null,
    ]);
    expect(lireBooleen('peut-être', 'indexe', signaler)).toBeNull();
    expect(erreurs).toHaveLength(2);
  });

  it('lit les prénoms séparés par des virgules, ou par des espaces', () => {
    expect(lirePrenoms('Jean-Pierre, Marie ,  Louise,')).toEqual(['Jean-Pierre', 'Marie', 'Louise']);
    expect(lirePrenoms('Jean-Pierre Marie  Louise')).toEqual(['Jean-Pierre', 'Marie', 'Louise']);
    expect(lirePrenoms('Marie Ange, Louise')).toEqual(['Marie Ange', 'Louise']);
    expect(lirePrenoms('  ')).toEqual([]);
  });

  it('garde le nom tel qu’écrit, espaces rangés', () => {
    expect(lireNom('  de  La Fontaine ')).toBe('de La Fontaine');
    expect(lireNom("N'Diaye")).toBe("N'Diaye");
  });

  it('lit les dates ou dit pourquoi', () => {
    const { erreurs, signaler } = collecteur();
    expect(lireDate('1/2/1990', 'date_acte', signaler)).toBe('1990-02-01');
    expect(lireDate('  ', 'date_acte', signaler)).toBeNull();
    expect(lireDate('30/02/1990', 'date_acte', signaler)).toBeNull();
    expect(erreurs).toEqual([{ colonne: 'date_acte', raison: 'le 30 février n’existe pas (février a 28 jours)' }]);
  });
});

describe('mentions marginales', () => {
  it('lit type|date|texte séparés par ##, type en code ou en libellé', () => {
    const { erreurs, signaler } = collecteur();
    const m = lireMentions(
      'mariage|05/06/2010|Marié à Albi ## Séparation de corps||Jugement du 2 mai 2015 ## deces|2020-01-02|Décédé | à Castres',
      'mentions',
      signaler,
    );
    expect(erreurs).toEqual([]);
    expect(m).toEqual([
      { type: 'mariage', date: '2010-06-05', texte: 'Marié à Albi' },
      { type: 'separation_corps', date: null, texte: 'Jugement du 2 mai 2015' },
      { type: 'deces', date: '2020-01-02', texte: 'Décédé | à Castres' },
    ]);
  });
  it('signale chaque mention fautive par son rang', () => {
    const { erreurs, signaler } = collecteur();
    lireMentions(
      'baptême|01/01/2000|x ## mariage|31/04/2001|y ## mariage sans barres ## divorce|01/01/2002|',
      'mentions',
      signaler,
    );
    expect(erreurs.map((e) => e.raison)).toEqual([
      'mention 1 : type « baptême » inconnu',
      'mention 2 : le 31 avril n’existe pas (avril a 30 jours)',
      'mention 3 : format attendu type|jj/mm/aaaa|texte',
      'mention 4 : le texte est vide',
    ]);
  });
});

describe('lieux', () => {
  it('résout une commune française par son nom, « Nom (dép.) » ou son code INSEE', () => {
    expect(analyserLieu('Albi')).toEqual({ commune: 'Albi', codeInsee: '81004', departement: '81', pays: null });
    expect(analyserLieu('Albi (81)')).toEqual({ commune: 'Albi', codeInsee: '81004', departement: '81', pays: null });
    expect(analyserLieu('81004')).toEqual({ commune: 'Albi', codeInsee: '81004', departement: '81', pays: null });
    expect(analyserLieu('Ajaccio (2A)')).toMatchObject({ codeInsee: '2A004' });
    expect(analyserLieu('Toulouse, France')).toMatchObject({ codeInsee: '31555', pays: null });
  });
  it('garde tel quel un nom ambigu ou inconnu, sans code', () => {
    expect(analyserLieu('Saint-Martin')).toEqual({
      commune: 'Saint-Martin',
      codeInsee: null,
      departement: null,
      pays: null,
    });
    expect(analyserLieu('Vieuxbourg-Disparu (81)')).toEqual({
      commune: 'Vieuxbourg-Disparu',
      codeInsee: null,
      departement: '81',
      pays: null,
    });
  });
  it('lit un lieu à l’étranger', () => {
    expect(analyserLieu('Casablanca, Maroc')).toEqual({
      commune: 'Casablanca',
      codeInsee: null,
      departement: null,
      pays: 'Maroc',
    });
    expect(analyserLieu('Dublin (Irlande)')).toEqual({
      commune: 'Dublin',
      codeInsee: null,
      departement: null,
      pays: 'Irlande',
    });
  });
  it('refuse un code INSEE inconnu', () => {
    expect(analyserLieu('81999')).toBe('code INSEE « 81999 » inconnu');
  });
  it('met en cache sans partager les objets', () => {
    const { signaler } = collecteur();
    const lieux = new LecteurLieux();
    const a = lieux.lire('Albi', 'lieu', signaler)!;
    const b = lieux.lire('Albi', 'lieu', signaler)!;
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});

describe('lieux écrits de toutes les façons (normaliseur commun)', () => {
  it('garde l’écriture de l’officier et ajoute le code de l’arrondissement ou de la commune', () => {
    expect(analyserLieu('Paris XXe')).toEqual({
      commune: 'Paris XXe',
      codeInsee: '75120',
      departement: '75',
      pays: null,
    });
    expect(analyserLieu('Paris (20e)')).toMatchObject({ commune: 'Paris (20e)', codeInsee: '75120' });
    expect(analyserLieu('75020')).toMatchObject({ commune: 'Paris 20e Arrondissement', codeInsee: '75120' });
    expect(analyserLieu('Lyon 3ème arr.')).toMatchObject({ codeInsee: '69383' });
    expect(analyserLieu('Puy-en-Velay (Le)')).toEqual({
      commune: 'Puy-en-Velay (Le)',
      codeInsee: '43157',
      departement: '43',
      pays: null,
    });
    expect(analyserLieu('ST-ETIENNE')).toMatchObject({ commune: 'ST-ETIENNE', codeInsee: '42218' });
    expect(analyserLieu('Saint-Denis (974)')).toMatchObject({ commune: 'Saint-Denis', codeInsee: '97411' });
    expect(analyserLieu('Cherbourg-Octeville')).toMatchObject({ codeInsee: '50129' });
  });
  it('lit le pays écrit avant la ville', () => {
    expect(analyserLieu('Maroc - Casablanca')).toEqual({
      commune: 'Casablanca',
      codeInsee: null,
      departement: null,
      pays: 'Maroc',
    });
  });
  it('un code INSEE garde sa lecture INSEE (13001 : Aix-en-Provence)', () => {
    expect(analyserLieu('13001')).toMatchObject({ commune: 'Aix-en-Provence', codeInsee: '13001' });
  });
});

describe('lieux : le département écrit à côté va dans son champ', () => {
  it('« Lyon (69) » -> Lyon, 69 ; « Paris (20) » reste un arrondissement', () => {
    expect(analyserLieu('Lyon (69)')).toEqual({ commune: 'Lyon', codeInsee: '69123', departement: '69', pays: null });
    expect(analyserLieu('Saint-Denis 93')).toMatchObject({ commune: 'Saint-Denis', codeInsee: '93066' });
    expect(analyserLieu('Paris (20)')).toMatchObject({ commune: 'Paris (20)', codeInsee: '75120' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  ageEnAnnees,
  analyserDate,
  anneeEnLettres,
  dateEnLettres,
  dateExiste,
  dateIsoDuJour,
  dateLongue,
  estDateIsoValide,
  formaterDate,
  jourEnLettres,
  raisonDateIso,
} from '../../../shared/domain/dates';

describe('analyserDate', () => {
  it.each([
    ['12/03/1987', '1987-03-12'],
    ['2/3/1987', '1987-03-02'],
    ['12.03.1987', '1987-03-12'],
    ['12-03-1987', '1987-03-12'],
    ['1987-03-12', '1987-03-12'],
    [' 12 / 03 / 1987 ', '1987-03-12'],
    ['29/02/2000', '2000-02-29'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/1799', '1799-12-31'],
  ])('lit « %s »', (texte, iso) => {
    expect(analyserDate(texte)).toEqual({ ok: true, iso });
  });

  it('refuse le 31 février avec une raison en français', () => {
    const r = analyserDate('31/02/1990');
    expect(r).toEqual({ ok: false, raison: 'le 31 février n’existe pas (février a 28 jours)' });
  });

  it('refuse le 29 février d’une année non bissextile, 1900 compris', () => {
    expect(analyserDate('29/02/1987')).toMatchObject({
      ok: false,
      raison: expect.stringContaining('1987 n’est pas une année bissextile'),
    });
    expect(analyserDate('29/02/1900')).toMatchObject({ ok: false, raison: expect.stringContaining('bissextile') });
  });

  it.each([
    ['31/04/2001', 'avril a 30 jours'],
    ['00/01/2001', 'le jour 0'],
    ['12/13/2001', 'le mois 13'],
    ['32/01/2001', '31 au plus'],
    ['12/03/87', '4 chiffres'],
    ['douze mars', 'n’est pas une date'],
    ['1987/03/12', 'n’est pas une date'],
    ['12/03-1987', 'n’est pas une date'],
    ['', 'date vide'],
  ])('refuse « %s » (%s)', (texte, extrait) => {
    const r = analyserDate(texte);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.raison).toContain(extrait);
  });
});

describe('dateExiste', () => {
  it('connaît les mois, les 29 février et les siècles non bissextiles', () => {
    expect(dateExiste(2024, 2, 29)).toBe(true);
    expect(dateExiste(2023, 2, 29)).toBe(false);
    expect(dateExiste(1900, 2, 29)).toBe(false);
    expect(dateExiste(2000, 2, 29)).toBe(true);
    expect(dateExiste(1987, 4, 31)).toBe(false);
    expect(dateExiste(1987, 12, 31)).toBe(true);
    expect(dateExiste(1987, 13, 1)).toBe(false);
    expect(dateExiste(1987, 0, 1)).toBe(false);
    expect(dateExiste(1987, 1, 0)).toBe(false);
  });

  it('répond comme raisonDateImpossible sur toute une année bissextile et au-delà', () => {
    for (let mois = 0; mois <= 13; mois++) {
      for (let jour = 0; jour <= 32; jour++)
        expect(dateExiste(1792, mois, jour)).toBe(
          raisonDateIso(`1792-${String(mois).padStart(2, '0')}-${String(jour).padStart(2, '0')}`) === null,
        );
    }
  });
});

describe('dates ISO', () => {
  it('valide le format stocké', () => {
    expect(estDateIsoValide('1987-03-12')).toBe(true);
    expect(estDateIsoValide('1987-02-29')).toBe(false);
    expect(raisonDateIso('12/03/1987')).toContain('aaaa-mm-jj');
  });
  it('formate en jj/mm/aaaa', () => {
    expect(formaterDate('1987-03-02')).toBe('02/03/1987');
  });
  it('donne la date du jour locale', () => {
    expect(dateIsoDuJour(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  });
  it('calcule un âge en années révolues', () => {
    expect(ageEnAnnees('1987-03-12', '2005-03-11')).toBe(17);
    expect(ageEnAnnees('1987-03-12', '2005-03-12')).toBe(18);
    expect(ageEnAnnees('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageEnAnnees('2000-02-29', '2018-03-01')).toBe(18);
  });
});

describe('dates en toutes lettres', () => {
  it('écrit la forme longue des extraits', () => {
    expect(dateLongue('1987-03-12')).toBe('12 mars 1987');
    expect(dateLongue('1987-08-01')).toBe('1er août 1987');
    expect(dateLongue('2001-12-25')).toBe('25 décembre 2001');
  });
  it('écrit la date comme une copie intégrale', () => {
    expect(dateEnLettres('1987-03-12')).toBe('douze mars mil neuf cent quatre-vingt-sept');
    expect(dateEnLettres('1971-02-01')).toBe('premier février mil neuf cent soixante et onze');
    expect(dateEnLettres('2024-07-31')).toBe('trente et un juillet deux mille vingt-quatre');
  });
  it.each([
    [1792, 'mil sept cent quatre-vingt-douze'],
    [1800, 'mil huit cent'],
    [1880, 'mil huit cent quatre-vingt'],
    [1881, 'mil huit cent quatre-vingt-un'],
    [1899, 'mil huit cent quatre-vingt-dix-neuf'],
    [1900, 'mil neuf cent'],
    [1917, 'mil neuf cent dix-sept'],
    [1944, 'mil neuf cent quarante-quatre'],
    [1961, 'mil neuf cent soixante et un'],
    [1970, 'mil neuf cent soixante-dix'],
    [1976, 'mil neuf cent soixante-seize'],
    [1991, 'mil neuf cent quatre-vingt-onze'],
    [2000, 'deux mille'],
    [2001, 'deux mille un'],
    [2010, 'deux mille dix'],
    [2021, 'deux mille vingt et un'],
    [2099, 'deux mille quatre-vingt-dix-neuf'],
  ])('écrit l’année %i', (annee, texte) => {
    expect(anneeEnLettres(annee)).toBe(texte);
  });
  it.each([
    [1, 'premier'],
    [11, 'onze'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [20, 'vingt'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [30, 'trente'],
  ])('écrit le jour %i', (jour, texte) => {
    expect(jourEnLettres(jour)).toBe(texte);
  });
});

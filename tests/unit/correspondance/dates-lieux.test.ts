import { describe, expect, it } from 'vitest';
import {
  comparerDate,
  comparerLieu,
  comparerSexe,
  dateInversee,
  datesVoisines,
} from '../../../shared/domain/correspondance';

const lieu = (commune: string, codeInsee: string | null = null, pays: string | null = null) => ({
  commune,
  codeInsee,
  departement: null,
  pays,
});

describe('comparaison des dates', () => {
  it('identique, absent', () => {
    expect(comparerDate('1987-03-05', '1987-03-05').verdict).toBe('identique');
    expect(comparerDate(null, '1987-03-05').verdict).toBe('absent');
  });

  it('jour et mois inversés', () => {
    expect(comparerDate('1987-05-03', '1987-03-05').natures).toEqual(['jour_mois_inverses']);
  });

  it('un chiffre faux ou deux chiffres voisins inversés : faute de frappe', () => {
    expect(comparerDate('1987-03-06', '1987-03-05').natures).toEqual(['faute_de_frappe']);
    expect(comparerDate('1978-03-05', '1987-03-05').natures).toEqual(['faute_de_frappe']);
    expect(comparerDate('1987-08-05', '1987-03-05').natures).toEqual(['faute_de_frappe']);
  });

  it('un jour ou un an d’écart (19 -> 20, 1989 -> 1990) : date voisine', () => {
    expect(comparerDate('1987-03-20', '1987-03-19').natures).toEqual(['date_voisine']);
    expect(comparerDate('1988-01-01', '1987-12-31').natures).toEqual(['date_voisine']);
    expect(comparerDate('1990-03-05', '1989-03-05').natures).toEqual(['date_voisine']);
  });

  it('les dates voisines d’une date : une faute, l’inversion, un jour ou un an d’écart, toutes réelles', () => {
    const v = datesVoisines('1989-03-19', 1792, 2025);
    for (const attendue of [
      '1989-19-03',
      '1989-03-18',
      '1989-03-20',
      '1988-03-19',
      '1990-03-19',
      '1989-03-91',
      '1998-03-19',
      '1989-08-19',
      '1989-03-17',
    ])
      expect(v.includes(attendue), attendue).toBe(attendue !== '1989-19-03' && attendue !== '1989-03-91');
    expect(v).not.toContain('1989-03-19');
    expect(v.every((d) => comparerDate(d, '1989-03-19').verdict === 'variante')).toBe(true);
    expect(datesVoisines('2024-02-29', 1792, 2025)).not.toContain('2023-02-29');
    expect(datesVoisines('2024-05-01', 1792, 2025).some((d) => d > '2025-12-31')).toBe(false);
  });

  it('deux chiffres faux : différente', () => {
    expect(comparerDate('1988-04-05', '1987-03-05').verdict).toBe('different');
    expect(comparerDate('1987-12-25', '1987-03-05').verdict).toBe('different');
  });

  it('date inversée seulement quand elle existe et diffère', () => {
    expect(dateInversee('1987-03-05')).toBe('1987-05-03');
    expect(dateInversee('1987-03-03')).toBeNull();
    expect(dateInversee('1987-03-25')).toBeNull();
  });
});

describe('comparaison des lieux et du sexe', () => {
  it('le code INSEE décide quand les deux en ont un', () => {
    expect(comparerLieu(lieu('Albi', '81004'), lieu('Albi', '81004')).verdict).toBe('identique');
    expect(comparerLieu(lieu('ALBI', '81004'), lieu('Albi', '81004')).natures).toEqual(['graphie']);
    expect(comparerLieu(lieu('Saint-Martin', '81001'), lieu('Saint-Martin', '13001')).verdict).toBe('different');
  });

  it('sinon le nom de la commune, comme un nom propre', () => {
    expect(comparerLieu(lieu('Albi'), lieu('ALBI', '81004')).natures).toEqual(['graphie']);
    expect(comparerLieu(lieu('Aussilon'), lieu('Aussillon')).verdict).toBe('variante');
    expect(comparerLieu(lieu('Castres'), lieu('Albi')).verdict).toBe('different');
  });

  it('pays différents : lieux différents ; « France » vaut lieu français', () => {
    expect(comparerLieu(lieu('Tunis', null, 'Tunisie'), lieu('Tunis')).verdict).toBe('different');
    expect(comparerLieu(lieu('Albi', null, 'France'), lieu('Albi')).verdict).toBe('identique');
  });

  it('sexe', () => {
    expect(comparerSexe('F', 'F').verdict).toBe('identique');
    expect(comparerSexe('F', 'M').verdict).toBe('different');
    expect(comparerSexe(null, 'M').verdict).toBe('absent');
  });
});

import { describe, expect, it } from 'vitest';
import {
  coutCommande,
  formaterMontantHt,
  tableauCoutsAnnuels,
  type CommandePassee,
} from '../../../shared/domain/cout-cartes';

const gratuite = (commandeeLe: string): CommandePassee => ({ commandeeLe, motif: 'premiere', coutHtCentimes: 0 });

describe('quota et coût : une carte gratuite par agent et par 6 ans, 30 € HT sinon', () => {
  it('la première carte est gratuite', () => {
    expect(coutCommande('premiere', '2026-01-05', [])).toEqual({ coutHtCentimes: 0, raison: 'quota' });
  });

  it('perte, vol, casse, PIN oublié : 30 € HT, même sans carte auparavant', () => {
    for (const motif of ['perte', 'vol', 'casse', 'pin_oublie'] as const)
      expect(coutCommande(motif, '2026-01-05', [])).toEqual({ coutHtCentimes: 3000, raison: 'remplacement' });
  });

  it('une deuxième carte gratuite dans les 6 ans dépasse le quota', () => {
    expect(coutCommande('premiere', '2026-01-05', [gratuite('2021-01-06')])).toEqual({
      coutHtCentimes: 3000,
      raison: 'hors_quota',
    });
    expect(coutCommande('renouvellement', '2027-01-05', [gratuite('2021-01-06')])).toEqual({
      coutHtCentimes: 3000,
      raison: 'hors_quota',
    });
  });

  it('6 ans après, le renouvellement est de nouveau gratuit', () => {
    expect(coutCommande('renouvellement', '2027-01-06', [gratuite('2021-01-06')])).toEqual({
      coutHtCentimes: 0,
      raison: 'quota',
    });
  });

  it('une carte payée ou remplacée pour défaut ne prend pas le quota ; un défaut ne coûte rien', () => {
    const passees: CommandePassee[] = [
      { commandeeLe: '2024-01-01', motif: 'perte', coutHtCentimes: 3000 },
      { commandeeLe: '2024-06-01', motif: 'dysfonctionnement', coutHtCentimes: 0 },
    ];
    expect(coutCommande('premiere', '2025-01-01', passees)).toEqual({ coutHtCentimes: 0, raison: 'quota' });
    expect(coutCommande('dysfonctionnement', '2025-01-01', [gratuite('2024-12-01')])).toEqual({
      coutHtCentimes: 0,
      raison: 'defaut',
    });
  });

  it('le tableau annuel : commandées, gratuites, payantes, montant, l’année la plus récente d’abord', () => {
    expect(
      tableauCoutsAnnuels([
        { commandeeLe: '2025-02-01', coutHtCentimes: 0 },
        { commandeeLe: '2026-01-05', coutHtCentimes: 3000 },
        { commandeeLe: '2026-03-05', coutHtCentimes: 0 },
        { commandeeLe: '2026-07-05', coutHtCentimes: 3000 },
      ]),
    ).toEqual([
      { annee: 2026, commandees: 3, gratuites: 1, payantes: 2, montantHtCentimes: 6000 },
      { annee: 2025, commandees: 1, gratuites: 1, payantes: 0, montantHtCentimes: 0 },
    ]);
    expect(tableauCoutsAnnuels([])).toEqual([]);
    expect(formaterMontantHt(6000)).toBe('60,00 € HT');
  });
});

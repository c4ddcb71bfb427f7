import { describe, expect, it } from 'vitest';
import {
  ActionsCarte,
  ajouterAnnees,
  alerteRenouvellement,
  carteEnService,
  EtatsCarte,
  finValiditeCarte,
  joursEntre,
  transitionCarte,
  TRANSITIONS_CARTE,
  type ActionCarte,
  type EtatCarte,
} from '../../../shared/domain/cycle-carte';
import { RegistreError } from '../../../shared/errors';

function refus(de: EtatCarte, action: ActionCarte): RegistreError {
  try {
    transitionCarte(de, action);
  } catch (e) {
    return e as RegistreError;
  }
  throw new Error(`${de} --${action}--> accepté`);
}

describe('la vie d’une carte : commandée, remise, activée, puis révoquée, expirée ou renouvelée', () => {
  it('le chemin ordinaire, et le PIN changé ou débloqué qui la laisse activée', () => {
    expect(transitionCarte('commandee', 'remettre')).toBe('remise');
    expect(transitionCarte('remise', 'activer')).toBe('activee');
    expect(transitionCarte('activee', 'changer_pin')).toBe('activee');
    expect(transitionCarte('activee', 'debloquer_pin')).toBe('activee');
    expect(transitionCarte('activee', 'renouveler')).toBe('renouvelee');
    expect(transitionCarte('activee', 'constater_expiration')).toBe('expiree');
  });

  it('une révocation se fait à tout moment avant la fin, et c’est la fin', () => {
    for (const de of ['commandee', 'remise', 'activee'] as const)
      expect(transitionCarte(de, 'revoquer')).toBe('revoquee');
    for (const de of ['revoquee', 'expiree', 'renouvelee'] as const)
      for (const action of ActionsCarte) expect(refus(de, action).code).toBe('transition_refusee');
  });

  it('chaque refus est typé et dit pourquoi en français', () => {
    const e = refus('revoquee', 'activer');
    expect(e.details).toEqual({ de: 'revoquee', vers: 'activer' });
    expect(e.message).toBe('Cette carte est révoquée : elle ne peut pas être activée.');
    expect(refus('commandee', 'changer_pin').message).toBe(
      'Cette carte est commandée : elle ne peut pas changer de PIN.',
    );
    expect(refus('remise', 'remettre').code).toBe('transition_refusee');
  });

  it('la table couvre chaque état, et seules remise et activée ouvrent une session', () => {
    expect(Object.keys(TRANSITIONS_CARTE).sort()).toEqual([...EtatsCarte].sort());
    expect(EtatsCarte.filter(carteEnService)).toEqual(['remise', 'activee']);
  });
});

describe('validité de 6 ans et alerte de renouvellement 60 jours avant', () => {
  it('calcule les dates en jours du calendrier', () => {
    expect(ajouterAnnees('2020-03-15', 6)).toBe('2026-03-15');
    expect(ajouterAnnees('2024-02-29', 6)).toBe('2030-02-28');
    expect(ajouterAnnees('2024-02-29', -4)).toBe('2020-02-29');
    expect(joursEntre('2026-01-01', '2026-03-02')).toBe(60);
    expect(joursEntre('2026-03-02', '2026-01-01')).toBe(-60);
  });

  it('la fin d’une carte : celle de ses certificats, sinon 6 ans après sa remise ou sa commande', () => {
    expect(finValiditeCarte({ finCertificats: '2029-05-01', remiseLe: '2024-01-10', commandeeLe: '2023-12-01' })).toBe(
      '2029-05-01',
    );
    expect(finValiditeCarte({ finCertificats: null, remiseLe: '2024-01-10', commandeeLe: '2023-12-01' })).toBe(
      '2030-01-10',
    );
    expect(finValiditeCarte({ finCertificats: null, remiseLe: null, commandeeLe: '2023-12-01' })).toBe('2029-12-01');
  });

  it('rien avant 60 jours, « à renouveler » à 60 jours et moins, « expirée » après', () => {
    expect(alerteRenouvellement('activee', '2026-03-03', '2026-01-01')).toBeNull();
    expect(alerteRenouvellement('activee', '2026-03-02', '2026-01-01')).toEqual({
      niveau: 'a_renouveler',
      joursRestants: 60,
    });
    expect(alerteRenouvellement('remise', '2026-01-01', '2026-01-01')).toEqual({
      niveau: 'a_renouveler',
      joursRestants: 0,
    });
    expect(alerteRenouvellement('activee', '2025-12-31', '2026-01-01')).toEqual({ niveau: 'expiree', joursDepuis: 1 });
  });

  it('une carte hors service n’est plus surveillée', () => {
    for (const etat of ['commandee', 'revoquee', 'expiree', 'renouvelee'] as const)
      expect(alerteRenouvellement(etat, '2026-01-10', '2026-01-01')).toBeNull();
  });
});

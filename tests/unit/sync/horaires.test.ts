import { describe, expect, it } from 'vitest';
import { estOuvert, prochaineSynchro } from '../../../electron/sync/horaires';
import type { Planification } from '../../../shared/contract/sync';

const p: Planification = { active: true, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' };
const d = (iso: string) => new Date(iso);
const iso = (x: Date | null) => x?.toISOString() ?? null;

describe('heures d’ouverture (heure de Paris)', () => {
  it('ouvert du lundi au vendredi de 8 h 30 à 17 h 30, heure de Paris', () => {
    expect(estOuvert(d('2026-01-12T07:30:00Z'), p)).toBe(true); // lundi 08:30 Paris (UTC+1)
    expect(estOuvert(d('2026-01-12T07:29:00Z'), p)).toBe(false);
    expect(estOuvert(d('2026-01-12T16:29:00Z'), p)).toBe(true);
    expect(estOuvert(d('2026-01-12T16:30:00Z'), p)).toBe(false); // 17:30 : fermé
    expect(estOuvert(d('2026-01-10T10:00:00Z'), p)).toBe(false); // samedi
    // été (UTC+2) : 08:30 Paris = 06:30 UTC
    expect(estOuvert(d('2026-07-06T06:30:00Z'), p)).toBe(true);
    expect(estOuvert(d('2026-07-06T15:30:00Z'), p)).toBe(false);
  });
});

describe('prochaine synchronisation automatique', () => {
  it('sans synchro précédente, pendant les heures : tout de suite', () => {
    expect(iso(prochaineSynchro(d('2026-01-12T09:00:00Z'), p, null))).toBe('2026-01-12T09:00:00.000Z');
  });

  it('intervalle après la dernière synchro', () => {
    expect(iso(prochaineSynchro(d('2026-01-12T09:05:00Z'), p, d('2026-01-12T09:00:00Z')))).toBe(
      '2026-01-12T09:30:00.000Z',
    );
    // une synchro en retard (poste en veille) part tout de suite
    expect(iso(prochaineSynchro(d('2026-01-12T11:00:00Z'), p, d('2026-01-12T09:00:00Z')))).toBe(
      '2026-01-12T11:00:00.000Z',
    );
  });

  it('après la fermeture : le prochain jour ouvré à l’ouverture', () => {
    // vendredi 16 janvier 17:20 Paris, dernière à 17:00 → +30 min = 17:30 fermé → lundi 19 à 08:30
    expect(iso(prochaineSynchro(d('2026-01-16T16:20:00Z'), p, d('2026-01-16T16:00:00Z')))).toBe(
      '2026-01-19T07:30:00.000Z',
    );
    // avant l’ouverture le matin
    expect(iso(prochaineSynchro(d('2026-01-13T05:00:00Z'), p, null))).toBe('2026-01-13T07:30:00.000Z');
  });

  it('franchit le changement d’heure sans décaler l’ouverture', () => {
    // vendredi 27 mars 2026 18:00 Paris (UTC+1) → lundi 30 mars 08:30 Paris (UTC+2) = 06:30 UTC
    expect(iso(prochaineSynchro(d('2026-03-27T17:00:00Z'), p, null))).toBe('2026-03-30T06:30:00.000Z');
    // octobre : vendredi 23 → lundi 26 octobre 08:30 (UTC+1) = 07:30 UTC
    expect(iso(prochaineSynchro(d('2026-10-23T17:00:00Z'), p, null))).toBe('2026-10-26T07:30:00.000Z');
  });

  it('planification désactivée, aucun jour, ou plage vide : jamais', () => {
    expect(prochaineSynchro(d('2026-01-12T09:00:00Z'), { ...p, active: false }, null)).toBeNull();
    expect(prochaineSynchro(d('2026-01-12T09:00:00Z'), { ...p, jours: [] }, null)).toBeNull();
    expect(prochaineSynchro(d('2026-01-12T09:00:00Z'), { ...p, debut: '18:00', fin: '08:00' }, null)).toBeNull();
  });

  it('samedi seulement', () => {
    expect(iso(prochaineSynchro(d('2026-01-12T09:00:00Z'), { ...p, jours: [6] }, null))).toBe(
      '2026-01-17T07:30:00.000Z',
    );
  });
});

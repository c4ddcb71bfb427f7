import { afterEach, describe, expect, it, vi } from 'vitest';
import { horlogeSysteme } from '../../../electron/horloge';
import { Planificateur } from '../../../electron/sync/planificateur';
import type { Planification } from '../../../shared/contract/sync';

afterEach(() => vi.useRealTimers());

function monter(p: Partial<Planification> = {}, options: { actif?: boolean; prochainEssai?: () => Date | null } = {}) {
  const lancements: string[] = [];
  let derniere: Date | null = null;
  const planif: Planification = {
    active: true,
    intervalleMinutes: 30,
    jours: [1, 2, 3, 4, 5],
    debut: '08:30',
    fin: '17:30',
    ...p,
  };
  const pl = new Planificateur({
    horloge: horlogeSysteme,
    planification: () => planif,
    actif: () => options.actif ?? true,
    derniere: () => derniere,
    prochainEssai: options.prochainEssai ?? (() => null),
    lancer: async () => {
      derniere = new Date();
      lancements.push(derniere.toISOString());
    },
  });
  return { pl, lancements, planif };
}

describe('planificateur des synchronisations automatiques', () => {
  it('toutes les 30 minutes pendant les heures de bureau, puis le lendemain à l’ouverture', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-16T15:00:00Z') }); // vendredi 16:00 à Paris
    const { pl, lancements } = monter();
    pl.demarrer();
    await vi.advanceTimersByTimeAsync(0);
    expect(lancements).toEqual(['2026-01-16T15:00:00.000Z']);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(lancements).toEqual(['2026-01-16T15:00:00.000Z', '2026-01-16T15:30:00.000Z', '2026-01-16T16:00:00.000Z']);
    // 17:30 fermé : rien pendant le week-end, puis lundi 08:30 Paris
    expect(pl.prochaine()?.toISOString()).toBe('2026-01-19T07:30:00.000Z');
    await vi.advanceTimersByTimeAsync(2.5 * 24 * 3600_000);
    expect(lancements).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(lancements[3]).toBe('2026-01-19T07:30:00.000Z');
    pl.arreter();
  });

  it('un nouvel essai de la boîte d’envoi avance la prochaine synchronisation', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-16T15:00:00Z') });
    const essai = new Date('2026-01-16T15:02:00Z');
    const { pl, lancements } = monter({}, { prochainEssai: () => (lancements.length === 1 ? essai : null) });
    pl.demarrer();
    await vi.advanceTimersByTimeAsync(0);
    expect(pl.prochaine()?.toISOString()).toBe(essai.toISOString());
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(lancements).toEqual(['2026-01-16T15:00:00.000Z', '2026-01-16T15:02:00.000Z']);
    pl.arreter();
  });

  it('arrêté, désactivé ou sans plateforme : aucun lancement', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-16T15:00:00Z') });
    const a = monter({ active: false });
    a.pl.demarrer();
    const b = monter({}, { actif: false });
    b.pl.demarrer();
    const c = monter();
    c.pl.demarrer();
    c.pl.arreter();
    await vi.advanceTimersByTimeAsync(3 * 3600_000);
    expect([a.lancements, b.lancements, c.lancements]).toEqual([[], [], []]);
    expect(a.pl.prochaine()).toBeNull();
  });

  it('replanifier après un changement de réglages prend effet aussitôt', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-17T10:00:00Z') }); // samedi
    const { pl, lancements, planif } = monter();
    pl.demarrer();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lancements).toEqual([]);
    planif.jours = [6];
    pl.replanifier();
    await vi.advanceTimersByTimeAsync(0);
    expect(lancements).toHaveLength(1);
    pl.arreter();
  });
});

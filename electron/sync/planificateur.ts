import type { Planification } from '../../shared/contract/sync';
import type { Horloge } from '../horloge';
import { journal } from '../journal';
import { prochaineSynchro } from './horaires';

/**
 * Automatic syncs: one timer, set for the next due time (every N minutes during office hours,
 * or earlier when an outbox retry is due), re-armed after each run and after every settings
 * change. Runs go through the engine's single-flight lock, so a timer firing during a manual
 * sync simply joins it. Timers are unref'd: they never keep the process alive.
 */
export interface DependancesPlanificateur {
  horloge: Horloge;
  planification(): Planification;
  /** Whether automatic syncs can run at all (platform configured). */
  actif(): boolean;
  derniere(): Date | null;
  /** Earliest outbox retry, if any. */
  prochainEssai(): Date | null;
  lancer(): Promise<unknown>;
}

const DELAI_MAX = 2 ** 31 - 1;

export class Planificateur {
  private minuteur: NodeJS.Timeout | null = null;
  private arrete = true;

  constructor(private readonly deps: DependancesPlanificateur) {}

  prochaine(): Date | null {
    if (!this.deps.actif()) return null;
    const p = this.deps.planification();
    if (!p.active) return null;
    const maintenant = this.deps.horloge.maintenant();
    const candidats = [prochaineSynchro(maintenant, p, this.deps.derniere()), this.deps.prochainEssai()].filter(
      (d): d is Date => d !== null,
    );
    if (!candidats.length) return null;
    return new Date(Math.max(maintenant.getTime(), Math.min(...candidats.map((d) => d.getTime()))));
  }

  demarrer(): void {
    this.arrete = false;
    this.armer();
  }

  arreter(): void {
    this.arrete = true;
    if (this.minuteur) clearTimeout(this.minuteur);
    this.minuteur = null;
  }

  /** After a manual sync or a settings change. */
  replanifier(): void {
    if (!this.arrete) this.armer();
  }

  private armer(): void {
    if (this.minuteur) clearTimeout(this.minuteur);
    this.minuteur = null;
    const quand = this.prochaine();
    if (!quand) return;
    const delai = Math.min(DELAI_MAX, Math.max(0, quand.getTime() - this.deps.horloge.maintenant().getTime()));
    this.minuteur = setTimeout(() => void this.declencher(), delai);
    this.minuteur.unref?.();
  }

  private async declencher(): Promise<void> {
    this.minuteur = null;
    try {
      await this.deps.lancer();
    } catch (e) {
      journal.avertir('synchronisation automatique en échec', { type: (e as Error)?.name });
    }
    if (!this.arrete) this.armer();
  }
}

import type { Horloge } from '../electron/horloge';
import type { DepotReglages } from './depots/reglages';

/**
 * The platform's clock: the injected clock plus an offset that the admin API sets (tests and
 * training move time to see deadlines and the purge at 23 days). The offset is kept in the
 * database so a restarted platform keeps the same "now".
 */
export class HorlogeReglable implements Horloge {
  private decalage: number;

  constructor(
    private readonly base: Horloge,
    private readonly reglages: DepotReglages,
  ) {
    this.decalage = reglages.lire<number>('horloge.decalageMs', 0);
  }

  maintenant(): Date {
    return new Date(this.base.maintenant().getTime() + this.decalage);
  }

  regler(instant: Date): void {
    this.decalage = instant.getTime() - this.base.maintenant().getTime();
    this.reglages.ecrire('horloge.decalageMs', this.decalage);
  }

  avancer(ms: number): void {
    this.decalage += ms;
    this.reglages.ecrire('horloge.decalageMs', this.decalage);
  }
}

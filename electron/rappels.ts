import { versRegistreError } from '../shared/errors';
import { journal } from './journal';

/**
 * What one room runs for another after something happened ("after a reception, match"),
 * wired by app.ts. Rooms never signal each other through the event bus: its events are the
 * renderer's. A failing callback is logged and does not stop the others nor the caller.
 */
export class Rappels<A extends unknown[] = []> {
  private readonly liste = new Set<(...args: A) => void>();

  ajouter(rappel: (...args: A) => void): () => void {
    this.liste.add(rappel);
    return () => this.liste.delete(rappel);
  }

  appeler(...args: A): void {
    for (const r of this.liste) {
      try {
        r(...args);
      } catch (e) {
        journal.erreur('rappel en échec', { code: versRegistreError(e).code });
      }
    }
  }
}

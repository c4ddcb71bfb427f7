import { z } from 'zod';
import { Hasard } from './hasard';
import type { DepotReglages } from './depots/reglages';

/**
 * Fault injection, for the client's tests and for training: latency, server errors, requests
 * that never answer, connections cut AFTER an answer was stored (the client must then rely on
 * the idempotent replay), duplicate deliveries and malformed XML in the mailbox. Rates are
 * between 0 and 1 (1 = always); draws come from a seeded generator, so a test run is repeatable.
 */
const Taux = z.number().min(0).max(1);
export const PannesSchema = z.object({
  latenceMs: z.number().int().min(0).max(120_000).default(0),
  taux5xx: Taux.default(0),
  tauxDelaiDepasse: Taux.default(0),
  delaiDepasseMs: z.number().int().min(0).max(600_000).default(30_000),
  tauxCoupureApresEnregistrement: Taux.default(0),
  tauxLivraisonDupliquee: Taux.default(0),
  tauxXmlMalForme: Taux.default(0),
  graine: z.number().int().default(1),
});
export type Pannes = z.infer<typeof PannesSchema>;

export class InjecteurPannes {
  private reglage: Pannes;
  private hasard: Hasard;

  constructor(private readonly reglages: DepotReglages) {
    this.reglage = PannesSchema.parse(reglages.lire('pannes', {}));
    this.hasard = new Hasard(this.reglage.graine);
  }

  get etat(): Pannes {
    return { ...this.reglage };
  }

  /** Replaces the settings (missing fields: no fault) and restarts the seeded draws. */
  regler(r: unknown): Pannes {
    this.reglage = PannesSchema.parse(r ?? {});
    this.hasard = new Hasard(this.reglage.graine);
    this.reglages.ecrire('pannes', this.reglage);
    return this.etat;
  }

  /** true with probability `taux` (never draws when 0, always true when 1). */
  tirer(taux: number): boolean {
    if (taux <= 0) return false;
    if (taux >= 1) return true;
    return this.hasard.oui(taux);
  }

  choisir<T>(liste: readonly T[]): T {
    return this.hasard.choix(liste);
  }
}

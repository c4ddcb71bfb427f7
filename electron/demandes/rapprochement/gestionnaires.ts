import type { Gestionnaires } from '../../contrat';
import type { ContexteApp } from '../../contexte';
import { DepotRapprochements } from './depot';
import { ServiceRapprochement } from './service';

type NomsRapprochement = Extract<keyof Gestionnaires, `rapprochement.${string}`>;

export interface Rapprochement {
  readonly gestionnaires: Pick<Gestionnaires, NomsRapprochement>;
  readonly service: ServiceRapprochement;
  /** Starts background matching (composition root only: tests building handlers alone do not). */
  demarrer(): void;
  arreter(): Promise<void>;
}

/** The matching area: its background service and the contract calls that read its results. */
export function creerRapprochement(ctx: ContexteApp): Rapprochement {
  const service = new ServiceRapprochement({ db: () => ctx.db(), bus: ctx.bus, horloge: ctx.horloge });
  const gestionnaires: Pick<Gestionnaires, NomsRapprochement> = {
    'rapprochement.lire': ({ demandeId }) => {
      const stocke = new DepotRapprochements(ctx.db()).lire(demandeId);
      // Never show a result the register has moved past: redo it first (a few milliseconds).
      if (stocke && !stocke.perime)
        return { demandeId, resultat: stocke.resultat, calculeLe: stocke.calculeLe, dureeMs: stocke.dureeMs };
      return service.rapprocherMaintenant(demandeId);
    },
    'rapprochement.relancer': ({ demandeId }) => service.rapprocherMaintenant(demandeId),
    'rapprochement.issues': ({ demandeIds }) => {
      const depot = new DepotRapprochements(ctx.db());
      return demandeIds.map((demandeId) => ({
        demandeId,
        ...(depot.issue(demandeId) ?? { issue: null, score: null, perime: false }),
      }));
    },
  };
  return {
    gestionnaires,
    service,
    demarrer: () => service.demarrer(),
    arreter: () => service.arreter(),
  };
}

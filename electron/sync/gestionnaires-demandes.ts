import type { Gestionnaires } from '../contrat/repartiteur';
import type { ContexteApp } from '../contexte';
import { compteurs, compteursAlertes, lireDemandeStockee, listerDemandes, listerQuarantaine } from './stockage/demandes-lecture';

type NomsDemandes = Extract<keyof Gestionnaires, `demandes.${string}`>;

/** Handlers of the requests area: list with states and deadlines, one request, quarantine. */
export function gestionnairesDemandes(ctx: ContexteApp): Pick<Gestionnaires, NomsDemandes> {
  return {
    'demandes.lister': (f) => {
      const maintenant = ctx.horloge.maintenant();
      const db = ctx.db();
      return { ...listerDemandes(db, f, maintenant), compteurs: compteurs(db, maintenant), alertes: compteursAlertes(db, maintenant) };
    },
    'demandes.lire': ({ id }) => lireDemandeStockee(ctx.db(), id, ctx.horloge.maintenant()),
    'demandes.quarantaine': ({ limite }) => listerQuarantaine(ctx.db(), limite),
    'demandes.compteurs': () => compteurs(ctx.db(), ctx.horloge.maintenant()),
  };
}

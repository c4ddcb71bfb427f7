import { MAX_IDS_LISTE } from '../../shared/contract/demandes';
import type { Envoi } from '../../shared/contract/sync';
import type { Gestionnaires } from '../contrat';
import type { ContexteApp } from '../contexte';
import type { Base } from '../db';
import { listerQuarantaine } from './quarantaine';
import {
  compteurs,
  compteursAlertes,
  facettes,
  issuesListees,
  lireDemandeStockee,
  listerDemandes,
  listerIdsDemandes,
  specimensListes,
} from './stockage/lecture';

/** The set-aside calls are the answers room's (electron/demandes/reponses/). */
type NomsDemandes = Exclude<
  Extract<keyof Gestionnaires, `demandes.${string}`>,
  'demandes.mettreDeCote' | 'demandes.reprendre'
>;

export interface DependancesDemandes {
  /** The outbox rows about one request (the sync room's outbox, handed by app.ts). */
  envoisDe(db: Base, demandeId: number): Envoi[];
}

/** Handlers of the requests area: list with states and deadlines, one request, quarantine. */
export function gestionnairesDemandes(ctx: ContexteApp, dep: DependancesDemandes): Pick<Gestionnaires, NomsDemandes> {
  return {
    'demandes.lister': (f) => {
      const maintenant = ctx.horloge.maintenant();
      const db = ctx.db();
      const { limite: _l, decalage: _d, ...criteres } = f;
      return {
        ...listerDemandes(db, f, maintenant),
        compteurs: compteurs(db, maintenant, criteres),
        alertes: compteursAlertes(db, maintenant, criteres),
        facettes: facettes(db, maintenant, criteres),
        specimens: specimensListes(db, maintenant, criteres),
        rapprochement: issuesListees(db, maintenant, criteres),
      };
    },
    'demandes.listerIds': (f) => listerIdsDemandes(ctx.db(), f, ctx.horloge.maintenant(), MAX_IDS_LISTE),
    'demandes.lire': ({ id }) => {
      const db = ctx.db();
      return lireDemandeStockee(db, id, ctx.horloge.maintenant(), (demandeId) => dep.envoisDe(db, demandeId));
    },
    'demandes.quarantaine': ({ limite }) => listerQuarantaine(ctx.db(), limite),
    'demandes.compteurs': () => compteurs(ctx.db(), ctx.horloge.maintenant()),
  };
}

import type { Gestionnaires } from '../../contrat';
import { ServiceReponses, type DependancesReponses } from './service';

type NomsReponses = Extract<keyof Gestionnaires, `reponses.${string}`> | 'demandes.mettreDeCote' | 'demandes.reprendre';

export interface Reponses {
  readonly service: ServiceReponses;
  readonly gestionnaires: Pick<Gestionnaires, NomsReponses>;
}

/** The answers area: drafting, guard, life cycle of the draft, setting a request aside. */
export function creerReponses(dep: DependancesReponses): Reponses {
  const service = new ServiceReponses(dep);
  return {
    service,
    gestionnaires: {
      'reponses.apercu': ({ demandeId }) => service.apercu(demandeId),
      'reponses.preparerPositive': ({ demandeId, acteId }) => service.preparer(demandeId, { sens: 'positive', acteId }),
      'reponses.indexerActe': ({ demandeId, acte }) => service.indexerDepuisDemande(demandeId, acte),
      'reponses.preparerNegative': ({ demandeId, motif, commentaire, confirmation }) =>
        service.preparer(demandeId, { sens: 'negative', motif, commentaire, confirmation }),
      'reponses.modifier': ({ demandeId, reponse }) => service.modifier(demandeId, reponse),
      'reponses.abandonner': ({ demandeId }) => {
        service.abandonner(demandeId);
        return { ok: true as const };
      },
      'reponses.lister': (filtre) => service.lister(filtre),
      'demandes.mettreDeCote': ({ id, commentaire }) => service.mettreDeCote(id, commentaire),
      'demandes.reprendre': ({ id }) => {
        service.reprendre(id);
        return { ok: true as const };
      },
    },
  };
}

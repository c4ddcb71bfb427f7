import type { Gestionnaires } from '../../contrat';
import { ServiceDemandesEnvoyees, type DependancesDemandesEnvoyees } from './service';

type NomsEnvoyees = Extract<keyof Gestionnaires, `demandesEnvoyees.${string}`>;

export interface DemandesEnvoyees {
  readonly service: ServiceDemandesEnvoyees;
  readonly gestionnaires: Pick<Gestionnaires, NomsEnvoyees>;
}

/** The requests-sent area: writing, following, reading the verified answer. */
export function creerDemandesEnvoyees(dep: DependancesDemandesEnvoyees): DemandesEnvoyees {
  const service = new ServiceDemandesEnvoyees(dep);
  return {
    service,
    gestionnaires: {
      'demandesEnvoyees.preparer': (saisie) => service.preparer(saisie),
      'demandesEnvoyees.lister': ({ limite }) => service.lister(limite),
      'demandesEnvoyees.saisie': ({ id }) => service.saisie(id),
      'demandesEnvoyees.modifier': ({ id, ...saisie }) => service.modifier(id, saisie),
      'demandesEnvoyees.abandonner': ({ id }) => {
        service.abandonner(id);
        return { ok: true as const };
      },
      'demandesEnvoyees.reponse': ({ id }) => service.reponse(id),
      'demandesEnvoyees.reponsePdf': ({ id }) => service.reponsePdf(id),
    },
  };
}

// The register area of the contract: every registre.* call and the communes.* calls.
import type { Gestionnaires } from '../contrat';
import type { ContexteApp } from '../contexte';
import { rechercherCommunes, verifierLieuSaisi } from './communes';
import { ServiceRegistre } from './service';
import { gestionnairesExtraits } from './extraits/gestionnaires-extraits';
import { gestionnairesImport } from './import/gestionnaires-import';

type NomsRegistre = Extract<keyof Gestionnaires, `registre.${string}` | `communes.${string}`>;

export function gestionnairesRegistre(ctx: ContexteApp): Pick<Gestionnaires, NomsRegistre> {
  const registre = new ServiceRegistre(ctx);
  return {
    'registre.rechercher': (demande) => registre.rechercher(demande),
    'registre.lire': ({ id }) => registre.lire(id),
    'registre.enregistrer': ({ acte }) => registre.enregistrer(acte),
    'registre.statistiques': () => registre.statistiques(),
    ...gestionnairesExtraits(ctx),
    ...gestionnairesImport(ctx),
    'communes.rechercher': ({ texte, limite }) => rechercherCommunes(texte, limite),
    'communes.verifierLieu': ({ lieu }) => verifierLieuSaisi(lieu),
  };
}

// Placeholder replaced by the register work (helper): every registre.* call and communes.rechercher.
import type { Gestionnaires } from '../contrat/repartiteur';
import type { ContexteApp } from '../contexte';
import { rechercherCommunes } from './communes';
import { erreurs } from '../../shared/errors';

type NomsRegistre = Extract<keyof Gestionnaires, `registre.${string}` | 'communes.rechercher'>;

export function gestionnairesRegistre(_ctx: ContexteApp): Pick<Gestionnaires, NomsRegistre> {
  const pasEncore = () => {
    throw erreurs.interne('non implémenté');
  };
  return {
    'registre.rechercher': pasEncore,
    'registre.lire': pasEncore,
    'registre.enregistrer': pasEncore,
    'registre.statistiques': pasEncore,
    'registre.extrait': pasEncore,
    'registre.extraitPdf': pasEncore,
    'registre.importer': pasEncore,
    'registre.rejetsImport': pasEncore,
    'communes.rechercher': ({ texte, limite }) => rechercherCommunes(texte, limite),
  };
}

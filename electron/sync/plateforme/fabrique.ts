import { erreurs } from '../../../shared/errors';
import type { ParametresPlateforme } from '../../../shared/contract/sync';
import type { AdaptateurPlateforme } from './adaptateur';
import { AdaptateurBacASable } from './bac-a-sable';

/** The one place that turns the settings into an adapter; a real-platform adapter plugs in here. */
export function creerAdaptateur(
  p: ParametresPlateforme | null,
  options: { delaiMs?: number } = {},
): AdaptateurPlateforme {
  if (!p) throw erreurs.saisieInvalide('plateforme', 'l’adresse de la plateforme COMEDEC n’est pas paramétrée');
  switch (p.adaptateur) {
    case 'bac_a_sable':
      return new AdaptateurBacASable({ url: p.url, delaiMs: options.delaiMs });
  }
}

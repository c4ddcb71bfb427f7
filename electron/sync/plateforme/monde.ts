import { erreurs } from '../../../shared/errors';

/**
 * Training and real worlds never mix: a training card must not connect to a real platform
 * (its answers would count), and a real agent card must not be used on a training platform
 * (training is where mistakes are made). Checked by every adapter before the card signs.
 */
export function verifierMonde(carteDeFormation: boolean, plateformeDeFormation: boolean): void {
  if (carteDeFormation && !plateformeDeFormation)
    throw erreurs.droitsInsuffisants(
      'La carte de formation ne peut pas se connecter à une plateforme réelle. Choisissez la plateforme de formation.',
    );
  if (!carteDeFormation && plateformeDeFormation)
    throw erreurs.droitsInsuffisants(
      'Une vraie carte agent ne doit pas être utilisée sur la plateforme de formation. Utilisez la carte de formation.',
    );
}

import { ContactCard24Regular } from '@fluentui/react-icons';
import { EtatVide } from '../composants/EtatVide';

/** Stands in the Cartes slot until the card screen (ecrans/cartes/EcranCartes.tsx) is built. */
export function EmplacementCartes() {
  return (
    <EtatVide icone={<ContactCard24Regular />} titre="Cartes d’agent : bientôt disponible">
      Cet écran tiendra l’annuaire des agents et le cycle de vie de leurs cartes (commande, remise, activation, changement de
      code PIN, révocation, renouvellement). En attendant, suivez les cartes avec le responsable cartes de la mairie.
    </EtatVide>
  );
}

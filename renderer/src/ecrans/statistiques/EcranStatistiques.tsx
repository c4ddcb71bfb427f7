import { DataBarVertical24Regular } from '@fluentui/react-icons';
import { EtatVide } from '../../composants/EtatVide';

/** Not built yet: says what will come here and what to do meanwhile. */
export function EcranStatistiques() {
  return (
    <EtatVide icone={<DataBarVertical24Regular />} titre="Statistiques : bientôt disponibles">
      Cet écran comptera les réponses envoyées par type de demandeur, les délais de réponse et les réponses aux notaires
      ouvrant droit à la participation de l’État. Il n’est pas encore disponible dans cette version. En attendant, le
      nombre d’actes du registre figure dans la barre d’état, en bas de la fenêtre.
    </EtatVide>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCommune } from '../store/commune';
import { useNavigation } from '../store/navigation';

/** Until the commune's identity is set, every screen but Paramètres says so and leads there. */
export function BandeauCommune() {
  const { etat, commune, erreur, charger } = useCommune();
  const ecran = useNavigation((e) => e.ecran);
  const aller = useNavigation((e) => e.aller);
  if (etat === 'erreur')
    return (
      <MessageBar intent="error" layout="singleline">
        <MessageBarBody>{erreur}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => void charger()}>Réessayer</Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (etat !== 'pret' || commune || ecran === 'parametres') return null;
  // Multiline: at 1366 px wide the single-line layout clipped its button on the Cartes screen.
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Commencez par renseigner votre commune</MessageBarTitle>
        Son nom et son code INSEE figurent sur les extraits et identifient la mairie auprès de COMEDEC.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => aller('parametres')}>
          Renseigner la commune
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

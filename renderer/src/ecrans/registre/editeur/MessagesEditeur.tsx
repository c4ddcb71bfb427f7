import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { formaterHorodatage } from '../../../composants/format';
import { useEditeur } from '../../../store/editeur';

/** What the editor has to say above the form: restored draft, save failure, errors without a field. */
export function MessagesEditeur(props: { surRepartir(): void }) {
  const brouillonDu = useEditeur((e) => e.brouillonDu);
  const erreurEnregistrement = useEditeur((e) => e.erreurEnregistrement);
  const generales = useEditeur((e) => e.erreursGenerales);
  const nombreErreurs = useEditeur((e) => Object.keys(e.erreurs).length);
  const demande = useEditeur((e) => e.formulaire.depuisDemande?.idPlateforme);
  return (
    <>
      {demande && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Saisie depuis la demande {demande}</MessageBarTitle>
            Les champs reprennent ce que déclare la demande : corrigez-les d’après le registre papier, puis enregistrez
            (Ctrl+S). L’acte gardera la demande d’où il vient, et la réponse positive sera préparée depuis lui, à
            relire.
          </MessageBarBody>
        </MessageBar>
      )}
      {brouillonDu && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Brouillon restauré</MessageBarTitle>
            Saisie non enregistrée du {formaterHorodatage(brouillonDu)}.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.surRepartir}>Abandonner ce brouillon</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {erreurEnregistrement && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{erreurEnregistrement}</MessageBarBody>
        </MessageBar>
      )}
      {!erreurEnregistrement && nombreErreurs > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {nombreErreurs === 1 ? 'Un champ est à corriger.' : `${nombreErreurs} champs sont à corriger.`} Les messages
            figurent sous chaque champ.
          </MessageBarBody>
        </MessageBar>
      )}
      {generales.map((g) => (
        <MessageBar key={g} intent="error">
          <MessageBarBody>{g}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

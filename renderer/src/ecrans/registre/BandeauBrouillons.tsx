import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { formaterHorodatage } from '../../composants/format';
import { useEditeur } from '../../store/editeur';
import { effacerBrouillon, listerBrouillons } from './editeur/brouillon';

/**
 * After a crash or a reload, the drafts left by the editor are offered back here: resume one,
 * or discard it. Nothing is thrown away without the officer saying so.
 */
export function BandeauBrouillons() {
  const [brouillons, setBrouillons] = useState(() => listerBrouillons(window.localStorage));
  const reprendre = useEditeur((e) => e.reprendre);
  const premier = brouillons[0];
  if (!premier) return null;
  const f = premier.formulaire;
  const quoi = f.id === undefined ? 'un nouvel acte' : `l’acte n° ${f.numero || '?'} de ${f.annee || '?'}`;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Saisie non enregistrée retrouvée</MessageBarTitle>
        {`Une saisie de ${quoi} du ${formaterHorodatage(premier.enregistreLe)} n’a pas été enregistrée.`}
        {brouillons.length > 1 && ` (${brouillons.length - 1} autre${brouillons.length > 2 ? 's' : ''} ensuite)`}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => reprendre(premier)}>
          Reprendre la saisie
        </Button>
        <Button
          onClick={() => {
            effacerBrouillon(window.localStorage, premier.cle);
            setBrouillons(listerBrouillons(window.localStorage));
          }}
        >
          Abandonner
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

import { useEffect } from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { OngletAgents } from './OngletAgents';
import { OngletCartesAgents } from './OngletCartesAgents';
import { Poste } from './Poste';
import { useAnnuaire } from './store';

/** The directory's two tabs, under who is at the keyboard; the outcome of each change is said. */
export function OngletAnnuaire({ onglet }: { onglet: 'agents' | 'cartes-agents' }) {
  const etat = useAnnuaire((e) => e.etat);
  const erreur = useAnnuaire((e) => e.erreur);
  const message = useAnnuaire((e) => e.message);

  useEffect(() => {
    const debrancher = useAnnuaire.getState().brancher();
    void useAnnuaire.getState().charger();
    return debrancher;
  }, []);

  return (
    <>
      {!etat && !erreur && <Spinner label="Lecture de l’annuaire…" />}
      <Poste />
      {erreur && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {message && (
          <MessageBar intent="success">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {onglet === 'agents' ? <OngletAgents /> : <OngletCartesAgents />}
    </>
  );
}

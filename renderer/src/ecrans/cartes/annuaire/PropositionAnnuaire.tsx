import { useEffect } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useCartes } from '../store';
import { useAnnuaire } from './store';

/**
 * First start, on "Ma carte": once an officer's card session is open and no directory exists,
 * proposes to create it (the form is in "Agents et droits").
 */
export function PropositionAnnuaire({ surCreer }: { surCreer(): void }) {
  const session = useCartes((e) => e.etat?.session?.jetonId ?? null);
  const proposer = useAnnuaire((e) => e.etat?.poste.peutCreerAnnuaire ?? false);
  useEffect(() => {
    void useAnnuaire.getState().charger();
  }, [session]);
  if (!session || !proposer) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        L’annuaire des agents n’existe pas encore : tant qu’il manque, Registre ne vérifie pas qui signe.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={surCreer}>
          Créer l’annuaire
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

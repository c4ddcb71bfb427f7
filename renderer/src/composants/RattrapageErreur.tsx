import { Component, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * Last resort if a screen crashes while rendering: say so in French and offer a reload.
 * Whatever was being typed in the act editor survives: it is kept as a draft in localStorage.
 */
export class RattrapageErreur extends Component<{ children: ReactNode }, { enPanne: boolean }> {
  override state = { enPanne: false };

  static getDerivedStateFromError(): { enPanne: boolean } {
    return { enPanne: true };
  }

  override render(): ReactNode {
    if (!this.state.enPanne) return this.props.children;
    return (
      <div role="alert" style={{ padding: 24, maxWidth: 640 }}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>L’affichage a rencontré une erreur.</MessageBarTitle>
            Votre saisie en cours est conservée comme brouillon. Rechargez l’écran pour continuer.
          </MessageBarBody>
        </MessageBar>
        <Button appearance="primary" style={{ marginTop: 16 }} onClick={() => window.location.reload()}>
          Recharger
        </Button>
      </div>
    );
  }
}

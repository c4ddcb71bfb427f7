import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export const MESSAGE_VERROU =
  'Carte retirée ou session fermée : répondre et signer sont verrouillés jusqu’à la prochaine session. Ce qui est saisi reste ; la recherche et la lecture continuent.';

/**
 * Says that answering and signing are locked, in a live region present before the lock, so that
 * a screen reader hears the card withdrawn the moment it is.
 */
export function VerrouCarte({ verrouille }: { verrouille: boolean }) {
  return (
    <div role="status" aria-live="polite">
      {verrouille && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{MESSAGE_VERROU}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

import { Text } from '@fluentui/react-components';
import type { DroitDeSigner } from './droit-de-signer';
import { VerrouCarte } from './VerrouCarte';

/**
 * Under a "Signer…" button: the lock when the card is withdrawn, and what the user must do to
 * sign (`id` names the text, for the button's aria-describedby). In a live region, so that a
 * screen reader hears it change with the session.
 */
export function DroitDeSignerDit({ droit, id }: { droit: DroitDeSigner & { verrouille: boolean }; id: string }) {
  return (
    <>
      <VerrouCarte verrouille={droit.verrouille} />
      <div role="status" aria-live="polite">
        {droit.raison && <Text id={id}>{droit.raison}</Text>}
      </div>
    </>
  );
}

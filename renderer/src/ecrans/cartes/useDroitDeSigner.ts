import { useEffect, useState } from 'react';
import type { SortieAppel } from '../../../../shared/contract';
import { api } from '../../api';
import { droitDeSigner, type DroitDeSigner } from './droit-de-signer';
import { useSessionCarte } from './useSessionCarte';

/**
 * The right to sign of the card session at the keyboard (droit-de-signer.ts), read again from the
 * directory each time another session opens; `verrouille` when the card is withdrawn. The main
 * process checks it anyway: this only says it before the PIN.
 */
export function useDroitDeSigner(): DroitDeSigner & { verrouille: boolean } {
  const { session, verrouille } = useSessionCarte();
  const cle = session ? `${session.jetonId}|${session.connecteeLe}` : null;
  const [lu, setLu] = useState<{ cle: string; etat: SortieAppel<'annuaire.etat'> | null } | null>(null);
  useEffect(() => {
    if (!cle) return;
    let actuel = true;
    api.appeler('annuaire.etat', {}).then(
      (etat) => actuel && setLu({ cle, etat }),
      // Unread, the card's own word stands (the batch is checked in the main process anyway).
      () => actuel && setLu({ cle, etat: null }),
    );
    return () => {
      actuel = false;
    };
  }, [cle]);
  return { ...droitDeSigner(session, lu && lu.cle === cle ? lu.etat : undefined), verrouille };
}

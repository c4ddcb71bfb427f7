import { useEffect } from 'react';
import { useCartes } from './store';

/**
 * The card session as every screen that needs it sees it: the cards' store, kept current by
 * `carte.etatModifie` (the event the directory also reloads on), so that a withdrawn card locks
 * answering, signing and the directory's editing at once. `verrouille` waits for the first
 * reading: an unknown state locks nothing it would unlock a moment later.
 */
export function useSessionCarte() {
  useEffect(() => {
    const debrancher = useCartes.getState().brancher();
    void useCartes.getState().charger();
    return debrancher;
  }, []);
  const lu = useCartes((e) => e.etat !== null);
  const session = useCartes((e) => e.etat?.session ?? null);
  return { session, verrouille: lu && !session };
}

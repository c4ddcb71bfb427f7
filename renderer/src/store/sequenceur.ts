/**
 * "Latest wins" for calls that cannot be aborted (the contract has no cancellation): each call
 * takes a ticket, and only the holder of the latest ticket may apply its response. A slow answer
 * to "dup" can thus never overwrite the answer to "dupont" typed after it.
 */
export interface Sequenceur {
  /** Takes a ticket; the returned function tells whether it is still the latest. */
  ticket(): () => boolean;
  /** Makes every ticket taken so far stale. */
  perimer(): void;
}

export function creerSequenceur(): Sequenceur {
  let dernier = 0;
  return {
    ticket() {
      const moi = ++dernier;
      return () => moi === dernier;
    },
    perimer() {
      dernier++;
    },
  };
}

/** Runs `action` after `ms` of quiet; each new call restarts the wait. */
export function creerTemporisation(ms: number): { lancer(action: () => void): void; annuler(): void } {
  let minuterie: ReturnType<typeof setTimeout> | undefined;
  return {
    lancer(action) {
      clearTimeout(minuterie);
      minuterie = setTimeout(action, ms);
    },
    annuler() {
      clearTimeout(minuterie);
    },
  };
}

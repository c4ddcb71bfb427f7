/**
 * When to try a failed send again: exponential backoff with "equal jitter" (half the delay
 * fixed, half random), so that many workstations cut off by the same outage do not all come
 * back in the same second, yet no retry fires immediately.
 */
export interface OptionsReprise {
  /** Delay before the 2nd attempt, before jitter. */
  baseMs: number;
  /** Ceiling of the delay, before jitter. */
  plafondMs: number;
  /** Random source in [0, 1): injectable for tests. */
  alea?: () => number;
}

export const REPRISE_PAR_DEFAUT: OptionsReprise = { baseMs: 2_000, plafondMs: 15 * 60_000 };

/** Delay after the `essai`-th failed attempt (1 = the first attempt failed). */
export function delaiAvantNouvelEssai(essai: number, options: OptionsReprise = REPRISE_PAR_DEFAUT): number {
  const n = Math.max(1, Math.floor(essai));
  // 2^30 already dwarfs any ceiling; capping the exponent avoids Infinity.
  const brut = Math.min(options.plafondMs, options.baseMs * 2 ** Math.min(n - 1, 30));
  const alea = (options.alea ?? Math.random)();
  return Math.round(brut / 2 + (brut / 2) * Math.min(Math.max(alea, 0), 1));
}

/**
 * What a failure means for an operation: `reessayer` for the network and the platform's own
 * failures (5xx), `final` for a refusal (4xx): the platform read our document and said no;
 * sending it again unchanged would only be refused again, or worse, accepted twice.
 */
export type IssueEchec = 'reessayer' | 'final';

export function issueSelonStatut(statut: number | null): IssueEchec {
  if (statut === null) return 'reessayer';
  if (statut >= 500) return 'reessayer';
  return 'final';
}

/**
 * Retries an IDEMPOTENT call (reading the mailbox, acknowledging) a few times within one sync
 * when the failure is recoverable; a final failure or the last recoverable one is thrown.
 */
export async function avecReprises<T>(
  fn: () => Promise<T>,
  estRecuperable: (e: unknown) => boolean,
  options: OptionsReprise & { essais: number; attendre?: (ms: number) => Promise<void> } = {
    essais: 4,
    baseMs: 200,
    plafondMs: 3_000,
  },
): Promise<T> {
  const attendre = options.attendre ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  for (let essai = 1; ; essai++) {
    try {
      return await fn();
    } catch (e) {
      if (essai >= options.essais || !estRecuperable(e)) throw e;
      await attendre(delaiAvantNouvelEssai(essai, options));
    }
  }
}

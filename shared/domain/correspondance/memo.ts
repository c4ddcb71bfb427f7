import { clePhonetique } from '../phonetique';
import { normaliserCompact } from '../normalisation';

/**
 * Remembered results of the normalisation and the phonetic key (normalisation.ts,
 * phonetique.ts: the functions themselves are not redone here). A request is compared with
 * tens of acts, and registers repeat the same few thousand names: computing Phonex anew for
 * each pair was most of the matching time. Bounded: when full, the memory starts again.
 */
const TAILLE_MAXIMALE = 50_000;

function memoiser(f: (x: string) => string): (x: string) => string {
  const memo = new Map<string, string>();
  return (x) => {
    let r = memo.get(x);
    if (r === undefined) {
      r = f(x);
      if (memo.size >= TAILLE_MAXIMALE) memo.clear();
      memo.set(x, r);
    }
    return r;
  };
}

/** `normaliserCompact`, remembered. */
export const compact = memoiser(normaliserCompact);

/** `clePhonetique` of a compact normalised word, remembered. */
export const son = memoiser(clePhonetique);

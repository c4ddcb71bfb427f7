import { memoiser } from '../../memo-borne';
import { clePhonetique } from '../phonetique';
import { compactNom, compactNomSansParticule } from '../ecritures-noms';
import { normaliserCompact } from '../normalisation';

/**
 * Remembered results of the normalisation and the phonetic key (normalisation.ts,
 * phonetique.ts: the functions themselves are not redone here). A request is compared with
 * tens of acts, and registers repeat the same few thousand names: computing Phonex anew for
 * each pair was most of the matching time.
 */
const TAILLE_MAXIMALE = 50_000;

/** `normaliserCompact`, remembered. */
export const compact = memoiser(TAILLE_MAXIMALE, normaliserCompact);

/** `clePhonetique` of a compact normalised word, remembered. */
export const son = memoiser(TAILLE_MAXIMALE, clePhonetique);

/** `compactNom` (abbreviations spelled out, one writing of Mac), remembered. */
export const compactDeNom = memoiser(TAILLE_MAXIMALE, compactNom);

/** `compactNomSansParticule`, remembered (null: no leading particle). */
export const sansParticule = memoiser(TAILLE_MAXIMALE, compactNomSansParticule);

import type { Migration } from './types';
import { clePhonetique } from '../../../shared/domain/phonetique';

/**
 * The vocabulary's phonetic key changed (French spelling rules, then Phonex and Bergé's
 * "phonétique" that must both agree: docs/phonetique.md). Keys stored by the former
 * algorithm would never equal a key computed now: every word's key is recomputed.
 * A few thousand words: one pass, in the runner's transaction.
 */
export const migration0014: Migration = {
  version: 14,
  nom: 'cle-phonetique-mesuree',
  monter(db) {
    const maj = db.prepare<[string, number]>('UPDATE vocabulaire SET cle_phonetique = ? WHERE id = ?');
    const mots = db.prepare<[], { id: number; mot: string }>('SELECT id, mot FROM vocabulaire').all();
    for (const { id, mot } of mots) maj.run(clePhonetique(mot), id);
  },
};

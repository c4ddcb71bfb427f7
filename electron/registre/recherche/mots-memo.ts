import { mots } from '../../../shared/domain/normalisation';

/**
 * Normalised words of a name, remembered: a register writes the same few thousand names
 * again and again, and normalising (Unicode decomposition plus a dozen replacements) is the
 * most expensive step of indexing an act. The memo is bounded so that a huge import keeps a
 * flat memory: when full it starts again (simpler and cheaper than an LRU).
 */
const TAILLE_MAXIMALE = 100_000;

const memoMots = new Map<string, readonly string[]>();
const memoNoms = new Map<string, readonly string[]>();

/** Same as `mots()` of normalisation.ts, remembered. Do not mutate the returned array. */
export function motsMemo(texte: string): readonly string[] {
  let r = memoMots.get(texte);
  if (r === undefined) {
    r = mots(texte);
    if (memoMots.size >= TAILLE_MAXIMALE) memoMots.clear();
    memoMots.set(texte, r);
  }
  return r;
}

const APRES_APOSTROPHE = /(?:^|[\s-])\p{L}{1,2}['’‘`´ʼ](\p{L}[\p{L}\p{M}]+)/gu;

/**
 * The words under which a surname is searchable: its normalised words, plus
 * - the whole name joined when it has several words ("de La Fontaine" -> "delafontaine",
 *   "Le Gall" -> "legall"), so that a name written in one word finds it and back;
 * - the part after an elided particle ("D'Almeida" -> "almeida", "N'Diaye" -> "diaye"):
 *   the normalisation keeps "dalmeida" (registers write "DALMEIDA" too), and people also
 *   type the name without its particle.
 */
export function motsDeNom(nom: string): readonly string[] {
  let r = memoNoms.get(nom);
  if (r === undefined) {
    const base = mots(nom);
    const tous = [...base];
    if (base.length > 1) tous.push(base.join(''));
    for (const m of nom.matchAll(APRES_APOSTROPHE)) {
      for (const mot of mots(m[1])) if (!tous.includes(mot)) tous.push(mot);
    }
    r = tous;
    if (memoNoms.size >= TAILLE_MAXIMALE) memoNoms.clear();
    memoNoms.set(nom, r);
  }
  return r;
}

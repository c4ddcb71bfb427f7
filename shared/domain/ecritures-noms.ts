import { mots, normaliser } from './normalisation';

/**
 * The ways registers and requesters write the same surname differently, beyond accents and
 * punctuation (normalisation.ts): "St-Exupéry" for "Saint-Exupéry", "McDonald" for
 * "MacDonald", "Lafontaine" for "de La Fontaine", "Almeida" for "D'Almeida". Search (the
 * query's other writings) and matching (names compared) use these same rules. Places are not
 * handled here (their own normaliser does it).
 */

/** Abbreviations written for a whole word, both ways. */
const ABREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  saint: 'st',
  sainte: 'ste',
  mc: 'mac',
  mac: 'mc',
};

/** "mc" + at least this many letters is read as "mac" (McDonald, McKenna), and back. */
const RESTE_MAC = 3;

/**
 * The other writings of one normalised word, the word itself excluded: "st" -> ["saint"],
 * "saint" -> ["st"], "mcdonald" -> ["macdonald"], "macdonald" -> ["mcdonald"].
 */
export function autresEcritures(mot: string): string[] {
  const abreviation = ABREVIATIONS[mot];
  if (abreviation) return [abreviation];
  if (mot.startsWith('mc') && mot.length >= 2 + RESTE_MAC) return [`mac${mot.slice(2)}`];
  if (mot.startsWith('mac') && mot.length >= 3 + RESTE_MAC) return [`mc${mot.slice(3)}`];
  return [];
}

/** One writing for each word: abbreviations spelled out, "mc" as "mac". */
function motCanonique(mot: string): string {
  if (mot === 'st') return 'saint';
  if (mot === 'ste') return 'sainte';
  if (mot === 'mc') return 'mac';
  if (mot.startsWith('mc') && mot.length >= 2 + RESTE_MAC) return `mac${mot.slice(2)}`;
  return mot;
}

/** Particles a name may be written with or without ("de Gaulle" / "Gaulle", "D'Almeida" / "Almeida"). */
const PARTICULE_EN_TETE = /^\s*(?:(?:de|du|des)[\s-]+|d['’‘`´ʼ]\s*)(?=\S)/i;

/**
 * A surname in one writing, without spaces: "St-Exupéry" and "Saint Exupéry" ->
 * "saintexupery", "Mc Donald" and "MACDONALD" -> "macdonald".
 */
export function compactNom(nom: string): string {
  return mots(nom).map(motCanonique).join('');
}

/**
 * The same without a leading particle: "de La Fontaine" -> "lafontaine" (as "Lafontaine"),
 * "D'Almeida" -> "almeida". Null when the name has no such particle, or is nothing else.
 */
export function compactNomSansParticule(nom: string): string | null {
  if (!PARTICULE_EN_TETE.test(nom)) return null;
  const reste = compactNom(nom.replace(PARTICULE_EN_TETE, ''));
  return reste && normaliser(reste) ? reste : null;
}

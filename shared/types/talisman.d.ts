// talisman ships no type declarations; only the modules Registre uses are declared here.
declare module 'talisman/phonetics/french/phonex.js' {
  /** Phonex code of a word (uppercase letters and digits 1-5). */
  export default function phonex(mot: string): string;
}

declare module 'talisman/metrics/damerau-levenshtein.js' {
  interface DamerauLevenshtein {
    (a: string, b: string): number;
    /** Distance, or Infinity as soon as it exceeds `max` (stops early: cheap on long words). */
    limited(max: number, a: string, b: string): number;
  }
  const damerauLevenshtein: DamerauLevenshtein;
  export default damerauLevenshtein;
}

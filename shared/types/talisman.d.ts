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

// The other French phonetic codes: compared with Phonex on tests/fixtures/phonetique (docs/phonetique.md).
declare module 'talisman/phonetics/french/phonetic.js' {
  export default function phonetic(mot: string): string;
}
declare module 'talisman/phonetics/french/sonnex.js' {
  export default function sonnex(mot: string): string;
}
declare module 'talisman/phonetics/french/fonem.js' {
  export default function fonem(mot: string): string;
}
declare module 'talisman/phonetics/french/soundex2.js' {
  export default function soundex2(mot: string): string;
}
declare module 'talisman/phonetics/french/soundex.js' {
  export default function soundex(mot: string): string;
}

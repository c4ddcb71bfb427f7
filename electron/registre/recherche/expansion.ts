import type Database from 'better-sqlite3';
import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein.js';
import { autresEcritures } from '../../../shared/domain/ecritures-noms';
import { clePhonetique, clePrefixe } from '../../../shared/domain/phonetique';
import type { Base } from '../../db';
import { LONGUEUR_MINIMALE_TYPO, suppressionsUneLettre } from './variantes';
import type { TermeNom } from './requete';

/** Bounds keep the FTS query small however short the prefix (a single letter while typing). */
const MAX_PREFIXES = 48;
const MAX_PHONETIQUES = 24;
const MAX_APPROCHES = 24;
const LONGUEUR_DEUX_FAUTES = 9;
const CANDIDATS_TRIGRAMMES = 200;
const LONGUEUR_MINIMALE_CLE_PREFIXE = 3;
/** "de" + a shorter word is too often another name ("de" + "nise"). */
const LONGUEUR_MINIMALE_SANS_PARTICULE = 5;

/**
 * The words of the register a query word may stand for, found in the vocabulary (a few
 * thousand rows) rather than in the acts (a million). Each kind is asked for only when the
 * search needs it (the looser passes run only when the stricter ones left room):
 * - `exacts`: the word itself, or, for the word being typed, the words starting with it;
 * - `ecritures`: the same word written otherwise ("saint" for "st", "macdonald" for "mcdonald");
 * - `phonetiques`: the words that sound the same (Phonex key; for a word being typed, the
 *   words whose key starts with its key: "lefeb" already finds LEFÈVRE), and the name
 *   joined to a "de" it was written with ("lafontaine" -> "delafontaine", as the index
 *   joins "de La Fontaine");
 * - `approches`: the words one typo away (Damerau-Levenshtein 1, through the stored deletions;
 *   "Dupnot" -> DUPONT), and two typos away for long words (through the trigram index).
 */
export class ExpanseurVocabulaire {
  private readonly s: {
    prefixes: Database.Statement<[string, string, number], string>;
    parCle: Database.Statement<[string, number], string>;
    parPrefixeCle: Database.Statement<[string, string, number], string>;
    parVariantes: Database.Statement<[string], string>;
    parMots: Database.Statement<[string], string>;
    parTrigrammes: Database.Statement<[string, number], string>;
  };

  constructor(db: Base) {
    this.s = {
      // Shorter words first: while typing "mar", "marie" and "martin" come before "marchandise".
      prefixes: db
        .prepare<[string, string, number], string>(
          'SELECT mot FROM (SELECT mot FROM vocabulaire WHERE mot >= ? AND mot < ? LIMIT 2000) ORDER BY length(mot), mot LIMIT ?',
        )
        .pluck(),
      parCle: db
        .prepare<[string, number], string>('SELECT mot FROM vocabulaire WHERE cle_phonetique = ? LIMIT ?')
        .pluck(),
      parPrefixeCle: db
        .prepare<[string, string, number], string>(
          'SELECT mot FROM vocabulaire WHERE cle_phonetique >= ? AND cle_phonetique < ? ORDER BY length(cle_phonetique) LIMIT ?',
        )
        .pluck(),
      parVariantes: db
        .prepare<[string], string>(
          `SELECT DISTINCT v.mot FROM vocabulaire_variantes x JOIN vocabulaire v ON v.id = x.mot_id
           WHERE x.variante IN (SELECT value FROM json_each(?))`,
        )
        .pluck(),
      parMots: db
        .prepare<[string], string>('SELECT mot FROM vocabulaire WHERE mot IN (SELECT value FROM json_each(?))')
        .pluck(),
      parTrigrammes: db
        .prepare<[string, number], string>(
          `SELECT v.mot FROM vocabulaire_trigrammes t JOIN vocabulaire v ON v.id = t.rowid
           WHERE vocabulaire_trigrammes MATCH ? LIMIT ?`,
        )
        .pluck(),
    };
  }

  /** The word itself, or the words starting with it while it is being typed. */
  exacts(terme: TermeNom): string[] {
    return terme.prefixe ? this.prefixes(terme.mot) : [terme.mot];
  }

  /** Other writings of a whole word that the register holds ("st" -> "saint"). */
  ecritures(terme: TermeNom): string[] {
    if (terme.prefixe) return [];
    const autres = autresEcritures(terme.mot);
    return autres.length ? this.s.parMots.all(JSON.stringify(autres)) : [];
  }

  /** Words that sound the same, other than `deja`. */
  phonetiques(terme: TermeNom, deja: ReadonlySet<string>): string[] {
    const sons = this.parSon(terme.mot, terme.prefixe);
    // A particle dropped: "Lafontaine" for "de La Fontaine" (indexed joined: "delafontaine").
    if (!terme.prefixe && terme.mot.length >= LONGUEUR_MINIMALE_SANS_PARTICULE)
      sons.push(...this.s.parMots.all(JSON.stringify([`de${terme.mot}`])));
    return [...new Set(sons)].filter((m) => !deja.has(m));
  }

  /** Words one or two typos away, other than `deja`. */
  approches(terme: TermeNom, deja: ReadonlySet<string>): string[] {
    return this.parFaute(terme.mot).filter((m) => !deja.has(m));
  }

  private prefixes(debut: string): string[] {
    const liste = this.s.prefixes.all(debut, suivant(debut), MAX_PREFIXES);
    return liste.includes(debut) ? liste : [debut, ...liste.slice(0, MAX_PREFIXES - 1)];
  }

  private parSon(mot: string, prefixe: boolean): string[] {
    const cle = clePhonetique(mot);
    if (!cle) return [];
    const complets = this.s.parCle.all(cle, MAX_PHONETIQUES);
    // A key shorter than 3 sounds says too little to stand for the beginning of a name:
    // "zzzz" reduces to "Z", and every key starting with Z (every Zoé) is not what was typed.
    // The key's first code (Phonex) of what is typed starts the keys of the words it may become.
    const debut = clePrefixe(mot);
    if (!prefixe || mot.length < 3 || debut.length < LONGUEUR_MINIMALE_CLE_PREFIXE) return complets;
    const debuts = this.s.parPrefixeCle.all(debut, suivant(debut), MAX_PHONETIQUES);
    return [...new Set([...complets, ...debuts])].slice(0, MAX_PHONETIQUES);
  }

  private parFaute(mot: string): string[] {
    if (mot.length < LONGUEUR_MINIMALE_TYPO || !/^[a-z]+$/.test(mot)) return [];
    // Distance 1: a stored deletion equals the word or one of its deletions, or the word
    // with one letter less is itself a vocabulary word.
    const suppressions = suppressionsUneLettre(mot);
    const candidats = new Set([
      ...this.s.parVariantes.all(JSON.stringify([mot, ...suppressions])),
      ...this.s.parMots.all(JSON.stringify(suppressions)),
    ]);
    // Distance 2 on long words: a letter added, removed or replaced breaks at most one of
    // the word's three slices, so after two such typos one slice (3 letters or more) is still
    // intact; the trigram index finds the words containing it. Best effort: the candidates
    // are bounded, and two swaps across slice borders can break all three.
    if (mot.length >= LONGUEUR_DEUX_FAUTES) {
      const tiers = Math.floor(mot.length / 3);
      const tranches = [mot.slice(0, tiers), mot.slice(tiers, 2 * tiers), mot.slice(2 * tiers)];
      const requete = tranches.map((t) => `"${t}"`).join(' OR ');
      for (const c of this.s.parTrigrammes.all(requete, CANDIDATS_TRIGRAMMES)) candidats.add(c);
    }
    const max = mot.length >= LONGUEUR_DEUX_FAUTES ? 2 : 1;
    return [...candidats]
      .map((c) => ({ c, d: damerauLevenshtein.limited(max, mot, c) }))
      .filter((x) => x.d > 0 && x.d <= max)
      .sort((a, b) => a.d - b.d)
      .slice(0, MAX_APPROCHES)
      .map((x) => x.c);
  }
}

/** The smallest string greater than every string starting with `debut` (range scans on an index). */
function suivant(debut: string): string {
  return debut.slice(0, -1) + String.fromCharCode(debut.charCodeAt(debut.length - 1) + 1);
}

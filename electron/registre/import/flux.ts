import fs from 'node:fs';
import { CsvError } from 'csv-parse';
import { parse as parserCsv, type Options } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { erreurs } from '../../../shared/errors';
import type { FormatCsv } from './detection';

/**
 * Reads a CSV file as a stream of records, in constant memory whatever its size. Each record
 * is handed to `surLigne` synchronously, a chunk of the file at a time, so the caller's work
 * runs without an `await` per row.
 *
 * Two ways through a line, with ONE meaning (csv-parse's, with the options below):
 * - a line without any quote (what most exports write) is split on the separator here: it
 *   cannot hold a quoted field, so its cells are exactly what csv-parse would return. This is
 *   the import's hot path (csv-parse cost about 12 µs a row, this costs about 1);
 * - a line with a quote, or a very long one, is given to csv-parse itself, together with the
 *   lines that follow it up to a line break, starting at a record boundary: a quoted field may
 *   span several lines, so when csv-parse says the quote is still open, the window grows (it
 *   doubles: a quote never closed costs a few passes, not one per line) until it closes, or
 *   the record exceeds the size limit, or the file ends. Lines after the window go back to the
 *   hot path. tests/unit/registre/import-flux.test.ts compares both ways on random files.
 *
 * Quoting is tolerant (a stray quote inside a field is kept as a character) but a quote
 * opened and never closed swallows the rest of the file: that is a damaged file, and the
 * import stops with the line where it starts rather than silently losing the rows after it.
 */

export interface LigneCsv {
  champs: string[];
  /** Line where the record starts (1 = first line of the file). */
  ligne: number;
}

export interface RappelsLecture {
  surLigne(ligne: LigneCsv): void;
  surOctets(octetsLus: number): void;
}

/** Longest row accepted, in characters: a row holding several pages of mentions still fits. */
const TAILLE_MAX_LIGNE = 1_000_000;
/**
 * Longest line split here: csv-parse's limit counts UTF-8 bytes (up to 3 per character), so a
 * line that might reach it goes to csv-parse, which says exactly where the limit is.
 */
const LIGNE_RAPIDE_MAX = Math.floor(TAILLE_MAX_LIGNE / 4);
/** First window given to csv-parse: a file that quotes every cell is parsed by windows, not line by line. */
const FENETRE_LIGNES = 64;
const FENETRE_CARACTERES = 64 * 1024;
const TAILLE_MORCEAU = 256 * 1024;

type FinDeLigne = '\n' | '\r\n' | '\r';

export async function lireCsv(
  fichier: string,
  format: FormatCsv,
  rappels: RappelsLecture,
  /** Bytes read at a time (tests make it tiny to cut records anywhere). */
  tailleMorceau = TAILLE_MORCEAU,
): Promise<void> {
  let fd: fs.promises.FileHandle;
  try {
    fd = await fs.promises.open(fichier, 'r');
  } catch (e) {
    throw traduire(e);
  }
  try {
    const decoder =
      format.encodage === 'windows-1252'
        ? iconv.getDecoder('win1252')
        : // Not fatal: the whole file was found valid UTF-8 by detection (a file changed since
          // then reads with replacement characters, as csv-parse did). Drops the BOM.
          ((d: TextDecoder) => ({
            write: (b: Buffer) => d.decode(b, { stream: true }),
            end: () => d.decode(),
          }))(new TextDecoder('utf-8'));
    const lecteur = new Decoupeur(format.separateur, rappels.surLigne);
    const tampon = Buffer.allocUnsafe(tailleMorceau);
    let octetsLus = 0;
    for (;;) {
      const { bytesRead } = await fd.read(tampon, 0, tailleMorceau, null);
      if (bytesRead === 0) break;
      octetsLus += bytesRead;
      rappels.surOctets(octetsLus);
      lecteur.ajouter(decoder.write(tampon.subarray(0, bytesRead)));
    }
    lecteur.ajouter(decoder.end() ?? '');
    lecteur.terminer();
  } catch (e) {
    throw traduire(e);
  } finally {
    await fd.close();
  }
}

/** Cuts decoded text into records (see above); keeps the incomplete end for the next chunk. */
class Decoupeur {
  private texte = '';
  /** Record delimiter, csv-parse's choice: the first line break of the file. */
  private fin: FinDeLigne | null = null;
  private ligneSuivante = 1;
  private options: Options = {};

  constructor(
    private readonly separateur: string,
    private readonly surLigne: (l: LigneCsv) => void,
  ) {}

  ajouter(morceau: string): void {
    this.texte = this.texte.length ? this.texte + morceau : morceau;
    if (this.fin === null && !this.trouverFin(false)) return;
    this.decouper(false);
  }

  terminer(): void {
    if (this.fin === null) this.trouverFin(true);
    this.decouper(true);
  }

  /**
   * csv-parse takes the first line break it meets outside quotes as THE record delimiter (a
   * lone "\n" in a "\r\n" file is a character of a cell). A header with a quote before its
   * first line break is not looked at more closely: a header cell holds no line break (one
   * that did could change the delimiter chosen; such a header names no known column anyway).
   */
  private trouverFin(finFichier: boolean): boolean {
    const t = this.texte;
    const i = t.search(/[\r\n]/);
    if (i === -1 || (i === t.length - 1 && t[i] === '\r' && !finFichier)) {
      if (!finFichier) {
        if (t.length > TAILLE_MAX_LIGNE)
          this.fin = '\n'; // csv-parse will refuse the line
        else return false;
      } else this.fin = '\n';
    } else this.fin = t[i] === '\n' ? '\n' : t[i + 1] === '\n' ? '\r\n' : '\r';
    this.options = {
      delimiter: this.separateur,
      record_delimiter: this.fin,
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: TAILLE_MAX_LIGNE,
    };
    return true;
  }

  private decouper(finFichier: boolean): void {
    const t = this.texte;
    const fin = this.fin!;
    const sep = this.separateur;
    let debut = 0;
    // Next quote of the text (-1: none): looked up again only once passed, one scan in all.
    let guillemet = t.indexOf('"');
    for (;;) {
      const i = t.indexOf(fin, debut);
      if (i === -1) break;
      if (guillemet !== -1 && guillemet < debut) guillemet = t.indexOf('"', debut);
      if (i - debut > LIGNE_RAPIDE_MAX || (guillemet !== -1 && guillemet < i)) {
        const suite = this.fenetre(debut, finFichier);
        if (suite === -1) {
          this.garder(debut);
          return;
        }
        debut = suite;
        continue;
      }
      this.rapide(t.slice(debut, i), sep);
      debut = i + fin.length;
    }
    if (!finFichier) {
      // An incomplete line waits for the next chunk; one longer than any record is refused now.
      if (t.length - debut > TAILLE_MAX_LIGNE) this.refuserTropLongue(debut);
      this.garder(debut);
      return;
    }
    if (debut < t.length) {
      const reste = t.slice(debut);
      if (reste.length <= LIGNE_RAPIDE_MAX && !reste.includes('"')) this.rapide(reste, sep);
      else this.fenetre(debut, true);
    }
    this.texte = '';
  }

  private garder(debut: number): void {
    this.texte = debut === 0 ? this.texte : this.texte.slice(debut);
  }

  /** A line without quotes: its cells are the pieces between separators. */
  private rapide(ligne: string, sep: string): void {
    const champs = ligne.split(sep);
    // A piece of 13 characters or more is a view into the whole decoded chunk (V8 sliced
    // string): a cell kept by a cache (places, names) would keep 256 KB alive with it, and
    // the reader's capped heap ran out at 1,000,000 rows. Copied flat, it keeps only itself.
    for (let k = 0; k < champs.length; k++) if (champs[k].length >= 13) champs[k] = detacher(champs[k]);
    const numero = this.ligneSuivante;
    this.ligneSuivante += 1 + (ligne.indexOf('\n') !== -1 || ligne.indexOf('\r') !== -1 ? sautsDeLigne(champs) : 0);
    if (!estVide(champs)) this.surLigne({ champs, ligne: numero });
  }

  /**
   * Records from `debut` (a record boundary) parsed by csv-parse, up to a line break it reads
   * outside quotes. Returns where the next record starts, or -1 when the window needs text not
   * read yet (the caller keeps the text from `debut` on).
   */
  private fenetre(debut: number, finFichier: boolean): number {
    const t = this.texte;
    const fin = this.fin!;
    // A few lines at once: one csv-parse call for a run of quoted lines.
    let bout = debut;
    for (let n = 0; n < FENETRE_LIGNES && bout - debut < FENETRE_CARACTERES; n++) {
      const i = t.indexOf(fin, bout);
      if (i === -1) break;
      bout = i + fin.length;
    }
    if (bout === debut) {
      if (!finFichier && t.length - debut <= TAILLE_MAX_LIGNE) return -1;
      bout = t.length;
    }
    for (;;) {
      const complet = bout === t.length && finFichier;
      let enregistrements: string[][];
      try {
        enregistrements = parserCsv(t.slice(debut, bout), this.options) as string[][];
      } catch (e) {
        const ouvert = e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED';
        if (!ouvert || complet) throw decaler(e, this.ligneSuivante - 1);
        // The quote may close further on: twice the window, to the next line break.
        const i = t.indexOf(fin, Math.max(bout, debut + 2 * (bout - debut)) - fin.length + 1);
        if (i !== -1) bout = i + fin.length;
        else if (finFichier) bout = t.length;
        else if (t.length - debut > TAILLE_MAX_LIGNE) this.refuserTropLongue(debut);
        else return -1;
        continue;
      }
      for (const champs of enregistrements) {
        const numero = this.ligneSuivante;
        this.ligneSuivante += 1 + sautsDeLigne(champs);
        if (!estVide(champs)) this.surLigne({ champs, ligne: numero });
      }
      return bout;
    }
  }

  /**
   * More than a record's worth of text from `debut` without a record delimiter: csv-parse
   * says so with its own error (and line); should it not, the same reason is given here.
   */
  private refuserTropLongue(debut: number): never {
    try {
      parserCsv(this.texte.slice(debut), this.options);
    } catch (e) {
      throw decaler(e, this.ligneSuivante - 1);
    }
    throw erreurs.importInvalide(
      `Fichier CSV endommagé : une ligne dépasse ${TAILLE_MAX_LIGNE} caractères (ligne ${this.ligneSuivante}), sans doute un guillemet jamais refermé. Rien n’a été importé.`,
    );
  }
}

/** A flat copy of `s` (the concatenation is flattened into a new string, then cut back). */
function detacher(s: string): string {
  return (s + ' ').slice(0, -1);
}

/** csv-parse counts lines from the start of the window: from the start of the file here. */
function decaler(e: unknown, lignesAvant: number): unknown {
  if (e instanceof CsvError) {
    const avec = e as CsvError & { lines?: number };
    if (typeof avec.lines === 'number') avec.lines += lignesAvant;
  }
  return e;
}

/** A blank line, or a line of separators only (";;;;", spreadsheets leave them at the end). */
function estVide(champs: string[]): boolean {
  for (const c of champs) if (c.trim() !== '') return false;
  return true;
}

/** Line breaks inside quoted fields: the record started that many lines before it ended. */
function sautsDeLigne(champs: string[]): number {
  let n = 0;
  for (const c of champs) {
    if (c.length === 0) continue;
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
    // Old Mac line breaks (\r alone) count as lines too.
    for (let i = c.indexOf('\r'); i !== -1; i = c.indexOf('\r', i + 1)) if (c[i + 1] !== '\n') n++;
  }
  return n;
}

function traduire(e: unknown): unknown {
  if (e instanceof CsvError) {
    const ligne = (e as CsvError & { lines?: number }).lines;
    const ou = ligne ? ` (ligne ${ligne})` : '';
    if (e.code === 'CSV_QUOTE_NOT_CLOSED')
      return erreurs.importInvalide(
        `Fichier CSV endommagé : un guillemet ouvert n’est jamais refermé${ou}. Rien n’a été importé.`,
      );
    if (e.code === 'CSV_MAX_RECORD_SIZE')
      return erreurs.importInvalide(
        `Fichier CSV endommagé : une ligne dépasse ${TAILLE_MAX_LIGNE} caractères${ou}, sans doute un guillemet jamais refermé. Rien n’a été importé.`,
      );
    return erreurs.importInvalide(`Fichier CSV illisible${ou} : ${e.code}. Rien n’a été importé.`);
  }
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code))
    return erreurs.importInvalide(`Le fichier ne peut pas être lu (${e.code}). Rien n’a été importé.`);
  return e;
}

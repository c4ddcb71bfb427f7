import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { erreurs } from '../../../shared/errors';
import type { FormatCsv } from './detection';

/**
 * Reads a CSV file as a stream of records, in constant memory whatever its size:
 * file read stream -> (Windows-1252 decoder) -> csv-parse. Each record is handed to
 * `surLigne` synchronously, in batches as the parser fills its buffer, so the caller's
 * database work runs without an `await` per row.
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

export function lireCsv(fichier: string, format: FormatCsv, rappels: RappelsLecture): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let fini = false;
    const terminer = (e?: unknown) => {
      if (fini) return;
      fini = true;
      if (e) {
        source.destroy();
        parseur.destroy();
        reject(traduire(e));
      } else resolve();
    };

    const source = fs.createReadStream(fichier, { highWaterMark: 256 * 1024 });
    let octetsLus = 0;
    source.on('data', (morceau) => {
      octetsLus += morceau.length;
      rappels.surOctets(octetsLus);
    });

    // Line numbers are counted here rather than with csv-parse's `info` option, which copies
    // its whole state into a new object per record: a record spans one line plus the line
    // breaks inside its quoted fields, and blank lines come through as empty records.
    const parseur = parse({
      delimiter: format.separateur,
      bom: true,
      encoding: 'utf8',
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: TAILLE_MAX_LIGNE,
    });
    let ligneSuivante = 1;
    parseur.on('readable', () => {
      try {
        let champs: string[] | null;
        while (!fini && (champs = parseur.read()) !== null) {
          const ligne = ligneSuivante;
          ligneSuivante += 1 + sautsDeLigne(champs);
          if (!estVide(champs)) rappels.surLigne({ champs, ligne });
        }
      } catch (e) {
        terminer(e);
      }
    });
    parseur.on('end', () => terminer());

    const siErreur = (e: NodeJS.ErrnoException | null) => {
      if (e) terminer(e);
    };
    if (format.encodage === 'windows-1252') pipeline(source, iconv.decodeStream('win1252'), parseur, siErreur);
    else pipeline(source, parseur, siErreur);
  });
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

import type { TypeActe } from '../../../shared/domain/acte';

/**
 * Acts already met in the file being read, to refuse a second row with the same identity
 * (type, year, number) and say on which line the first one was. Kept in the reading thread,
 * before anything is written, in little memory: per (type, year), a table of the first line
 * of each number (numbers of a year's register are small and dense: 4 bytes per number);
 * a number too large for a table, or tables grown past their budget, go to a Map.
 */
const NUMERO_MAX_TABLE = 1 << 16;
/** Table cells in all (4 bytes each): 16 MB at most, whatever the file. */
const CELLULES_MAX = 4 << 20;

export class ClesVues {
  private readonly tables = new Map<string, Int32Array>();
  private readonly autres = new Map<string, number>();
  private cellules = 0;

  /** Records the act's key at `ligne`; returns the line where the same key was first met, or null if new. */
  noter(type: TypeActe, annee: number, numero: number, ligne: number): number | null {
    const registre = `${type} ${annee}`;
    const table = numero < NUMERO_MAX_TABLE ? this.table(registre, numero) : undefined;
    if (table) {
      const premiere = table[numero];
      if (premiere !== 0) return premiere;
      table[numero] = ligne;
      return null;
    }
    const cle = `${registre} ${numero}`;
    const premiere = this.autres.get(cle);
    if (premiere !== undefined) return premiere;
    this.autres.set(cle, ligne);
    return null;
  }

  /** The table of this register, grown to hold `numero`; undefined past the budget. */
  private table(registre: string, numero: number): Int32Array | undefined {
    const t = this.tables.get(registre);
    if (t && numero < t.length) return t;
    let taille = t?.length ?? 1024;
    while (taille <= numero) taille *= 2;
    if (this.cellules + taille - (t?.length ?? 0) > CELLULES_MAX) return undefined;
    const nouvelle = new Int32Array(taille);
    if (t) nouvelle.set(t);
    this.cellules += taille - (t?.length ?? 0);
    this.tables.set(registre, nouvelle);
    return nouvelle;
  }
}

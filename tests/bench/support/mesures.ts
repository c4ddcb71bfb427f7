/** Small helpers shared by the benchmarks: command-line options and percentiles. */

/** `--nom N` on the command line, a positive integer, or `defaut`. */
export function option(nom: string, defaut: number): number {
  const i = process.argv.indexOf(`--${nom}`);
  if (i < 0) return defaut;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${nom} attend un entier positif`);
  return v;
}

/** Nearest-rank percentile. */
export function centile(valeurs: number[], p: number): number {
  const tries = [...valeurs].sort((a, b) => a - b);
  return tries[Math.min(tries.length - 1, Math.ceil((p / 100) * tries.length) - 1)];
}

export const arrondi = (x: number, n = 2) => Math.round(x * 10 ** n) / 10 ** n;

import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the processes a test run started and left alive. Two ways to belong to the run, because
 * either alone misses some:
 * - the mark: the run puts a random value in its environment (MARQUE_ESSAIS); every process
 *   started from a test inherits it, even after its parent died and it was handed to init
 *   (the `tsx` wrapper killed, its real Node child still running);
 * - the family: every descendant of the runner, for a child started with an environment of
 *   its own (no mark).
 * Read from /proc (Linux): the tests run there, and it needs no tool.
 */
export const MARQUE_ESSAIS = 'REGISTRE_ESSAIS_MARQUE';

export interface Processus {
  pid: number;
  ppid: number;
  /** Letter of /proc/<pid>/stat: R, S, D, Z (zombie: already dead, waiting for its parent)... */
  etat: string;
  commande: string;
  /** Value of MARQUE_ESSAIS in its environment, or null (absent or unreadable). */
  marque: string | null;
}

/** Every process /proc shows, with what the check needs. Processes that end while read are skipped. */
export function lireProcessus(proc = '/proc'): Processus[] {
  const liste: Processus[] = [];
  for (const nom of fs.readdirSync(proc)) {
    if (!/^\d+$/.test(nom)) continue;
    try {
      const stat = fs.readFileSync(path.join(proc, nom, 'stat'), 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last ')'.
      const champs = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const commande = fs
        .readFileSync(path.join(proc, nom, 'cmdline'), 'utf8')
        .split('\0')
        .filter(Boolean)
        .join(' ');
      liste.push({
        pid: Number(nom),
        ppid: Number(champs[1]),
        etat: champs[0],
        commande,
        marque: lireMarque(path.join(proc, nom, 'environ')),
      });
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return liste;
}

function lireMarque(fichier: string): string | null {
  try {
    const variable = fs
      .readFileSync(fichier, 'latin1')
      .split('\0')
      .find((v) => v.startsWith(`${MARQUE_ESSAIS}=`));
    return variable ? variable.slice(MARQUE_ESSAIS.length + 1) : null;
  } catch {
    return null;
  }
}

export interface OptionsRestants {
  /** The process that ran the tests (vitest): it and its own workers are not leftovers. */
  lanceur: number;
  /** This run's mark. */
  marque: string;
  /** The runner's own helpers (its test workers), recognised by command line. */
  estAuxiliaire?: (p: Processus) => boolean;
}

/** Vitest's pool workers: the runner's children that run its worker entry. */
export const estTravailleurVitest = (p: Processus): boolean => /[\\/]vitest[\\/]dist[\\/]/.test(p.commande);

/**
 * Processes of the run still alive: marked with `marque` or descending from `lanceur`,
 * except the runner, its auxiliaries (direct children only: what those start is the
 * tests'), and zombies (they have ended).
 */
export function processusRestants(tous: readonly Processus[], o: OptionsRestants): Processus[] {
  const parPid = new Map(tous.map((p) => [p.pid, p]));
  const descendDuLanceur = (p: Processus): boolean => {
    const vus = new Set<number>();
    for (let q = parPid.get(p.ppid); q && !vus.has(q.pid); q = parPid.get(q.ppid)) {
      if (q.pid === o.lanceur) return true;
      vus.add(q.pid);
    }
    return false;
  };
  const auxiliaire = (p: Processus) => p.ppid === o.lanceur && (o.estAuxiliaire?.(p) ?? false);
  return tous.filter(
    (p) => p.pid !== o.lanceur && p.etat !== 'Z' && !auxiliaire(p) && (p.marque === o.marque || descendDuLanceur(p)),
  );
}

/** One line per leftover, for the failure message. */
export function decrire(restants: readonly Processus[]): string {
  return restants
    .map((p) => `  pid ${p.pid} (parent ${p.ppid}) : ${p.commande || '(sans ligne de commande)'}`)
    .join('\n');
}

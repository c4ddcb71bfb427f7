import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { decrire, estTravailleurVitest, lireProcessus, MARQUE_ESSAIS, processusRestants } from './processus-restants';

/**
 * Vitest global setup: marks the run, and at its end fails it if a process a test started is
 * still alive (a server not stopped, a child killed through a wrapper...). A process that is
 * ending is given a few seconds first.
 */
const DELAI_MS = 10_000;

export default function preparer(): () => Promise<void> {
  const marque = randomUUID();
  // Set before the workers start: they and every process a test starts inherit it.
  process.env[MARQUE_ESSAIS] = marque;
  return async () => {
    // Without /proc (not Linux) there is nothing to read: the check is Linux's, like the CI.
    if (!fs.existsSync('/proc/self/stat')) return;
    const options = { lanceur: process.pid, marque, estAuxiliaire: estTravailleurVitest };
    const fin = Date.now() + DELAI_MS;
    let restants = processusRestants(lireProcessus(), options);
    while (restants.length && Date.now() < fin) {
      await new Promise((ok) => setTimeout(ok, 200));
      restants = processusRestants(lireProcessus(), options);
    }
    if (restants.length) {
      process.exitCode = 1;
      throw new Error(`Des processus lancés par les tests sont encore en vie :\n${decrire(restants)}`);
    }
  };
}

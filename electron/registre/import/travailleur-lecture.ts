import { parentPort, workerData } from 'node:worker_threads';
import { versRegistreError, type ErreurSerialisee } from '../../../shared/errors';
import { lireEnLots, type MessageLecture, type OptionsLecture } from './lecture-lots';

/**
 * Entry of the import's reading thread (bundled as dist-electron/import-lecture.cjs): reads and
 * checks the CSV, sends batches of prepared acts to the thread that writes them (lanceur-lecture.ts).
 * `place` counts the batches the writer can still take: the reader waits on it (Atomics.wait,
 * allowed in a worker) so that batches never pile up in memory when writing is slower.
 */
export interface DonneesLecture {
  options: OptionsLecture;
  place: SharedArrayBuffer;
}

export type MessageTravailleurLecture = MessageLecture | { type: 'erreur'; erreur: ErreurSerialisee };

async function principal(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('lecture d’import lancée hors d’un Worker');
  const { options, place } = workerData as DonneesLecture;
  const places = new Int32Array(place);
  const envoyer = (m: MessageTravailleurLecture) => port.postMessage(m);
  const attendrePlace = () => {
    while (Atomics.load(places, 0) <= 0) Atomics.wait(places, 0, Atomics.load(places, 0), 1000);
    Atomics.sub(places, 0, 1);
  };
  try {
    await lireEnLots(options, envoyer, attendrePlace);
  } catch (e) {
    envoyer({ type: 'erreur', erreur: versRegistreError(e).toJSON() });
  }
}

// No top-level await: the bundled worker is CommonJS.
void principal();

import { parentPort, workerData } from 'node:worker_threads';
import { versRegistreError } from '../../../shared/errors';
import { importerCsv, type OptionsImport } from './importer';

/**
 * Entry of the import worker thread (bundled as dist-electron/import-travailleur.cjs).
 * It opens its own database connection: the main thread keeps serving searches from the
 * committed register (WAL) while the import runs here, and its progress comes back as messages.
 */
export interface DonneesTravailleur {
  fichierBase: string;
  fichierCsv: string;
  options: Omit<OptionsImport, 'onProgression'>;
}

export type MessageTravailleur =
  | { type: 'progression'; octetsLus: number; octetsTotal: number; lignesLues: number; lignesRejetees: number }
  | { type: 'fin'; rapport: import('../../../shared/contract/registre').RapportImport }
  | { type: 'erreur'; erreur: import('../../../shared/errors').ErreurSerialisee };

async function principal(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('travailleur d’import lancé hors d’un Worker');
  const { fichierBase, fichierCsv, options } = workerData as DonneesTravailleur;
  const envoyer = (m: MessageTravailleur) => port.postMessage(m);
  try {
    const rapport = await importerCsv(fichierBase, fichierCsv, {
      ...options,
      onProgression: (p) => envoyer({ type: 'progression', ...p }),
    });
    envoyer({ type: 'fin', rapport });
  } catch (e) {
    envoyer({ type: 'erreur', erreur: versRegistreError(e).toJSON() });
  }
}

// No top-level await: the bundled worker is CommonJS.
void principal();

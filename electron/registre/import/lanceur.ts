import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RapportImport } from '../../../shared/contract/registre';
import { erreurs, RegistreError } from '../../../shared/errors';
import type { OptionsImport, ProgressionImport } from './importer';
import type { DonneesTravailleur, MessageTravailleur } from './travailleur';

/**
 * Runs the CSV import in a worker thread, off the main thread (the Electron main process
 * must keep answering the window while a million rows go in).
 *
 * Which file the worker runs: from the sources (tsx, vitest) this module is a `.ts` file and
 * the worker is its sibling `travailleur.ts`, loaded through tsx by `travailleur-sources.mjs`;
 * in the packaged app this code
 * is bundled into `dist-electron/main.cjs` and the worker is the bundle
 * `dist-electron/import-travailleur.cjs` next to it.
 */
export const NOM_TRAVAILLEUR_EMPAQUETE = 'import-travailleur.cjs';

export function emplacementTravailleur(): URL | string {
  const ici = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  // From the sources, a small .mjs entry registers tsx inside the worker, then loads travailleur.ts.
  if (ici.endsWith('.ts')) return new URL('./travailleur-sources.mjs', pathToFileURL(ici));
  return path.join(path.dirname(ici), NOM_TRAVAILLEUR_EMPAQUETE);
}

export interface OptionsImportTravailleur extends Omit<OptionsImport, 'onProgression'> {
  onProgression?: (p: ProgressionImport) => void;
  /** Aborting stops the worker at once: its transaction is never committed, nothing is imported. */
  signal?: AbortSignal;
}

export function importerCsvEnTravailleur(
  fichierBase: string,
  fichierCsv: string,
  options: OptionsImportTravailleur = {},
): Promise<RapportImport> {
  const { onProgression, signal, ...reste } = options;
  if (signal?.aborted) return Promise.reject(erreurs.operationAnnulee());
  const fichier = emplacementTravailleur();
  const donnees: DonneesTravailleur = { fichierBase, fichierCsv, options: reste };

  return new Promise<RapportImport>((resolve, reject) => {
    const travailleur = new Worker(fichier, { workerData: donnees });
    let fini = false;
    const terminer = (e: RegistreError | null, rapport?: RapportImport) => {
      if (fini) return;
      fini = true;
      signal?.removeEventListener('abort', annuler);
      if (e) reject(e);
      else resolve(rapport!);
    };
    const annuler = () => {
      void travailleur.terminate();
      terminer(erreurs.operationAnnulee());
    };
    signal?.addEventListener('abort', annuler, { once: true });

    travailleur.on('message', (m: MessageTravailleur) => {
      if (m.type === 'progression') {
        const { type: _type, ...p } = m;
        onProgression?.(p);
      } else if (m.type === 'fin') terminer(null, m.rapport);
      else terminer(RegistreError.fromJSON(m.erreur));
    });
    travailleur.on('error', (e) => terminer(erreurs.interne(`travailleur d’import : ${e.name}`)));
    travailleur.on('exit', (code) => {
      terminer(erreurs.interne(`travailleur d’import arrêté (code ${code}) avant la fin`));
    });
  });
}

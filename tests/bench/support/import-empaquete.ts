import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NOM_LECTURE_EMPAQUETEE } from '../../../electron/registre/import/lanceur-lecture';

/**
 * Bundles the import's child (import-enfant.ts) and the import's reading thread with esbuild,
 * the way build/bundle-electron.mjs bundles the app: the reading thread as CommonJS under the
 * name its launcher looks for next to the running file. The bundles go under node_modules/.cache
 * so that the native module (better-sqlite3, left outside) is found in node_modules. Returns
 * the child's entry, to run with `process.execPath`.
 */
export async function empaqueterImport(): Promise<string> {
  const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const dossier = path.join(racine, 'node_modules', '.cache', 'registre-bench');
  const commun = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning' as const,
    absWorkingDir: racine,
  };
  const entree = path.join(dossier, 'import-enfant.mjs');
  await build({
    ...commun,
    format: 'esm',
    entryPoints: ['tests/bench/support/import-enfant.ts'],
    outfile: entree,
    // CommonJS dependencies bundled in an ES module still call require.
    banner: {
      js: "import { createRequire as __creerRequire } from 'node:module'; const require = __creerRequire(import.meta.url);",
    },
  });
  await build({
    ...commun,
    format: 'cjs',
    entryPoints: ['electron/registre/import/travailleur-lecture.ts'],
    outfile: path.join(dossier, NOM_LECTURE_EMPAQUETEE),
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  return entree;
}

// Bundles the main process, the preload and the worker threads into dist-electron/ (CommonJS,
// what Electron's sandboxed preload requires). Native modules stay external: they are rebuilt
// for Electron's ABI by `electron-builder install-app-deps` in the start and packaging scripts.
import { build } from 'esbuild';
import fs from 'node:fs';

const externes = ['electron', 'better-sqlite3', 'pkcs11js', 'node-webcrypto-p11', 'graphene-pk11'];
const commun = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: externes,
  // ESM sources use import.meta.url; in a CommonJS bundle it is rebuilt from __filename.
  define: { 'import.meta.url': 'importMetaUrl', 'import.meta.dirname': '__dirname' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

const entrees = {
  main: 'electron/shell/main.ts',
  preload: 'electron/shell/preload.ts',
};
// Worker threads are separate bundles, found by their launcher next to main.cjs.
for (const [nom, fichier] of Object.entries({
  'import-travailleur': 'electron/registre/import/travailleur.ts',
  'import-lecture': 'electron/registre/import/travailleur-lecture.ts',
})) {
  if (fs.existsSync(fichier)) entrees[nom] = fichier;
}

for (const [nom, fichier] of Object.entries(entrees)) {
  // The sandboxed preload may require nothing but 'electron': no banner there (it does not use import.meta).
  const options = nom === 'preload' ? { ...commun, banner: undefined, define: undefined } : commun;
  await build({ ...options, entryPoints: [fichier], outfile: `dist-electron/${nom}.cjs` });
}
console.log(`dist-electron : ${Object.keys(entrees).join(', ')}`);

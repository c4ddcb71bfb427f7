// `npm start` rebuilds better-sqlite3 for Electron's ABI; tests run under Node. This check,
// run before the tests, rebuilds it for Node only when the installed build does not load.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (e) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node.js version/.test(String(e))) throw e;
  console.error('better-sqlite3 est compilé pour Electron : recompilation pour Node…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}

// `npm start`. Where Electron's binary is installed: the desktop application (`npm run bureau`).
// `npm install` does not download that binary (package.json's allowScripts keeps electron's
// install script from running, so that installing never fails on a closed network): the first
// `npm start` downloads it, once. Where it is not there and cannot be downloaded: the same
// application in a browser, the harness of `npm run web`, in this process, which prints the
// address to open. `npm start -- --navigateur` takes the browser path even where Electron is present.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The path of Electron's binary when it is installed, else null. In Node, `require('electron')`
 * returns that path, or throws when the package's install step did not download the binary.
 * @param {(id: string) => unknown} [charger]
 * @param {(chemin: string) => boolean} [existe]
 * @returns {string | null}
 */
export function binaireElectron(charger = createRequire(import.meta.url), existe = fs.existsSync) {
  let chemin;
  try {
    chemin = charger('electron');
  } catch {
    return null;
  }
  return typeof chemin === 'string' && existe(chemin) ? chemin : null;
}

/**
 * 'bureau' (Electron) or 'navigateur' (the browser harness).
 * @param {string[]} argv
 * @param {string | null} binaire
 * @returns {'bureau' | 'navigateur'}
 */
export function choisirMode(argv, binaire) {
  if (argv.includes('--navigateur')) return 'navigateur';
  return binaire ? 'bureau' : 'navigateur';
}

function executer(commande, args) {
  const r = spawnSync(commande, args, { cwd: racine, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Runs electron's own install script (the download npm install skipped); quiet, fails fast offline. */
function telechargerElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  process.stderr.write('Téléchargement du binaire d’Electron…\n');
  spawnSync(process.execPath, [path.join(racine, 'node_modules/electron/install.js')], {
    cwd: racine,
    stdio: 'ignore',
  });
}

async function demarrer() {
  const argv = process.argv.slice(2);
  let binaire = binaireElectron();
  if (!binaire && !argv.includes('--navigateur')) {
    telechargerElectron();
    binaire = binaireElectron();
  }
  if (choisirMode(argv, binaire) === 'bureau') {
    executer('npm', ['run', 'bureau']);
    return;
  }
  process.stderr.write(
    binaire
      ? 'Registre démarre dans le navigateur (--navigateur) : ouvrez l’adresse REGISTRE_URL affichée ci-dessous.\n'
      : 'Electron n’a pas pu être installé sur cette machine : Registre démarre dans le navigateur, ouvrez l’adresse REGISTRE_URL affichée ci-dessous.\n',
  );
  // The interface, built as `npm run build:renderer` does; then the harness, in this very process
  // (a signal that stops `npm start` stops it).
  if (!process.env.REGISTRE_SANS_CONSTRUCTION)
    executer(process.execPath, [path.join(racine, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(racine, 'electron/harness/start.ts')).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await demarrer();
}

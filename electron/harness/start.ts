import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { creerApp } from '../app';
import { demarrerServeurHarnais } from './serveur';

/**
 * `npm run web`: the application in a browser, where no Electron binary is available.
 * Environment: REGISTRE_DONNEES (data folder, default ~/.registre), REGISTRE_PORT (default: free port).
 * Prints one line `REGISTRE_URL <url>` (the address with its token) on stdout for scripts and tests.
 */
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dossierStatique = path.join(racine, 'dist/renderer');
if (!fs.existsSync(path.join(dossierStatique, 'index.html'))) {
  process.stderr.write('registre : l’interface n’est pas construite. Lancez « npm run build:renderer » d’abord.\n');
  process.exit(1);
}

const dossierDonnees = process.env.REGISTRE_DONNEES ?? path.join(os.homedir(), '.registre');
const app = creerApp({ dossierDonnees, transport: 'navigateur' });
const harnais = await demarrerServeurHarnais({
  app,
  dossierStatique,
  port: process.env.REGISTRE_PORT ? Number(process.env.REGISTRE_PORT) : 0,
});

process.stdout.write(`REGISTRE_URL ${harnais.url}\n`);
process.stderr.write(`Registre est ouvert à l’adresse ci-dessus (données : ${dossierDonnees}). Ctrl+C pour arrêter.\n`);

let arret = false;
async function arreter() {
  if (arret) return;
  arret = true;
  await harnais.fermer();
  app.fermer();
  process.exit(0);
}
process.on('SIGINT', () => void arreter());
process.on('SIGTERM', () => void arreter());

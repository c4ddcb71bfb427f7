import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const racine = path.resolve(import.meta.dirname, '../..');

export interface HarnaisDeTest {
  url: string;
  origine: string;
  dossierDonnees: string;
  arreter(): Promise<void>;
}

/**
 * Starts the real browser harness (`electron/harness/start.ts`) in a child process, on a free
 * port, with a fresh data folder unless one is given. Requires `npm run build:renderer` first.
 */
export async function demarrerHarnais(
  options: { dossierDonnees?: string; env?: Record<string, string> } = {},
): Promise<HarnaisDeTest> {
  if (!fs.existsSync(path.join(racine, 'dist/renderer/index.html')))
    throw new Error('dist/renderer absent : lancer « npm run build:renderer » avant les tests e2e');
  const temporaire = !options.dossierDonnees;
  const dossierDonnees = options.dossierDonnees ?? fs.mkdtempSync(path.join(os.tmpdir(), 'registre-e2e-'));
  const enfant: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/harness/start.ts'], {
    cwd: racine,
    env: { ...process.env, REGISTRE_DONNEES: dossierDonnees, REGISTRE_JOURNAL: 'avertir', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let erreurs = '';
  enfant.stderr!.on('data', (d: Buffer) => {
    erreurs += d.toString();
    if (process.env.REGISTRE_E2E_VERBEUX) process.stderr.write(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let sortie = '';
    const delai = setTimeout(() => reject(new Error(`harnais non démarré en 60 s\n${erreurs}`)), 60_000);
    enfant.stdout!.on('data', (d: Buffer) => {
      sortie += d.toString();
      const m = /REGISTRE_URL (\S+)/.exec(sortie);
      if (m) {
        clearTimeout(delai);
        resolve(m[1]);
      }
    });
    enfant.once('exit', (code) => {
      clearTimeout(delai);
      reject(new Error(`harnais arrêté (code ${code})\n${erreurs}`));
    });
  });
  return {
    url,
    origine: new URL(url).origin,
    dossierDonnees,
    async arreter() {
      if (enfant.exitCode === null) {
        const fin = new Promise((r) => enfant.once('exit', r));
        enfant.kill('SIGTERM');
        await Promise.race([fin, new Promise((r) => setTimeout(r, 5000))]);
        if (enfant.exitCode === null) enfant.kill('SIGKILL');
      }
      if (temporaire) fs.rmSync(dossierDonnees, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. Never downloads a browser. */
export function lancerChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const dossierCaptures = path.join(racine, 'test-results');
fs.mkdirSync(dossierCaptures, { recursive: true });

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const racine = path.resolve(import.meta.dirname, '../..');
const donnees = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-demarrer-'));
afterAll(() => fs.rmSync(donnees, { recursive: true, force: true }));

function obtenir(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('npm start sans Electron', () => {
  it('démarre le harnais navigateur, dit pourquoi, affiche l’adresse et s’arrête sur SIGTERM', async () => {
    // `--navigateur` takes the browser path even where Electron's binary is installed. The
    // interface is built by `npm test` before the tests: not rebuilt here when it is there.
    const dejaConstruite = fs.existsSync(path.join(racine, 'dist/renderer/index.html'));
    const enfant = spawn(process.execPath, ['build/demarrer.mjs', '--navigateur'], {
      cwd: racine,
      env: {
        ...process.env,
        REGISTRE_DONNEES: donnees,
        REGISTRE_JOURNAL: 'avertir',
        ...(dejaConstruite ? { REGISTRE_SANS_CONSTRUCTION: '1' } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const fin = new Promise<number | null>((resolve) => enfant.once('exit', (code) => resolve(code)));
    let erreurs = '';
    enfant.stderr.on('data', (d: Buffer) => (erreurs += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let sortie = '';
        enfant.stdout.on('data', (d: Buffer) => {
          sortie += d.toString();
          const m = /REGISTRE_URL (\S+)/.exec(sortie);
          if (m) resolve(m[1]);
        });
        void fin.then((code) => reject(new Error(`arrêté (code ${code})\n${erreurs}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?jeton=/);
      expect(erreurs).toContain('Registre démarre dans le navigateur');
      expect(erreurs.split('\n')[0]).toMatch(/ouvrez l’adresse REGISTRE_URL/);
      expect(await obtenir(url)).toBe(200);
    } finally {
      enfant.kill('SIGTERM');
    }
    // The harness runs in the started process itself: stopping it stops everything.
    expect(await fin).toBe(0);
  });
});

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  estTravailleurVitest,
  lireProcessus,
  MARQUE_ESSAIS,
  processusRestants,
  type Processus,
} from '../support/processus-restants';

const racine = path.resolve(import.meta.dirname, '../..');
const p = (pid: number, ppid: number, commande: string, marque: string | null = null, etat = 'S'): Processus => ({
  pid,
  ppid,
  etat,
  commande,
  marque,
});

describe('processus laissés par les tests', () => {
  it('retient les marqués et la descendance du lanceur ; ni le lanceur, ni ses travailleurs, ni les zombies, ni les autres', () => {
    const table = [
      p(1, 0, '/sbin/init'),
      p(100, 1, 'node node_modules/vitest/vitest.mjs run', 'M'),
      p(101, 100, 'node /w/node_modules/vitest/dist/workers/forks.js', 'M'),
      p(102, 101, 'node sandbox/start.ts'),
      p(103, 102, 'chromium --headless'),
      p(200, 1, 'node --import tsx enfant-lot.ts', 'M'),
      p(201, 1, 'node --import tsx enfant-lot.ts', 'M', 'Z'),
      p(300, 1, 'node serveur.ts', 'AUTRE'),
      p(400, 1, 'bash'),
      p(600, 100, 'node harness/start.ts', 'M'),
    ];
    const restants = processusRestants(table, { lanceur: 100, marque: 'M', estAuxiliaire: estTravailleurVitest });
    expect(restants.map((r) => r.pid)).toEqual([102, 103, 200, 600]);
  });

  it('trouve l’enfant réel d’un wrapper tsx tué par SIGKILL, avec sa ligne de commande', async () => {
    const marque = randomUUID();
    const script = 'setTimeout(() => {}, 120000)';
    const wrapper = spawn(path.join(racine, 'node_modules/.bin/tsx'), ['-e', script], {
      env: { ...process.env, [MARQUE_ESSAIS]: marque },
      stdio: 'ignore',
    });
    const options = { lanceur: process.pid, marque };
    let restants: Processus[] = [];
    try {
      // The wrapper has started its Node child once a marked process runs the script.
      for (
        let i = 0;
        i < 100 && !restants.some((r) => r.pid !== wrapper.pid && r.commande.includes('setTimeout'));
        i++
      ) {
        await new Promise((ok) => setTimeout(ok, 100));
        restants = processusRestants(lireProcessus(), options);
      }
      wrapper.kill('SIGKILL');
      await new Promise((ok) => wrapper.once('exit', ok));
      restants = processusRestants(lireProcessus(), options);
      expect(restants.map((r) => r.pid)).not.toContain(wrapper.pid);
      expect(restants).toHaveLength(1);
      expect(restants[0].commande).toContain('setTimeout');
    } finally {
      for (const r of restants) process.kill(r.pid, 'SIGKILL');
    }
    // Killed: no longer a leftover (a zombie waiting for init is dead already).
    for (let i = 0; i < 50 && processusRestants(lireProcessus(), options).length; i++)
      await new Promise((ok) => setTimeout(ok, 100));
    expect(processusRestants(lireProcessus(), options)).toEqual([]);
  });
});

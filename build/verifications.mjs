// Run by `npm test` before vitest: the type check (both sides), the lint, the format check and the
// renderer's build, two at a time (each is mostly one core; run one after the other they added
// about a minute to the test run). Each one prints one line when it ends, and its whole output if
// it failed (the lint's warnings: `npm run lint`); the exit code is non-zero if any failed. `node build/verifications.mjs typecheck lint` runs only those.
import { spawn } from 'node:child_process';

const TOUTES = ['typecheck', 'lint', 'format:check', 'build:renderer'];
const PARALLELES = 2;

function lancer(script) {
  const debut = Date.now();
  return new Promise((resolve) => {
    const enfant = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let sortie = '';
    enfant.stdout.on('data', (d) => (sortie += d));
    enfant.stderr.on('data', (d) => (sortie += d));
    enfant.on('close', (code) => {
      const duree = ((Date.now() - debut) / 1000).toFixed(1);
      process.stdout.write(`== ${script} : ${code === 0 ? 'ok' : `ÉCHEC (code ${code})`} en ${duree} s\n`);
      if (code !== 0 && sortie.trim()) process.stdout.write(sortie.endsWith('\n') ? sortie : `${sortie}\n`);
      resolve(code === 0);
    });
  });
}

const demandees = process.argv.slice(2);
const file = demandees.length > 0 ? demandees : [...TOUTES];
const resultats = [];
async function ouvrier() {
  while (file.length > 0) resultats.push(await lancer(file.shift()));
}
await Promise.all(Array.from({ length: PARALLELES }, ouvrier));
process.exitCode = resultats.every(Boolean) ? 0 : 1;

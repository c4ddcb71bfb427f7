import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { racine } from '../../../support/frontieres';

/**
 * Runs the engine child (moteur-enfant.ts) as a plain Node process. The child is bundled once
 * per test run with esbuild, its npm dependencies included (only native modules stay external):
 * starting it then costs one file's load (about 0.5 s) instead of a TypeScript compilation and
 * hundreds of module resolutions (about 2 s), which keeps 50+ kills and restarts within the
 * test's time budget. The bundle lives under node_modules/.cache so that the native modules
 * resolve from the project's node_modules.
 */
const DOSSIER_BUNDLE = path.join(racine, 'node_modules', '.cache', 'registre-essais');

export async function preparerEnfant(): Promise<string> {
  fs.mkdirSync(DOSSIER_BUNDLE, { recursive: true });
  const sortie = path.join(DOSSIER_BUNDLE, `moteur-enfant-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(racine, 'tests/integration/sync/outils/moteur-enfant.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: sortie,
    external: ['better-sqlite3', 'pkcs11js', 'electron', 'node-webcrypto-p11', 'graphene-pk11'],
    // CommonJS dependencies bundled into an ES module still call require().
    banner: {
      js: "import { createRequire as __creerRequire } from 'node:module'; const require = __creerRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return sortie;
}

export interface Enfant {
  processus: ChildProcess;
  /** For a child started with REGISTRE_ATTENDRE=1: lets it open the database and start. */
  demarrer(): void;
  /** Phases printed so far (PRET, PHASE x, FINI). */
  lignes: string[];
  /** Resolves on the first line matching, rejects if the process ends before. */
  attendreLigne(motif: RegExp, delaiMs?: number): Promise<string>;
  fin: Promise<{ code: number | null; signal: NodeJS.Signals | null; erreurs: string }>;
}

export function lancerEnfant(bundle: string, env: Record<string, string>): Enfant {
  const processus = spawn(process.execPath, [bundle], {
    env: { ...process.env, REGISTRE_JOURNAL: 'muet', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lignes: string[] = [];
  let erreurs = '';
  const attentes: { motif: RegExp; ok: (l: string) => void }[] = [];
  let reste = '';
  processus.stdout!.on('data', (d: Buffer) => {
    reste += d.toString();
    const morceaux = reste.split('\n');
    reste = morceaux.pop()!;
    for (const l of morceaux) {
      lignes.push(l);
      for (const a of [...attentes])
        if (a.motif.test(l)) {
          attentes.splice(attentes.indexOf(a), 1);
          a.ok(l);
        }
    }
  });
  processus.stderr!.on('data', (d: Buffer) => (erreurs = (erreurs + d.toString()).slice(-4000)));
  const fin = new Promise<{ code: number | null; signal: NodeJS.Signals | null; erreurs: string }>((ok) =>
    processus.on('exit', (code, signal) => ok({ code, signal, erreurs })),
  );
  return {
    processus,
    demarrer: () => void processus.stdin!.write('GO\n'),
    lignes,
    fin,
    attendreLigne(motif, delaiMs = 60_000) {
      const deja = lignes.find((l) => motif.test(l));
      if (deja) return Promise.resolve(deja);
      return new Promise((ok, ko) => {
        const t = setTimeout(
          () => ko(new Error(`« ${motif} » non vu en ${delaiMs} ms ; stderr : ${erreurs.slice(-500)}`)),
          delaiMs,
        );
        attentes.push({ motif, ok: (l) => (clearTimeout(t), ok(l)) });
        void fin.then((f) => {
          clearTimeout(t);
          ko(new Error(`processus terminé (${f.code ?? f.signal}) avant « ${motif} » : ${f.erreurs.slice(-800)}`));
        });
      });
    },
  };
}

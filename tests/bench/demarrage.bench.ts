/**
 * Cold start benchmark: how long before the app answers its first search, on a register of
 * 50,000 acts.
 *
 *   npm run bench:demarrage                 # 50,000 acts
 *   npm run bench:demarrage -- --acts 10000
 *
 * 1. builds the register (synthetic CSV through the real import; not timed) in a data folder;
 * 2. starts a fresh process (nothing of the register in memory) that builds the app
 *    (`creerApp`, what Electron's main process runs before creating the window) and sends the
 *    renderer's first search through the dispatcher, then a second one;
 * 3. prints ONE JSON line: `creer_app_ms`, `premiere_recherche_ms` (the search a window sends as
 *    soon as it shows), `pret_ms` (their sum: an upper bound of "window shown -> first results",
 *    since the window is created after the app), and the modules' loading time apart (here
 *    through tsx, which compiles the sources: the packaged app loads one bundle).
 * Run three times, the median reported: one run on a shared machine is noise.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { arrondi, centile, option } from './support/mesures';

const log = (m: string) => process.stderr.write(`[bench démarrage] ${m}\n`);
const ESSAIS = 3;

interface MesureDemarrage {
  modules_ms: number;
  creer_app_ms: number;
  premiere_recherche_ms: number;
  deuxieme_recherche_ms: number;
  resultats: number;
}

async function main(): Promise<void> {
  // Stdout carries the one JSON line: the import's log stays quiet.
  process.env.REGISTRE_JOURNAL = 'muet';
  const actes = option('acts', 50_000);
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-demarrage-'));
  try {
    const { ecrireRegistreCsv } = await import('../../electron/registre/synthetique');
    const { importerCsv } = await import('../../electron/registre/import');
    const csv = path.join(dossier, 'registre.csv');
    await ecrireRegistreCsv(csv, { actes, graine: 1 });
    const donnees = path.join(dossier, 'donnees');
    const rapport = await importerCsv(path.join(donnees, 'registre.db'), csv, { aujourdhui: '2025-01-01' });
    fs.rmSync(csv);
    log(`registre : ${rapport.actesAjoutes} actes`);

    const mesures: MesureDemarrage[] = [];
    for (let i = 0; i < ESSAIS; i++) {
      const sortie = execFileSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--etape-demarrage', donnees],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, REGISTRE_JOURNAL: 'muet' } },
      );
      mesures.push(JSON.parse(sortie) as MesureDemarrage);
    }
    const mediane = (cle: keyof MesureDemarrage) =>
      arrondi(
        centile(
          mesures.map((m) => m[cle]),
          50,
        ),
        1,
      );
    const resultat = {
      acts: actes,
      creer_app_ms: mediane('creer_app_ms'),
      premiere_recherche_ms: mediane('premiere_recherche_ms'),
      pret_ms: arrondi(
        centile(
          mesures.map((m) => m.creer_app_ms + m.premiere_recherche_ms),
          50,
        ),
        1,
      ),
      deuxieme_recherche_ms: mediane('deuxieme_recherche_ms'),
      modules_ms_tsx: mediane('modules_ms'),
      premiere_recherche_resultats: mesures[0].resultats,
      runs: ESSAIS,
      load_average_1min: arrondi(os.loadavg()[0], 1),
    };
    process.stdout.write(`${JSON.stringify(resultat)}\n`);
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

/** The fresh process: builds the app on the data folder and sends the first searches. */
async function etapeDemarrage(donnees: string): Promise<void> {
  const t0 = performance.now();
  const { creerApp } = await import('../../electron/app');
  const t1 = performance.now();
  const app = creerApp({ dossierDonnees: donnees, transport: 'navigateur' });
  const t2 = performance.now();
  const premiere = (await app.repartir('registre.rechercher', { texte: 'martin', limite: 100 })) as {
    ok: boolean;
    valeur?: { resultats: unknown[] };
  };
  const t3 = performance.now();
  await app.repartir('registre.rechercher', { texte: 'dupont marie', limite: 100 });
  const t4 = performance.now();
  app.fermer();
  if (!premiere.ok) throw new Error(`première recherche refusée : ${JSON.stringify(premiere)}`);
  const mesure: MesureDemarrage = {
    modules_ms: t1 - t0,
    creer_app_ms: t2 - t1,
    premiere_recherche_ms: t3 - t2,
    deuxieme_recherche_ms: t4 - t3,
    resultats: premiere.valeur?.resultats.length ?? 0,
  };
  process.stdout.write(JSON.stringify(mesure));
  // Timers of the app's services (sync planner...) must not keep the measure waiting.
  process.exit(0);
}

const i = process.argv.indexOf('--etape-demarrage');
if (i >= 0) await etapeDemarrage(process.argv[i + 1]);
else await main();

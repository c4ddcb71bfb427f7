/**
 * Benchmark of the one-time rewrite of the search terms (migration 0015: acts stored before
 * the place normaliser get their place tokens), on a synthetic register:
 *
 *   npx tsx tests/bench/termes-lieux.bench.ts                 # 100,000 acts
 *   npx tsx tests/bench/termes-lieux.bench.ts --acts 1000000
 *
 * 1. fills a register file with synthetic acts (not timed), then records the work as the
 *    migration does for a register that has acts;
 * 2. runs the rewrite the application runs when it opens the register (mondes.ts), timed.
 * Prints ONE JSON line on stdout; progress goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ouvrirBase } from '../../electron/db/connexion';
import { reconstruireTermesEnAttente, remplirRegistre } from '../../electron/registre';
import { option } from './support/mesures';

const actes = option('acts', 100_000);
const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-termes-lieux-'));
const fichier = path.join(dossier, 'registre.db');
try {
  process.stderr.write(`registre synthétique de ${actes} actes…\n`);
  const db = ouvrirBase(fichier);
  remplirRegistre(db, { actes, graine: 7 }, '2025-01-01T00:00:00Z');
  db.prepare(
    "INSERT INTO travaux_registre (travail, demande_le) VALUES ('termes-recherche', '2025-01-01T00:00:00Z')",
  ).run();
  process.stderr.write('réécriture des termes…\n');
  const rss = process.memoryUsage().rss;
  const bilan = reconstruireTermesEnAttente(db);
  if (!bilan || bilan.actes !== actes) throw new Error(`réécriture incomplète : ${JSON.stringify(bilan)}`);
  const paris = db
    .prepare<[], number>("SELECT count(*) FROM actes_recherche WHERE actes_recherche MATCH 'lp75056'")
    .pluck()
    .get();
  db.close();
  process.stdout.write(
    `${JSON.stringify({
      acts: actes,
      rewrite_ms: bilan.ms,
      us_per_act: Math.round((bilan.ms * 1000) / actes),
      rss_delta_mb: Math.round((process.memoryUsage().rss - rss) / 1e6),
      acts_found_in_paris: paris,
    })}\n`,
  );
} finally {
  fs.rmSync(dossier, { recursive: true, force: true });
}

/**
 * The import's child process of `bench:register`: imports the CSV through the real import
 * (importerCsv: reading thread, checks, store, index) and prints its duration and its peak
 * memory as one JSON object. It is bundled first (import-empaquete.ts) and run by plain Node,
 * as the application ships its main process and its reading thread: run through tsx, the
 * transpiler's own memory (about 50 MB) counted in the peak.
 */
import { importerCsv } from '../../../electron/registre/import';

export interface MesureImport {
  secondes: number;
  secondesCpu: number;
  rssMo: number;
  ajoutes: number;
  rejetees: number;
  rejets: unknown[];
}

const [csv, base] = process.argv.slice(2);
const debut = performance.now();
const cpu = process.cpuUsage();
const rapport = await importerCsv(base, csv, { aujourdhui: '2025-01-01' });
const { user, system } = process.cpuUsage(cpu);
const mesure: MesureImport = {
  secondes: (performance.now() - debut) / 1000,
  secondesCpu: (user + system) / 1e6,
  rssMo: process.resourceUsage().maxRSS / 1024,
  ajoutes: rapport.actesAjoutes,
  rejetees: rapport.lignesRejetees,
  rejets: rapport.rejets.slice(0, 3),
};
process.stdout.write(JSON.stringify(mesure));

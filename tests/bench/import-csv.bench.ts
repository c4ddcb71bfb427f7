/**
 * CSV import benchmark: writes N acts (default 1,000,000) as a realistic CSV export, imports
 * them through `importerCsv` (one transaction, WAL) into a fresh database, and prints ONE JSON
 * line: rows/s overall, peak RSS, WAL size at commit, database size.
 *
 *   npx tsx tests/bench/import-csv.bench.ts [lignes] [--travailleur]
 *
 * With --travailleur the import runs in the worker thread, as in the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importerCsv, importerCsvEnTravailleur } from '../../electron/registre/import';

const lignes = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const enTravailleur = process.argv.includes('--travailleur');

const NOMS = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèbvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefèvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  "N'Diaye",
  'de La Fontaine',
  'Le Goff',
  'Ben Saïd',
  'Nguyen',
];
const PRENOMS_F = [
  'Marie',
  'Jeanne',
  'Françoise',
  'Monique',
  'Catherine',
  'Nathalie',
  'Isabelle',
  'Sylvie',
  'Anne',
  'Léa',
  'Chloé',
  'Inès',
  'Zoé',
  'Hélène',
  'Éloïse',
];
const PRENOMS_M = [
  'Jean',
  'Pierre',
  'Michel',
  'André',
  'Philippe',
  'René',
  'Louis',
  'Alain',
  'Jacques',
  'Bernard',
  'Lucas',
  'Hugo',
  'Noé',
  'Théo',
  'Jean-Pierre',
];
const LIEUX = [
  'Albi (81)',
  'Castres (81)',
  'Gaillac',
  'Carmaux (81)',
  'Toulouse (31)',
  'Rodez',
  '81004',
  'Casablanca, Maroc',
  'Lyon (69)',
  'Marseille (13)',
];

let graine = 42;
const hasard = (n: number) => {
  graine = (graine * 1103515245 + 12345) & 0x7fffffff;
  return graine % n;
};
const un = <T>(t: T[]) => t[hasard(t.length)];
const date = (annee: number) =>
  `${String(1 + hasard(28)).padStart(2, '0')}/${String(1 + hasard(12)).padStart(2, '0')}/${annee}`;

const ENTETE =
  'type;annee;numero;date_acte;nom;prenoms;sexe;date_naissance;lieu_naissance;nom_pere;prenoms_pere;nom_mere;prenoms_mere;date_mariage;lieu_mariage;nom_epoux2;prenoms_epoux2;date_deces;lieu_deces;mentions';

function ecrireCsv(fichier: string): void {
  const fd = fs.openSync(fichier, 'w');
  let tampon = ENTETE + '\n';
  const numeros = new Map<string, number>();
  for (let i = 0; i < lignes; i++) {
    const r = hasard(100);
    const type = r < 60 ? 'naissance' : r < 80 ? 'mariage' : 'deces';
    const annee = 1900 + hasard(120);
    const cle = `${type}${annee}`;
    const numero = (numeros.get(cle) ?? 0) + 1;
    numeros.set(cle, numero);
    const f = hasard(2) === 0;
    const prenoms = `${un(f ? PRENOMS_F : PRENOMS_M)}, ${un(f ? PRENOMS_F : PRENOMS_M)}`;
    const d = date(annee);
    if (type === 'naissance') {
      const mention = hasard(10) === 0 && annee < 1995 ? `mariage|${date(annee + 25)}|Marié(e) à Albi` : '';
      tampon += `naissance;${annee};${numero};${d};${un(NOMS)};${prenoms};${f ? 'F' : 'M'};${d};${un(LIEUX)};${un(NOMS)};${un(PRENOMS_M)};${un(NOMS)};${un(PRENOMS_F)};;;;;;;${mention}\n`;
    } else if (type === 'mariage') {
      tampon += `mariage;${annee};${numero};${d};${un(NOMS)};${un(PRENOMS_M)};M;${date(annee - 25)};${un(LIEUX)};;;;;${d};Albi;${un(NOMS)};${un(PRENOMS_F)};;;\n`;
    } else {
      tampon += `deces;${annee};${numero};${d};${un(NOMS)};${prenoms};${f ? 'F' : 'M'};${date(annee - 70)};${un(LIEUX)};;;;;;;;;${d};Albi (81);\n`;
    }
    if (tampon.length > 1 << 20) {
      fs.writeSync(fd, tampon);
      tampon = '';
    }
  }
  fs.writeSync(fd, tampon);
  fs.closeSync(fd);
}

const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-bench-import-'));
try {
  const fichierCsv = path.join(dossier, 'actes.csv');
  const fichierBase = path.join(dossier, 'registre.db');
  ecrireCsv(fichierCsv);
  let rssMax = process.memoryUsage().rss;
  let walMax = 0;
  const sonde = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
    try {
      walMax = Math.max(walMax, fs.statSync(`${fichierBase}-wal`).size);
    } catch {
      /* not yet */
    }
  }, 50);
  const options = { onProgression: () => (rssMax = Math.max(rssMax, process.memoryUsage().rss)) };
  const cpu = process.cpuUsage();
  const debut = performance.now();
  const rapport = enTravailleur
    ? await importerCsvEnTravailleur(fichierBase, fichierCsv, options)
    : await importerCsv(fichierBase, fichierCsv, options);
  const ms = performance.now() - debut;
  const { user, system } = process.cpuUsage(cpu);
  const cpuMs = (user + system) / 1000;
  clearInterval(sonde);
  rssMax = Math.max(rssMax, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      bench: 'import-csv',
      travailleur: enTravailleur,
      lignes: rapport.lignesLues,
      ajoutes: rapport.actesAjoutes,
      rejetees: rapport.lignesRejetees,
      ms: Math.round(ms),
      actesParSeconde: Math.round(rapport.lignesLues / (ms / 1000)),
      // CPU time of the whole process: what the import costs when the machine is shared.
      cpuMs: Math.round(cpuMs),
      actesParSecondeCpu: Math.round(rapport.lignesLues / (cpuMs / 1000)),
      rssMaxMo: Math.round(rssMax / 2 ** 20),
      csvMo: Math.round(fs.statSync(fichierCsv).size / 2 ** 20),
      walMaxMo: Math.round(walMax / 2 ** 20),
      baseMo: Math.round(fs.statSync(fichierBase).size / 2 ** 20),
    }),
  );
} finally {
  if (!process.env.GARDER) fs.rmSync(dossier, { recursive: true, force: true });
  else console.log(dossier);
}

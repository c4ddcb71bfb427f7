import fs from 'node:fs';
import path from 'node:path';
import type { RapportImport } from '../../../shared/contract/registre';
import { fichierRejetsParDefaut, importerCsv, type ProgressionImport } from '../../registre';
import type { AjouterCommande } from './index';

/**
 * `registre import --db F fichier.csv`: the same import as the app (one transaction, rejects
 * file), run in this process. Progress on stderr, the report on stdout. Exit 0 even with
 * rejected rows (they are reported and written to the rejects file); non-zero when the file
 * cannot be imported at all (unreadable, damaged, unknown columns): then nothing was written.
 */
export const commandeImport: AjouterCommande = (programme) => {
  programme
    .command('import')
    .description('Importe un fichier CSV d’actes (UTF-8 ou Windows-1252, « ; » ou « , »)')
    .requiredOption('--db <fichier>', 'base de données du registre (créée si elle n’existe pas)')
    .option('--rejets <fichier>', 'fichier des lignes rejetées (par défaut : <nom>-rejets.csv à côté du CSV)')
    .option('--json', 'rapport complet en JSON')
    .argument('<fichier>', 'fichier CSV à importer')
    .action(async (fichier: string, options: { db: string; rejets?: string; json?: boolean }) => {
      if (!fs.existsSync(options.db)) process.stderr.write(`Nouvelle base créée : ${path.resolve(options.db)}\n`);
      const tty = process.stderr.isTTY === true;
      const afficher = (p: ProgressionImport) => {
        const pct = p.octetsTotal ? Math.floor((100 * p.octetsLus) / p.octetsTotal) : 100;
        const ligne = `Import : ${pct} % — ${nombre(p.lignesLues)} lignes lues, ${nombre(p.lignesRejetees)} rejetées`;
        process.stderr.write(tty ? `\r${ligne}` : `${ligne}\n`);
      };
      const rapport = await importerCsv(options.db, fichier, {
        fichierRejets: options.rejets ?? fichierRejetsParDefaut(fichier),
        onProgression: afficher,
        intervalleProgressionMs: tty ? 100 : 1000,
      });
      if (tty) process.stderr.write('\n');
      process.stdout.write(options.json ? `${JSON.stringify(rapport, null, 2)}\n` : resume(rapport));
    });
};

function nombre(n: number): string {
  return n.toLocaleString('fr-FR');
}

function resume(r: RapportImport): string {
  const lignes = [
    `Lignes lues : ${nombre(r.lignesLues)}`,
    `Actes ajoutés : ${nombre(r.actesAjoutes)}`,
    `Actes modifiés : ${nombre(r.actesModifies)}`,
    `Actes inchangés : ${nombre(r.actesInchanges)}`,
    `Lignes rejetées : ${nombre(r.lignesRejetees)}`,
    `Encodage : ${r.encodage}, séparateur « ${r.separateur} »`,
    `Durée : ${nombre(r.dureeMs)} ms`,
  ];
  if (r.fichierRejets) {
    lignes.push(`Fichier des rejets : ${r.fichierRejets}`);
    const premiers = r.rejets.slice(0, 20);
    lignes.push(...premiers.map((x) => `  ligne ${x.ligne}, ${x.colonne} : ${x.raison}`));
    if (r.lignesRejetees > premiers.length)
      lignes.push(`  … et ${nombre(r.lignesRejetees - premiers.length)} autres (voir le fichier des rejets)`);
  }
  return `${lignes.join('\n')}\n`;
}

import path from 'node:path';
import { erreurs } from '../../../shared/errors';
import { ouvrirBase } from '../../db/connexion';
import { remplirRegistre } from '../../registre/synthetique';
import type { AjouterCommande } from './index';

const MAX_ACTES = 10_000_000;

/**
 * `registre seed --db F --acts N [--seed S]`: fills a database with a synthetic register
 * (realistic, never real persons). Same seed, same register: seeding twice changes nothing.
 */
export const commandeSeed: AjouterCommande = (programme) => {
  programme
    .command('seed')
    .description('Remplit une base avec un registre synthétique (démonstration, essais, mesures)')
    .requiredOption('--db <fichier>', 'base de données du registre (créée si elle n’existe pas)')
    .requiredOption('--acts <nombre>', 'nombre d’actes à générer')
    .option('--seed <graine>', 'graine du hasard (même graine, même registre)', '1')
    .action((options: { db: string; acts: string; seed: string }) => {
      const actes = entier(options.acts, 'acts', 1, MAX_ACTES);
      const graine = entier(options.seed, 'seed', 0, 2 ** 31 - 1);
      const debut = performance.now();
      const db = ouvrirBase(options.db);
      try {
        const r = remplirRegistre(db, { actes, graine }, new Date().toISOString());
        const secondes = ((performance.now() - debut) / 1000).toFixed(1);
        process.stdout.write(
          `${nombre(r.ajoutes)} actes ajoutés, ${nombre(r.modifies)} modifiés, ${nombre(r.inchanges)} inchangés en ${secondes} s ` +
            `(${path.resolve(options.db)})\n`,
        );
      } finally {
        db.close();
      }
    });
};

function entier(texte: string, option: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(texte.trim()) || +texte < min || +texte > max) {
    throw erreurs.saisieInvalide(option, `--${option} attend un nombre entier entre ${nombre(min)} et ${nombre(max)}`);
  }
  return +texte;
}

function nombre(n: number): string {
  return n.toLocaleString('fr-FR');
}

import fs from 'node:fs';
import path from 'node:path';
import { erreurs } from '../../../shared/errors';
import { ouvrirBase, sauvegarder } from '../../db';
import type { AjouterCommande } from './index';

/**
 * `registre backup --db F --to G`: online copy of the database (consistent even while the app
 * writes), checked before it is reported. An existing file is never overwritten.
 */
export const commandeBackup: AjouterCommande = (programme) => {
  programme
    .command('backup')
    .description('Sauvegarde la base du registre (copie vérifiée)')
    .requiredOption('--db <fichier>', 'base de données du registre')
    .requiredOption('--to <fichier>', 'fichier de la sauvegarde (ne doit pas exister)')
    .action(async (options: { db: string; to: string }) => {
      if (!fs.existsSync(options.db)) throw erreurs.introuvable('Base de données', options.db);
      if (path.resolve(options.to) === path.resolve(options.db))
        throw erreurs.saisieInvalide('to', 'la sauvegarde doit être un autre fichier que la base');
      if (fs.existsSync(options.to)) {
        throw erreurs.conflit(
          `Le fichier « ${options.to} » existe déjà : choisissez un autre nom, il n’a pas été modifié.`,
        );
      }
      const db = ouvrirBase(options.db);
      try {
        const { chemin, octets } = await sauvegarder(db, options.to);
        process.stdout.write(
          `Sauvegarde écrite : ${path.resolve(chemin)} (${octets.toLocaleString('fr-FR')} octets)\n`,
        );
      } finally {
        db.close();
      }
    });
};

import fs from 'node:fs';
import path from 'node:path';
import { erreurs } from '../../../shared/errors';
import { ouvrirBase, type Base } from '../../db';
import { remplirRegistre } from '../../registre';
import type { AjouterCommande } from './index';

const MAX_ACTES = 10_000_000;

/**
 * `registre seed --db F --acts N [--seed S] [--ajouter]`: fills a database with a synthetic
 * register (realistic, never real persons). Same seed, same register.
 *
 * A synthetic register never touches a real one: a database that already holds acts is
 * refused (nothing written, exit code non-zero), unless it is a synthetic register this
 * command made (marked in its settings) AND `--ajouter` asks to add to it.
 */
const MARQUE = 'registre.synthetique';
export const commandeSeed: AjouterCommande = (programme) => {
  programme
    .command('seed')
    .description('Remplit une base avec un registre synthétique (démonstration, essais, mesures)')
    .requiredOption('--db <fichier>', 'base de données du registre (créée si elle n’existe pas)')
    .requiredOption('--acts <nombre>', 'nombre d’actes à générer')
    .option('--seed <graine>', 'graine du hasard (même graine, même registre)', '1')
    .option('--ajouter', 'compléter un registre synthétique déjà créé par cette commande (jamais un registre réel)')
    .action((options: { db: string; acts: string; seed: string; ajouter?: boolean }) => {
      const actes = entier(options.acts, 'acts', 1, MAX_ACTES);
      const graine = entier(options.seed, 'seed', 0, 2 ** 31 - 1);
      // Checked read-only first: a refused database is not even migrated.
      if (fs.existsSync(options.db)) verifierCible(options.db, options.ajouter === true);
      const debut = performance.now();
      const db = ouvrirBase(options.db);
      try {
        verifierCibleOuverte(db, options.ajouter === true);
        const horodatage = new Date().toISOString();
        if (!marque(db))
          db.prepare('INSERT INTO parametres (cle, valeur, modifie_le) VALUES (?, ?, ?)').run(
            MARQUE,
            JSON.stringify({ creeLe: horodatage, graine }),
            horodatage,
          );
        const r = remplirRegistre(db, { actes, graine }, horodatage);
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

function verifierCible(fichier: string, ajouter: boolean): void {
  let db: Base;
  try {
    db = ouvrirBase(fichier, { lectureSeule: true });
  } catch {
    throw erreurs.saisieInvalide(
      'db',
      `le fichier « ${path.basename(fichier).slice(0, 80)} » n’est pas une base Registre lisible : rien n’a été écrit`,
    );
  }
  try {
    verifierCibleOuverte(db, ajouter);
  } finally {
    db.close();
  }
}

function verifierCibleOuverte(db: Base, ajouter: boolean): void {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const nombreActes = tables.has('actes') ? (db.prepare('SELECT count(*) FROM actes').pluck().get() as number) : 0;
  if (nombreActes === 0) return;
  const synthetique = tables.has('parametres') && marque(db);
  if (!synthetique)
    throw erreurs.conflit(
      `Cette base contient déjà ${nombre(nombreActes)} acte(s) d’un registre qui n’a pas été créé par « registre seed » : un registre synthétique ne s’écrit jamais dans un registre réel. Rien n’a été écrit ; choisissez un nouveau fichier.`,
    );
  if (!ajouter)
    throw erreurs.conflit(
      `Cette base contient déjà un registre synthétique de ${nombre(nombreActes)} acte(s). Rien n’a été écrit ; ajoutez --ajouter pour le compléter, ou choisissez un nouveau fichier.`,
    );
}

function marque(db: Base): boolean {
  return db.prepare('SELECT 1 FROM parametres WHERE cle = ?').get(MARQUE) !== undefined;
}

function entier(texte: string, option: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(texte.trim()) || +texte < min || +texte > max) {
    throw erreurs.saisieInvalide(option, `--${option} attend un nombre entier entre ${nombre(min)} et ${nombre(max)}`);
  }
  return +texte;
}

function nombre(n: number): string {
  return n.toLocaleString('fr-FR');
}

import fs from 'node:fs';
import path from 'node:path';
import { SorteExtraitSchema, SortesExtrait } from '../../../shared/contract/registre';
import { erreurs } from '../../../shared/errors';
import { ouvrirBase } from '../../db';
import { horlogeSysteme } from '../../horloge';
import { DepotParametres } from '../../parametres';
import { delivrerExtrait, delivrerExtraitPdf } from '../../registre';
import type { AjouterCommande } from './index';

/**
 * `registre extract --db F --id ID --kind copie-integrale|avec-filiation|sans-filiation [--pdf f.pdf]`:
 * the text of the document on stdout, or the PDF written to a file. The commune's identity
 * comes from the database's settings, as in the app.
 */
export const commandeExtract: AjouterCommande = (programme) => {
  programme
    .command('extract')
    .description('Copie intégrale ou extrait d’un acte, en texte ou en PDF')
    .requiredOption('--db <fichier>', 'base de données du registre')
    .requiredOption('--id <id>', 'identifiant de l’acte')
    .requiredOption('--kind <sorte>', SortesExtrait.join(' | '))
    .option('--pdf <fichier>', 'écrit le document en PDF dans ce fichier')
    .action(async (options: { db: string; id: string; kind: string; pdf?: string }) => {
      if (!fs.existsSync(options.db)) throw erreurs.introuvable('Base de données', options.db);
      if (!/^[1-9]\d{0,15}$/.test(options.id))
        throw erreurs.saisieInvalide('id', 'identifiant d’acte attendu (entier positif)');
      const sorte = SorteExtraitSchema.safeParse(options.kind);
      if (!sorte.success) throw erreurs.saisieInvalide('kind', `sorte attendue : ${SortesExtrait.join(', ')}`);
      const db = ouvrirBase(options.db);
      try {
        const sources = { db, parametres: new DepotParametres(() => db, horlogeSysteme), horloge: horlogeSysteme };
        const id = Number(options.id);
        if (options.pdf) {
          const { octets } = await delivrerExtraitPdf(sources, id, sorte.data);
          fs.mkdirSync(path.dirname(path.resolve(options.pdf)), { recursive: true });
          fs.writeFileSync(options.pdf, octets);
          process.stdout.write(`PDF écrit : ${path.resolve(options.pdf)}\n`);
        } else {
          process.stdout.write(delivrerExtrait(sources, id, sorte.data).texte);
        }
      } finally {
        db.close();
      }
    });
};

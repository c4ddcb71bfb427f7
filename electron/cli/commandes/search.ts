import fs from 'node:fs';
import type { ResultatRecherche } from '../../../shared/contract/registre';
import { TypeActeSchema, TypesActe } from '../../../shared/domain/acte';
import { erreurs } from '../../../shared/errors';
import { libelleRole, libelleTypeActe } from '../../../shared/labels.fr';
import { ouvrirBase } from '../../db';
import { appels } from '../../../shared/contract';
import { reconstruireTermesEnAttente, rechercherDans } from '../../registre';
import type { AjouterCommande } from './index';

/**
 * `registre search --db F [--json] "requête"`: the app's search box from a terminal. With
 * --json, an array of {id, type, annee, numero, dateEvenement, persons, score, correspondance}.
 */
export const commandeSearch: AjouterCommande = (programme) => {
  programme
    .command('search')
    .description('Cherche dans le registre : noms, prénoms, parents, dates, type d’acte, « 1987/42 »')
    .requiredOption('--db <fichier>', 'base de données du registre')
    .option('--json', 'résultats en JSON')
    .option('--limit <nombre>', 'nombre de résultats au plus (1 à 500)', '20')
    .option('--type <type>', TypesActe.join(' | '))
    .argument('<requete>', 'texte cherché, comme dans la barre de recherche')
    .action((requete: string, options: { db: string; json?: boolean; limit: string; type?: string }) => {
      if (!fs.existsSync(options.db)) throw erreurs.introuvable('Base de données', options.db);
      const limite = Number(options.limit);
      if (!Number.isInteger(limite) || limite < 1 || limite > 500)
        throw erreurs.saisieInvalide('limit', '--limit attend un entier de 1 à 500');
      const type = options.type === undefined ? undefined : TypeActeSchema.safeParse(options.type);
      if (type && !type.success) throw erreurs.saisieInvalide('type', `type attendu : ${TypesActe.join(', ')}`);
      if (requete.length > 300) throw erreurs.saisieInvalide('requete', 'requête trop longue (300 caractères au plus)');
      // The very call the Registre screen makes (same input schema, same service): one search,
      // one answer, whichever door. The text is passed as typed, like the search box's.
      const demande = appels['registre.rechercher'].entree.parse({ texte: requete, limite, type: type?.data });
      const db = ouvrirBase(options.db);
      // A register from before migration 0015 gets its place tokens first (done once).
      reconstruireTermesEnAttente(db);
      try {
        const { resultats, dureeMs } = rechercherDans(db, demande);
        if (options.json) process.stdout.write(`${JSON.stringify(resultats.map(versJson))}\n`);
        else process.stdout.write(tableau(resultats, dureeMs));
      } finally {
        db.close();
      }
    });
};

function versJson(r: ResultatRecherche) {
  return {
    id: r.id,
    type: r.type,
    annee: r.annee,
    numero: r.numero,
    dateEvenement: r.dateEvenement,
    persons: r.personnes,
    score: r.score,
    correspondance: r.correspondance,
  };
}

function tableau(resultats: ResultatRecherche[], dureeMs: number): string {
  if (resultats.length === 0) return `Aucun acte trouvé (${dureeMs.toFixed(1)} ms).\n`;
  const lignes = resultats.map((r) => [
    String(r.id),
    libelleTypeActe[r.type],
    `${r.annee}/${r.numero}`,
    r.dateEvenement ? r.dateEvenement.split('-').reverse().join('/') : '',
    r.correspondance ?? '',
    r.score.toFixed(1),
    r.indexe
      ? r.personnes.map((p) => `${libelleRole[p.role]} : ${p.nom} ${p.prenoms.join(', ')}`.trim()).join(' ; ')
      : '(non indexé)',
  ]);
  const entete = ['Id', 'Type', 'Acte', 'Date', 'Correspondance', 'Score', 'Personnes'];
  const largeurs = entete.slice(0, -1).map((e, i) => Math.max(e.length, ...lignes.map((l) => l[i].length)));
  const formater = (l: string[]) => l.map((c, i) => (i < largeurs.length ? c.padEnd(largeurs[i]) : c)).join('  ');
  return `${[formater(entete), ...lignes.map(formater)].join('\n')}\n${resultats.length} acte(s) en ${dureeMs.toFixed(1)} ms.\n`;
}

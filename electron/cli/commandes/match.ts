import fs from 'node:fs';
import type { Candidat, ResultatRapprochement } from '../../../shared/domain/correspondance';
import { libelleIssue, libelleNature, libelleVerdict } from '../../../shared/domain/correspondance';
import { erreurs } from '../../../shared/errors';
import { libelleTypeActe } from '../../../shared/labels.fr';
import { lireDemande, type Demande } from '../../comedec';
import { ouvrirBase } from '../../db';
import { Rapprocheur } from '../../demandes';
import { horlogeSysteme } from '../../horloge';
import { reconstruireTermesEnAttente } from '../../registre';
import type { AjouterCommande } from './index';

/** Requests are small documents; anything bigger is not one (the parser has its own bound too). */
const TAILLE_MAX_DEMANDE = 1024 * 1024;

/**
 * `registre match --db F --request demande.xml [--json]`: matches one COMEDEC request (format
 * version 2 or 1) with the register, as the app does when requests arrive: the candidate
 * acts with their score and field-by-field comparison, and the outcome (sûr, à vérifier,
 * aucun) explained. With --json: {demande, issue, explication, candidats, dureeMs}.
 */
export const commandeMatch: AjouterCommande = (programme) => {
  programme
    .command('match')
    .description(
      'Rapproche une demande COMEDEC (XML) du registre : actes candidats, comparaison champ par champ, issue',
    )
    .requiredOption('--db <fichier>', 'base de données du registre')
    .requiredOption('--request <fichier>', 'demande COMEDEC (XML, version 1 ou 2)')
    .option('--json', 'résultat en JSON')
    .action((options: { db: string; request: string; json?: boolean }) => {
      if (!fs.existsSync(options.db)) throw erreurs.introuvable('Base de données', options.db);
      const demande = lireFichierDemande(options.request);
      const db = ouvrirBase(options.db);
      // A register from before migration 0015 gets its place tokens first (done once).
      reconstruireTermesEnAttente(db);
      try {
        const { resultat, dureeMs } = new Rapprocheur(db, horlogeSysteme).rapprocher(demande);
        if (options.json) process.stdout.write(`${JSON.stringify(versJson(demande, resultat, dureeMs))}\n`);
        else process.stdout.write(texte(demande, resultat, dureeMs));
      } finally {
        db.close();
      }
    });
};

function lireFichierDemande(fichier: string): Demande {
  if (!fs.existsSync(fichier) || !fs.statSync(fichier).isFile())
    throw erreurs.introuvable('Fichier de demande', fichier);
  if (fs.statSync(fichier).size > TAILLE_MAX_DEMANDE)
    throw erreurs.saisieInvalide('request', 'fichier trop volumineux pour une demande COMEDEC (1 Mio au plus)');
  return lireDemande(fs.readFileSync(fichier));
}

function versJson(d: Demande, r: ResultatRapprochement, dureeMs: number) {
  return {
    demande: { id: d.id, version: d.version, typeActe: d.typeActe, specimen: d.specimen },
    issue: r.issue,
    explication: r.explication,
    candidats: r.candidats,
    dureeMs: Math.round(dureeMs * 100) / 100,
  };
}

function texte(d: Demande, r: ResultatRapprochement, dureeMs: number): string {
  const lignes = [
    `Demande ${d.id} (${libelleTypeActe[d.typeActe].toLowerCase()}, format v${d.version}) : ${libelleIssue[r.issue]}`,
    r.explication,
    ...r.candidats.flatMap(candidat),
    `Rapprochement en ${dureeMs.toFixed(1)} ms.`,
  ];
  return `${lignes.join('\n')}\n`;
}

function candidat(c: Candidat): string[] {
  const entete = `\n${libelleTypeActe[c.type]} ${c.annee}/${c.numero} (acte ${c.acteId}) — score ${c.score}${c.concordant ? ', concordant' : ''}`;
  const largeur = Math.max(...c.comparaisons.map((x) => x.libelle.length));
  return [
    entete,
    ...c.comparaisons.map((x) => {
      const verdict =
        x.verdict === 'variante'
          ? `variante (${x.natures.map((n) => libelleNature[n]).join(', ')})`
          : libelleVerdict[x.verdict];
      return `  ${x.libelle.padEnd(largeur)}  ${(x.demande ?? '—').padEnd(28)}  ${(x.registre ?? '—').padEnd(28)}  ${verdict}`;
    }),
  ];
}

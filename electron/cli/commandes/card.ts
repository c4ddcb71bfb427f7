import fs from 'node:fs';
import path from 'node:path';
import { erreurs } from '../../../shared/errors';
import type { AjouterCommande } from './index';

const ETATS_PIN = {
  normal: 'normal',
  essais_bas: 'peu d’essais restants',
  dernier_essai: 'DERNIER ESSAI',
  bloque: 'BLOQUÉ',
} as const;
const USAGES = {
  authentification: 'authentification',
  signature: 'signature',
  autorite: 'autorité',
  autre: 'autre',
} as const;

/**
 * `registre card list [--export DIR]`: readers, cards and their certificates (public objects,
 * no PIN asked); `--export` also writes each certificate as PEM (`<carte>-<usage>-<série>.pem`),
 * never over an existing file.
 */
export const commandeCard: AjouterCommande = (programme) => {
  const card = programme.command('card').description('Carte agent (PKCS#11)');
  card
    .command('list')
    .description('Lecteurs, cartes et certificats (sans code PIN)')
    .option(
      '--bibliotheque <chemin>',
      'bibliothèque PKCS#11 (sinon REGISTRE_PKCS11, sinon la table des bibliothèques connues)',
    )
    .option('--json', 'sortie JSON')
    .option('--export <dossier>', 'écrit aussi chaque certificat en PEM dans ce dossier')
    .action(async (options: { bibliotheque?: string; json?: boolean; export?: string }) => {
      // Loaded on use: the card stack (x509, xadesjs) stays out of the other commands' start.
      const { avertissements, decrireCertificat } = await import('../../signature');
      const { serviceCarteCli } = await import('../carte-outils');
      const service = serviceCarteCli(options.bibliotheque);
      const etat = service.rafraichir();
      if (!etat.bibliotheques.some((b) => b.chargee)) {
        throw erreurs.carteInconnue(
          etat.bibliotheques.length
            ? etat.bibliotheques.map((b) => `${b.chemin} : ${b.erreur}`).join(' ; ')
            : 'aucune bibliothèque PKCS#11 trouvée',
        );
      }
      const { versPem } = await import('../../signature');
      const maintenant = new Date();
      const exportes: string[] = [];
      const resultat = etat.lecteurs.map((l) => {
        const lus = l.carte ? service.certificatsPublics(l.carte.id) : [];
        const certificats = lus.map((c) => decrireCertificat(c, maintenant));
        if (options.export && l.carte) {
          fs.mkdirSync(options.export, { recursive: true });
          lus.forEach((c, i) => {
            const nom = `${l.carte!.label}-${certificats[i].usage}-${certificats[i].serie}`
              .replace(/[^A-Za-z0-9._-]+/g, '_')
              .slice(0, 120);
            const fichier = path.join(options.export!, `${nom}.pem`);
            try {
              fs.writeFileSync(fichier, versPem(c), { flag: 'wx' });
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code === 'EEXIST')
                throw erreurs.conflit(`Le fichier « ${fichier} » existe déjà : il n’a pas été modifié.`);
              throw e;
            }
            exportes.push(fichier);
          });
        }
        return {
          lecteur: l.nom,
          bibliotheque: l.bibliotheque,
          carte: l.carte,
          certificats,
          avertissements: avertissements(certificats),
        };
      });
      service.arreter();
      if (exportes.length)
        process.stderr.write(
          `${exportes.length} certificat(s) exporté(s) en PEM dans ${path.resolve(options.export!)}\n`,
        );
      if (options.json) {
        process.stdout.write(`${JSON.stringify(resultat, null, 2)}\n`);
        return;
      }
      if (resultat.length === 0) process.stdout.write('Aucun lecteur.\n');
      for (const r of resultat) {
        process.stdout.write(`Lecteur « ${r.lecteur} » (${r.bibliotheque})\n`);
        if (!r.carte) {
          process.stdout.write('  aucune carte\n');
          continue;
        }
        process.stdout.write(
          `  carte ${r.carte.label} — ${r.carte.fabricant} ${r.carte.modele}, n° ${r.carte.serie}, PIN : ${ETATS_PIN[r.carte.etatPin]}\n`,
        );
        for (const c of r.certificats) {
          process.stdout.write(
            `  - ${USAGES[c.usage]} : ${c.titulaire}${c.organisation ? ` (${c.organisation})` : ''}, émis par ${c.emetteur}, ` +
              `série ${c.serie}, valide du ${new Date(c.debut).toLocaleDateString('fr-FR')} au ${new Date(c.fin).toLocaleDateString('fr-FR')}` +
              `${c.validite === 'valide' ? '' : ` [${c.validite.replace(/_/g, ' ')}]`}\n`,
          );
        }
        for (const a of r.avertissements) process.stdout.write(`  ! ${a}\n`);
      }
    });
};

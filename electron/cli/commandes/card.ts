import { erreurs } from '../../../shared/errors';
import type { AjouterCommande } from './index';

const ETATS_PIN = { normal: 'normal', essais_bas: 'peu d’essais restants', dernier_essai: 'DERNIER ESSAI', bloque: 'BLOQUÉ' } as const;
const USAGES = { authentification: 'authentification', signature: 'signature', autorite: 'autorité', autre: 'autre' } as const;

/**
 * `registre card list`: readers, cards and their certificates (public objects, no PIN asked).
 */
export const commandeCard: AjouterCommande = (programme) => {
  const card = programme.command('card').description('Carte agent (PKCS#11)');
  card
    .command('list')
    .description('Lecteurs, cartes et certificats (sans code PIN)')
    .option('--bibliotheque <chemin>', 'bibliothèque PKCS#11 (sinon REGISTRE_PKCS11, sinon la table des bibliothèques connues)')
    .option('--json', 'sortie JSON')
    .action(async (options: { bibliotheque?: string; json?: boolean }) => {
      // Loaded on use: the card stack (x509, xadesjs) stays out of the other commands' start.
      const { avertissements, decrireCertificat } = await import('../../signature/description');
      const { serviceCarteCli } = await import('../carte-outils');
      const service = serviceCarteCli(options.bibliotheque);
      const etat = service.rafraichir();
      if (!etat.bibliotheques.some((b) => b.chargee)) {
        throw erreurs.carteInconnue(
          etat.bibliotheques.length ? etat.bibliotheques.map((b) => `${b.chemin} : ${b.erreur}`).join(' ; ') : 'aucune bibliothèque PKCS#11 trouvée',
        );
      }
      const maintenant = new Date();
      const resultat = etat.lecteurs.map((l) => {
        const certificats = l.carte ? service.certificatsPublics(l.carte.id).map((c) => decrireCertificat(c, maintenant)) : [];
        return { lecteur: l.nom, bibliotheque: l.bibliotheque, carte: l.carte, certificats, avertissements: avertissements(certificats) };
      });
      service.arreter();
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
        process.stdout.write(`  carte ${r.carte.label} — ${r.carte.fabricant} ${r.carte.modele}, n° ${r.carte.serie}, PIN : ${ETATS_PIN[r.carte.etatPin]}\n`);
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

import fs from 'node:fs';
import { erreurs } from '../../../shared/errors';
import type { AjouterCommande } from './index';

/**
 * `registre verify signed.xml --ca ca.pem`: exit 0 only when the signature is valid (value,
 * digests, chain to the given CA, validity at signing time, signature key usage); otherwise
 * the reason on stderr and a non-zero exit.
 */
export const commandeVerify: AjouterCommande = (programme) => {
  programme
    .command('verify')
    .description('Vérifie la signature XAdES d’un document')
    .argument('<fichier>', 'document signé')
    .requiredOption('--ca <fichier>', 'certificat(s) d’autorité de confiance (PEM)')
    .option('--racine <nom>', 'élément racine attendu (nom local), ex. Reponse')
    .option('--espace-noms <uri>', 'espace de noms de l’élément racine attendu')
    .option('--formation', 'accepter une signature de la carte de formation')
    .action(
      async (fichier: string, options: { ca: string; racine?: string; espaceNoms?: string; formation?: boolean }) => {
        for (const f of [fichier, options.ca]) if (!fs.existsSync(f)) throw erreurs.introuvable('Fichier', f);
        // Loaded on use: the card stack stays out of the other commands' start.
        const { Confiance, verifierXades } = await import('../../signature');
        const confiance = Confiance.depuisPem(fs.readFileSync(options.ca, 'utf8'));
        if (confiance.vide) throw erreurs.saisieInvalide('ca', 'aucun certificat PEM dans ce fichier');
        const r = await verifierXades(fs.readFileSync(fichier, 'utf8'), {
          confiance,
          racineAttendue: options.racine
            ? { nomLocal: options.racine, espaceNoms: options.espaceNoms ?? null }
            : undefined,
          accepterFormation: options.formation === true,
        });
        process.stdout.write(
          `Signature valide : ${r.signataire.titulaire}${r.signataire.organisation ? ` (${r.signataire.organisation})` : ''}, ` +
            `signé le ${r.horodatage.toISOString()}, certificat n° ${r.signataire.serie} émis par ${r.signataire.emetteur}\n`,
        );
      },
    );
};

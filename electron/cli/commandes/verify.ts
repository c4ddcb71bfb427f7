import fs from 'node:fs';
import { citer } from '../../../shared/citation';
import { erreurs } from '../../../shared/errors';
import type { AjouterCommande } from './index';

interface OptionsVerify {
  ca: string;
  racine?: string;
  espaceNoms?: string;
  formation?: boolean;
  recuLe?: string;
}

/** `--recu-le`: an ISO 8601 instant with its offset (the day alone would be ambiguous by hours). */
function lireInstant(texte: string): Date {
  const d = new Date(texte);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(texte) || Number.isNaN(d.getTime()))
    throw erreurs.saisieInvalide(
      'recu-le',
      `date de réception illisible (« ${citer(texte)} ») : attendu 2026-03-01T09:30:00Z`,
    );
  return d;
}

/**
 * `registre verify signed.xml --ca ca.pem [--racine reponse [--espace-noms URI]] [--recu-le T]`:
 * exit 0 only when the signature is valid under the verification policy (docs/signature.md);
 * otherwise the reason on stderr and a non-zero exit. The expected kind of document is always
 * checked: without --racine it is the one the root names, printed with the result so that a
 * signed request is never read as "a valid answer".
 */
export const commandeVerify: AjouterCommande = (programme) => {
  programme
    .command('verify')
    .description('Vérifie la signature XAdES d’un document')
    .argument('<fichier>', 'document signé')
    .requiredOption('--ca <fichier>', 'certificat(s) d’autorité de confiance (PEM)')
    .option('--racine <nom>', 'type de document attendu : nom local de l’élément racine, ex. reponse')
    .option('--espace-noms <uri>', 'espace de noms de l’élément racine attendu (par défaut, celui du document)')
    .option('--recu-le <date>', 'date de réception du document (ISO 8601), par défaut maintenant')
    .option('--formation', 'accepter une signature de la carte de formation')
    .action(async (fichier: string, options: OptionsVerify) => {
      for (const f of [fichier, options.ca]) if (!fs.existsSync(f)) throw erreurs.introuvable('Fichier', f);
      const maintenant = options.recuLe ? lireInstant(options.recuLe) : new Date();
      // Loaded on use: the card stack stays out of the other commands' start.
      const { Confiance, racineDocument, verifierXades } = await import('../../signature');
      const confiance = Confiance.depuisPem(fs.readFileSync(options.ca, 'utf8'));
      if (confiance.vide) throw erreurs.saisieInvalide('ca', 'aucun certificat PEM dans ce fichier');
      const xml = fs.readFileSync(fichier, 'utf8');
      const lue = options.racine && options.espaceNoms !== undefined ? null : racineDocument(xml);
      const racineAttendue = {
        nomLocal: options.racine ?? lue!.nomLocal,
        espaceNoms: options.espaceNoms ?? lue!.espaceNoms,
      };
      const r = await verifierXades(xml, {
        confiance,
        racineAttendue,
        maintenant,
        accepterFormation: options.formation === true,
      });
      const s = r.signataire;
      process.stdout.write(
        `Signature valide : ${citer(s.titulaire, 80)}${s.organisation ? ` (${citer(s.organisation, 80)})` : ''}, ` +
          `signé le ${r.horodatage.toISOString()}, certificat n° ${citer(s.serie, 80)} émis par ${citer(s.emetteur, 80)}\n` +
          `Document : « ${citer(racineAttendue.nomLocal)} »` +
          `${racineAttendue.espaceNoms ? ` (espace de noms ${citer(racineAttendue.espaceNoms, 80)})` : ''}` +
          `${options.racine ? '' : ', type lu sur la racine du document (précisez --racine pour l’exiger)'}\n`,
      );
    });
};

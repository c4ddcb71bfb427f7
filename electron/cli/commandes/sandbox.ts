import { erreurs } from '../../../shared/errors';
// The sandbox's launcher comes through the composition root: electron/ never imports the sandbox itself.
import { BASE_PAR_DEFAUT, lancerDemo, lancerPlateforme, PORT_PAR_DEFAUT } from '../../app';
import type { AjouterCommande } from './index';

/**
 * `registre sandbox`: starts the COMEDEC sandbox platform (docs/plateforme-bac-a-sable.md) and
 * prints its URL and admin token; runs until Ctrl+C. `--demo` also provisions the test cards,
 * registers the commune and its officers, generates a day of requests and says what to do next.
 */
export const commandeSandbox: AjouterCommande = (programme) => {
  programme
    .command('sandbox')
    .description('Démarre la plateforme COMEDEC bac à sable (essais, test de connexion, formation)')
    .option('--port <n>', 'port sur 127.0.0.1 (0 : un port libre)', String(PORT_PAR_DEFAUT))
    .option('--base <fichier>', 'base SQLite de la plateforme', BASE_PAR_DEFAUT)
    .option(
      '--ancre <ca.pem>',
      'ancre de confiance des cartes agents (répétable)',
      (v: string, prec: string[]) => [...prec, v],
      [] as string[],
    )
    .option('--formation', 'plateforme de formation (cartes de formation seulement)', false)
    .option('--taille-max <octets>', 'taille maximale d’un document')
    .option('--json', 'une ligne JSON sur la sortie standard', false)
    .option(
      '--demo [dossier]',
      'tout pour essayer : cartes d’essai SoftHSM2 (dans le dossier, par défaut ./cartes-essai), commune et officiers inscrits, une journée de demandes ; affiche la suite',
    )
    .option('--demandes <n>', 'avec --demo : nombre de demandes générées', '12')
    .action(
      async (o: {
        port: string;
        base: string;
        ancre: string[];
        formation: boolean;
        tailleMax?: string;
        json: boolean;
        demo?: string | true;
        demandes: string;
      }) => {
        const port = Number(o.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw erreurs.saisieInvalide('port', `port invalide : ${o.port}`);
        if (o.demo !== undefined) {
          const demandes = Number(o.demandes);
          if (!Number.isInteger(demandes) || demandes < 0 || demandes > 1000)
            throw erreurs.saisieInvalide('demandes', '--demandes attend un entier de 0 à 1 000');
          if (o.formation || o.ancre.length)
            throw erreurs.saisieInvalide(
              'demo',
              '--demo prépare ses propres cartes et son ancre : sans --formation ni --ancre',
            );
          await lancerDemo({
            dossierCartes: o.demo === true ? 'cartes-essai' : o.demo,
            port,
            base: o.base,
            demandes,
            json: o.json,
          });
          await new Promise<never>(() => undefined);
        }
        const tailleMax = o.tailleMax === undefined ? undefined : Number(o.tailleMax);
        if (tailleMax !== undefined && !(Number.isInteger(tailleMax) && tailleMax > 0))
          throw erreurs.saisieInvalide('taille-max', 'nombre d’octets attendu');
        await lancerPlateforme({
          port,
          base: o.base,
          ancres: o.ancre,
          formation: o.formation,
          tailleMax,
          json: o.json,
        });
        // Keep the process alive until Ctrl+C (the server holds the event loop).
        await new Promise<never>(() => undefined);
      },
    );
};

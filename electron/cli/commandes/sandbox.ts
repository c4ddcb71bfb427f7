import { erreurs } from '../../../shared/errors';
import { BASE_PAR_DEFAUT, lancerPlateforme, PORT_PAR_DEFAUT } from '../../../sandbox/lanceur';
import type { AjouterCommande } from './index';

/**
 * `registre sandbox`: starts the COMEDEC sandbox platform (docs/plateforme-bac-a-sable.md) and
 * prints its URL and admin token; runs until Ctrl+C.
 */
export const commandeSandbox: AjouterCommande = (programme) => {
  programme
    .command('sandbox')
    .description('Démarre la plateforme COMEDEC bac à sable (essais, test de connexion, formation)')
    .option('--port <n>', 'port sur 127.0.0.1 (0 : un port libre)', String(PORT_PAR_DEFAUT))
    .option('--base <fichier>', 'base SQLite de la plateforme', BASE_PAR_DEFAUT)
    .option('--ancre <ca.pem>', 'ancre de confiance des cartes agents (répétable)', (v: string, prec: string[]) => [...prec, v], [] as string[])
    .option('--formation', 'plateforme de formation (cartes de formation seulement)', false)
    .option('--taille-max <octets>', 'taille maximale d’un document')
    .option('--json', 'une ligne JSON sur la sortie standard', false)
    .action(async (o: { port: string; base: string; ancre: string[]; formation: boolean; tailleMax?: string; json: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw erreurs.saisieInvalide('port', `port invalide : ${o.port}`);
      const tailleMax = o.tailleMax === undefined ? undefined : Number(o.tailleMax);
      if (tailleMax !== undefined && !(Number.isInteger(tailleMax) && tailleMax > 0)) throw erreurs.saisieInvalide('taille-max', 'nombre d’octets attendu');
      await lancerPlateforme({ port, base: o.base, ancres: o.ancre, formation: o.formation, tailleMax, json: o.json });
      // Keep the process alive until Ctrl+C (the server holds the event loop).
      await new Promise<never>(() => undefined);
    });
};

import fs from 'node:fs';
import path from 'node:path';
import { erreurs, RegistreError } from '../../../shared/errors';
import { prebalayerXml } from '../../../shared/xml/prebalayage';
import type { AjouterCommande } from './index';

/**
 * `registre sign --in answer.xml --out signed.xml`: XAdES-BES enveloped signature with the
 * card's signature key. PIN typed without echo, or read from standard input with --pin-stdin
 * (scripts); REGISTRE_PIN is for test automation only (readable in /proc/<pid>/environ).
 */
export const commandeSign: AjouterCommande = (programme) => {
  programme
    .command('sign')
    .description('Signe un document XML avec la carte (XAdES-BES enveloppée)')
    .requiredOption('--in <fichier>', 'document XML à signer')
    .requiredOption('--out <fichier>', 'document signé à écrire (ne doit pas exister)')
    .option('--carte <label>', 'libellé de la carte, s’il y en a plusieurs')
    .option('--bibliotheque <chemin>', 'bibliothèque PKCS#11 (sinon REGISTRE_PKCS11, sinon la table)')
    .option('--pin-stdin', 'lire le code PIN sur l’entrée standard (première ligne), pour les scripts')
    .action(async (options: { in: string; out: string; carte?: string; bibliotheque?: string; pinStdin?: boolean }) => {
      if (!fs.existsSync(options.in)) throw erreurs.introuvable('Fichier', options.in);
      if (fs.existsSync(options.out))
        throw erreurs.conflit(`Le fichier « ${options.out} » existe déjà : il n’a pas été modifié.`);
      const xml = fs.readFileSync(options.in, 'utf8');
      // Before the card and the PIN: a document the signer would refuse (too deep, a DTD, a PI
      // outside the root…) is refused at once, with its reason, and no PIN is typed for nothing.
      try {
        prebalayerXml(xml);
      } catch (e) {
        // Named as a document refusal, so the exit code is that of a refused document (3).
        if (e instanceof RegistreError)
          throw new RegistreError(e.code, e.message, { ...e.details, document: 'document' });
        throw e;
      }
      // Loaded on use: the card stack stays out of the other commands' start.
      const { lirePinTerminal } = await import('../../signature');
      const { serviceCarteCli } = await import('../carte-outils');
      const service = serviceCarteCli(options.bibliotheque);
      try {
        const cartes = service.rafraichir().lecteurs.flatMap((l) => (l.carte ? [l.carte] : []));
        const choisies = options.carte ? cartes.filter((c) => c.label === options.carte) : cartes;
        if (choisies.length === 0) throw erreurs.carteAbsente();
        if (choisies.length > 1) {
          throw erreurs.saisieInvalide(
            'carte',
            `plusieurs cartes présentes (${choisies.map((c) => c.label).join(', ')}) : précisez --carte`,
          );
        }
        const carte = choisies[0];
        const pin =
          carte.pinRequis && !carte.cheminProtege
            ? await lirePinTerminal(undefined, { stdin: options.pinStdin === true })
            : null;
        try {
          await service.connecter(carte.id, pin);
          const signateur = service.signataire(pin);
          const signe = await signateur.signer(xml, { horodatage: new Date() });
          fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
          fs.writeFileSync(options.out, signe, { flag: 'wx' });
          process.stdout.write(
            `Document signé : ${path.resolve(options.out)} (certificat de ${signateur.signataire.certificat.titulaire})\n`,
          );
        } finally {
          pin?.effacer();
        }
      } finally {
        service.arreter();
      }
    });
};

import fs from 'node:fs';
import path from 'node:path';
import { erreurs, RegistreError } from '../../../shared/errors';
import { prebalayerXml } from '../../../shared/xml/prebalayage';
import type { ServiceAnnuaire } from '../../annuaire';
import { ouvrirBase } from '../../db';
import { horlogeSysteme } from '../../horloge';
import { baseApplication } from '../base-application';
import type { AjouterCommande } from './index';

/**
 * `registre sign --in answer.xml --out signed.xml`: XAdES-BES enveloped signature with the
 * card's signature key. PIN typed without echo, or read from standard input with --pin-stdin
 * (scripts); REGISTRE_PIN is for test automation only (readable in /proc/<pid>/environ).
 *
 * The right to sign is the app's (electron/annuaire, wired by the same `brancherAnnuaire`): once
 * the register's directory of agents exists, the card must be a registered card in service of an
 * active officer with a current delegation, checked before the PIN is asked, then again by the
 * signing gate. The register: --db, else the app's own database; without a directory (first
 * start, or no database), it signs as before and says so.
 */
export const commandeSign: AjouterCommande = (programme) => {
  programme
    .command('sign')
    .description('Signe un document XML avec la carte (XAdES-BES enveloppée)')
    .requiredOption('--in <fichier>', 'document XML à signer')
    .requiredOption('--out <fichier>', 'document signé à écrire (ne doit pas exister)')
    .option('--carte <label>', 'libellé de la carte, s’il y en a plusieurs')
    .option(
      '--db <fichier>',
      'base du registre dont l’annuaire des agents dit qui peut signer (sinon celle de l’application)',
    )
    .option('--bibliotheque <chemin>', 'bibliothèque PKCS#11 (sinon REGISTRE_PKCS11, sinon la table)')
    .option('--pin-stdin', 'lire le code PIN sur l’entrée standard (première ligne), pour les scripts')
    .action(
      async (options: {
        in: string;
        out: string;
        carte?: string;
        db?: string;
        bibliotheque?: string;
        pinStdin?: boolean;
      }) => {
        if (!fs.existsSync(options.in)) throw erreurs.introuvable('Fichier', options.in);
        if (options.db !== undefined && !fs.existsSync(options.db))
          throw erreurs.introuvable('Base de données', options.db);
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
        const { brancherAnnuaire } = await import('../../annuaire');
        const fichierBase = options.db ?? baseApplication();
        const db = fichierBase ? ouvrirBase(fichierBase) : null;
        const service = serviceCarteCli(options.bibliotheque);
        try {
          // The app's gate on this card service: refused by the directory here as in the app.
          const annuaire = db ? brancherAnnuaire(service, { db: () => db, horloge: horlogeSysteme }) : null;
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
          // Before the PIN: a card the directory does not let sign is refused without a try spent.
          annuaire?.verifierSignataire(carte.id);
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
            process.stdout.write(`${droitVerifie(annuaire, fichierBase)}\n`);
          } finally {
            pin?.effacer();
          }
        } finally {
          service.arreter();
          db?.close();
        }
      },
    );
};

/** What was checked, said after the signature: the directory's word, or why there was none. */
function droitVerifie(annuaire: ServiceAnnuaire | null, fichierBase: string | null): string {
  if (!fichierBase || !annuaire)
    return 'Droit de signer non vérifié : aucune base de Registre trouvée (précisez --db), donc pas d’annuaire des agents.';
  const etat = annuaire.etat();
  if (!etat.existe)
    return `Droit de signer non vérifié : la base ${path.resolve(fichierBase)} n’a pas encore d’annuaire des agents (premier démarrage).`;
  return `Droit de signer vérifié dans l’annuaire des agents (${path.resolve(fichierBase)}) : ${etat.poste.agent?.nomComplet}, officier de l’état civil, délégation en cours.`;
}

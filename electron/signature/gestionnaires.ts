import path from 'node:path';
import type { RapportVerification } from '../../shared/contract/carte';
import { libellePlateforme } from '../../shared/contract/parametres';
import { erreurs, RegistreError } from '../../shared/errors';
import type { Gestionnaires } from '../contrat';
import type { ContexteApp } from '../contexte';
import { journal } from '../journal';
import { chargerBibliotheque } from './liaison';
import { DepotSignature } from './depot-signature';
import { decrireCertificat } from './description';
import { signerLot } from './lot';
import { confianceDe, ecrireParametresCarte, lireParametresCarte, resumeConfiance } from './parametres-carte';
import { avecPin } from './pin';
import { ServiceCarte } from './service-carte';
import { verifierXades } from './xades-verifier';

type NomsCarte = Extract<keyof Gestionnaires, `carte.${string}` | `signature.${string}`>;

export interface Carte {
  readonly gestionnaires: Pick<Gestionnaires, NomsCarte>;
  readonly service: ServiceCarte;
  /** Stops the card poller and ends the session (app shutdown). */
  arreter(): void;
}

/**
 * Handlers of the card area. PINs arrive in the call's input: each handler copies the PIN into
 * a buffer (`avecPin`), uses it, and overwrites it in `finally`, whatever happens; errors carry
 * no PIN (the dispatcher logs the call name and error code only).
 */
export function gestionnairesCarte(ctx: ContexteApp): Carte {
  const parametres = () => lireParametresCarte(ctx.parametres);
  const service = new ServiceCarte({
    horloge: ctx.horloge,
    parametres,
    dossierFormation: path.join(ctx.dossierDonnees, 'formation'),
    emettre: (nom, charge) => ctx.bus.emettre(nom, charge),
    environnement: process.env.REGISTRE_PKCS11 ?? null,
  });
  const depotBrut = new DepotSignature(() => ctx.db(), ctx.horloge);
  let repris = false;
  // Before the first batch call of this process: batches a crash left `en_cours` go back to pending.
  const depot = () => {
    if (!repris) {
      const r = depotBrut.reprendre();
      repris = true;
      if (r.documents) journal.avertir('signatures interrompues reprises', { documents: r.documents, lots: r.lots });
    }
    return depotBrut;
  };

  // The poller starts with the first card call (an app that never shows the card never loads a library).
  const actif = () => {
    service.demarrerSurveillance();
    return service;
  };
  const caFormation = () => (service.formation.existe() ? service.formation.caPem() : null);
  const vueParametres = () => {
    const p = parametres();
    return { ...p, confiance: resumeConfiance(p) };
  };

  const gestionnaires: Pick<Gestionnaires, NomsCarte> = {
    'carte.etat': () => actif().rafraichir(),
    'carte.connecter': ({ jetonId, pin }) => avecPin(pin, (p) => actif().connecter(jetonId, p)),
    'carte.deconnecter': () => actif().deconnecter(),
    'carte.changerPin': ({ jetonId, ancienPin, nouveauPin }) =>
      avecPin(ancienPin, (ancien) =>
        avecPin(nouveauPin, (nouveau) => {
          actif().changerPin(jetonId, ancien!, nouveau!);
          return { ok: true as const };
        }),
      ),
    'carte.debloquerPin': ({ jetonId, codeDeblocage, nouveauPin }) =>
      avecPin(codeDeblocage, (puk) =>
        avecPin(nouveauPin, (nouveau) => {
          actif().debloquerPin(jetonId, puk!, nouveau!);
          return { ok: true as const };
        }),
      ),
    'carte.lireParametres': () => vueParametres(),
    'carte.enregistrerParametres': (modification) => {
      if (modification.bibliotheque) {
        try {
          chargerBibliotheque(modification.bibliotheque);
        } catch (e) {
          throw erreurs.saisieInvalide(
            'bibliotheque',
            e instanceof RegistreError ? e.message : 'bibliothèque PKCS#11 inutilisable',
          );
        }
      }
      // The mode decides the world (real or training database): switch first (refused while a
      // sync runs), and come back if the settings cannot be saved.
      const avant = ctx.monde;
      if (modification.mode) ctx.basculerMonde(modification.mode === 'formation' ? 'formation' : 'reel');
      try {
        ecrireParametresCarte(ctx.parametres, modification);
      } catch (e) {
        ctx.basculerMonde(avant);
        throw e;
      }
      service.reinitialiserBibliotheques();
      actif().rafraichir('parametres');
      return vueParametres();
    },
    'carte.creerFormation': ({ pin, codeDeblocage, prenom, nom }) =>
      avecPin(pin, (p) =>
        avecPin(codeDeblocage, async (puk) => {
          if (parametres().mode !== 'formation')
            throw erreurs.droitsInsuffisants('Passez en mode formation pour créer la carte de formation.');
          const commune = ctx.parametres.lire<{ codeInsee: string; departement: string; nom: string }>('commune');
          const libelleCommune = commune ? libellePlateforme(commune) : 'MAIRIE-FORMATION';
          await service.formation.creer(
            p!,
            puk!,
            { prenom, nom, libelleCommune, codeInsee: commune?.codeInsee ?? '00000' },
            ctx.horloge.maintenant(),
          );
          return actif().rafraichir('insertion');
        }),
      ),
    'signature.ajouter': ({ documents }) => ({ ids: depot().ajouter(documents) }),
    'signature.lister': ({ etat, limite }) => depot().lister({ etat, limite }),
    'signature.lire': ({ id }) => {
      const { contenu: _contenu, ...doc } = depot().lire(id);
      return doc;
    },
    'signature.signerLot': ({ ids, pin, certificatAttendu }) =>
      avecPin(pin, (p) =>
        actif().pendantSignature(async (arretDemande) => {
          const saisie = service.saisiePin();
          const rapport = await signerLot({
            depot: depot(),
            signateur: service.signataire(p, certificatAttendu),
            horloge: ctx.horloge,
            ids,
            saisie,
            surProgression: (e) => ctx.bus.emettre('signature.progression', e),
            arretDemande,
          });
          // Nothing signed and a card/PIN error: report it as the call's error (the PIN dialog shows it).
          if (rapport.erreur && rapport.signes === 0 && rapport.echecs === 0) throw rapport.erreur;
          return { ...rapport, erreur: rapport.erreur ? rapport.erreur.toJSON() : null };
        }),
      ),
    'signature.arreterLot': () => ({ arrete: service.arreterSignature() }),
    'signature.verifier': async ({ xml, racineAttendue }): Promise<RapportVerification> => {
      const p = parametres();
      try {
        const r = await verifierXades(xml, {
          confiance: confianceDe(p, caFormation()),
          racineAttendue,
          maintenant: ctx.horloge.maintenant(),
          accepterFormation: p.mode === 'formation',
        });
        return {
          valide: true,
          raison: null,
          signataire: decrireCertificat(r.signataire, r.horodatage),
          horodatage: r.horodatage.toISOString(),
          nature: r.nature,
        };
      } catch (e) {
        if (e instanceof RegistreError && e.code === 'signature_invalide') {
          return {
            valide: false,
            raison: String(e.details?.raison ?? e.message),
            signataire: null,
            horodatage: null,
            nature: null,
          };
        }
        throw e;
      }
    },
  };
  return { gestionnaires, service, arreter: () => service.arreter() };
}

import { erreurs } from '../../shared/errors';
import type { ContexteApp } from '../contexte';
import type { ServiceCarte } from '../signature';
import type { Commune } from '../../shared/contract/parametres';
import { identiteDepuisCarte, type ActionConnexion } from './identite-carte';
import type { SourceRenouvellements } from './alertes';
import { MoteurSync, type DependancesMoteur } from './moteur';
import { ParametresSync } from './parametres';
import { creerAdaptateur } from './plateforme/fabrique';
import {
  PlateformeFormationEmbarquee,
  sansPlateformeFormation,
  type DemarrerPlateformeFormation,
} from './plateforme/formation-embarquee';
import type { AdaptateurPlateforme, IdentiteConnexion } from './plateforme/adaptateur';
import { Planificateur } from './planificateur';
import { prochainEssai } from './stockage/envois';
import { derniereTentative } from './stockage/synchros';
import { lireParametresCarte, verifierSelonParametres } from '../signature';
import { Rappels } from '../rappels';

/**
 * The sync room assembled for the app: settings, engine, scheduler. Everything the engine
 * touches comes from here (database, clock, bus, card, adapter), so tests build the same
 * service on a temporary folder with a real sandbox and a real token.
 */
export interface OptionsServiceSync {
  /** Replaces the adapter built from the settings (tests: an adapter with short timeouts). */
  adaptateur?: () => AdaptateurPlateforme;
  /** Replaces the card's identity (tests, CLI). */
  identite?: (action?: ActionConnexion) => Promise<IdentiteConnexion>;
  reglages?: DependancesMoteur['reglages'];
  /** The sandbox's training-platform factory, handed down by app.ts (sync never imports the sandbox). */
  plateformeFormation?: DemarrerPlateformeFormation;
  /** The agents' cards to renew, for the e-mail alerts (app.ts: the directory). */
  renouvellements?: SourceRenouvellements;
}

export interface ServiceSync {
  readonly parametres: ParametresSync;
  readonly moteur: MoteurSync;
  readonly planificateur: Planificateur;
  readonly adaptateur: () => AdaptateurPlateforme;
  /** `action` says what the card is needed for (the message when no session is open). */
  readonly identite: (action?: ActionConnexion) => Promise<IdentiteConnexion>;
  readonly commune: () => Commune | null;
  /** `rappel` runs after each reception (app.ts: matching the requests received). */
  apresReception(rappel: () => void): () => void;
  arreter(): void;
}

export function creerServiceSync(
  ctx: ContexteApp,
  carte: ServiceCarte | null,
  options: OptionsServiceSync = {},
): ServiceSync {
  const parametres = new ParametresSync(ctx.parametres);
  const commune = () => ctx.parametres.lire<Commune>('commune');
  // Training mode with a training card talks to the platform embedded in the app, never to the
  // configured address: training exchanges never leave this computer.
  const embarquee = carte
    ? new PlateformeFormationEmbarquee({
        carte: carte.formation,
        commune,
        demarrer: options.plateformeFormation ?? sansPlateformeFormation,
      })
    : null;
  const enFormation = () =>
    embarquee !== null && lireParametresCarte(ctx.parametres).mode === 'formation' && carte!.formation.existe();
  const adaptateur =
    options.adaptateur ??
    (() => {
      if (enFormation()) return embarquee!.adaptateur();
      void embarquee?.arreter();
      return creerAdaptateur(parametres.plateforme());
    });
  // Leaving training mode stops the embedded platform at once, not at the next sync.
  const desabonner = ctx.bus.abonner('carte.etatModifie', ({ etat }) => {
    if (etat.mode !== 'formation') void embarquee?.arreter();
  });
  const apresReception = new Rappels();
  const identite =
    options.identite ??
    (carte
      ? identiteDepuisCarte(carte)
      : async () => {
          throw erreurs.carteAbsente();
        });
  const moteur = new MoteurSync({
    db: () => ctx.db(),
    horloge: ctx.horloge,
    emettre: (nom, charge) => ctx.bus.emettre(nom, charge),
    adaptateur,
    identite,
    commune,
    alertes: { smtp: () => parametres.smtp(), renouvellements: options.renouvellements },
    verifier: async (xml, racineAttendue, recueLe) => {
      const caFormation = () => (carte?.formation.existe() ? carte.formation.caPem() : null);
      const r = await verifierSelonParametres(ctx.parametres, caFormation, xml, racineAttendue, recueLe);
      return { titulaire: r.signataire.titulaire, commune: r.signataire.uniteOrganisation };
    },
    reglages: options.reglages,
    apresReception: () => apresReception.appeler(),
  });
  const planificateur = new Planificateur({
    horloge: ctx.horloge,
    planification: () => parametres.planification(),
    actif: () => options.adaptateur !== undefined || parametres.plateforme() !== null || enFormation(),
    derniere: () => derniereTentative(ctx.db()),
    prochainEssai: () => {
      const p = prochainEssai(ctx.db());
      return p ? new Date(p) : null;
    },
    lancer: () => moteur.synchroniser('automatique'),
  });
  return {
    parametres,
    moteur,
    planificateur,
    adaptateur,
    identite,
    commune,
    apresReception: (rappel) => apresReception.ajouter(rappel),
    arreter: () => {
      planificateur.arreter();
      desabonner();
      void embarquee?.arreter();
    },
  };
}

import type { ResultatSynchro } from '../../shared/contract/sync';
import type { Commune } from '../../shared/contract/parametres';
import type { ChargeEvenement, NomEvenement } from '../../shared/contract';
import { versRegistreError, erreurs } from '../../shared/errors';
import type { Base } from '../db';
import type { Horloge } from '../horloge';
import { journal } from '../journal';
import { alerter, alerterRenouvellements, type DependancesAlertes } from './alertes';
import { envoyerBoite, type BilanEnvoi } from './envoi';
import type { AdaptateurPlateforme, IdentiteConnexion } from './plateforme/adaptateur';
import { ConnexionPlateforme, EchecConnexion } from './plateforme/connexion';
import { recevoirDemandes } from './reception';
import { recevoirReponses, type DependancesReponses } from './reception-reponses';
import type { OptionsReprise } from './reprise';
import { enAttente } from './stockage/envois';
import * as synchros from './stockage/synchros';
import { UneSeuleALaFois } from './verrou';

export type Emettre = <E extends NomEvenement>(nom: E, charge: ChargeEvenement<E>) => void;

export interface DependancesMoteur {
  db(): Base;
  horloge: Horloge;
  emettre: Emettre;
  adaptateur(): AdaptateurPlateforme;
  identite(): Promise<IdentiteConnexion>;
  commune(): Commune | null;
  alertes: Omit<DependancesAlertes, 'notifier' | 'commune'>;
  /** Verifies the signature of an answer received to a request sent (see reception-reponses.ts). */
  verifier: DependancesReponses['verifier'];
  reglages?: { taillePage?: number; reprise?: OptionsReprise; paralleles?: number };
  /** Runs once the reception phase is over, whatever it stored (app.ts: matching). */
  apresReception?(): void;
}

/**
 * One sync run, from start to end: open the session with the card, pull the mailbox (stored,
 * then acknowledged), alert, send the outbox. Never two at once (a second caller joins the
 * running one). Each phase is recorded in `synchros`; a failure in the pull does not stop the
 * outbox, and the reverse; only a failed connection stops everything.
 */
export class MoteurSync {
  private readonly verrou = new UneSeuleALaFois<ResultatSynchro>();

  constructor(private readonly deps: DependancesMoteur) {
    const n = synchros.marquerInterrompues(deps.db(), deps.horloge.maintenant());
    if (n) journal.avertir('synchronisations interrompues', { nombre: n });
  }

  get enCours(): boolean {
    return this.verrou.occupe;
  }

  synchroniser(declenchement: 'automatique' | 'manuel'): Promise<ResultatSynchro> {
    return this.verrou.executer(() => this.executer(declenchement)).promesse;
  }

  attendre(): Promise<void> {
    return this.verrou.attendre();
  }

  private progression(
    synchroId: number,
    phase: ChargeEvenement<'sync.progression'>['phase'],
    fait: number,
    total: number | null,
    message: string,
  ) {
    this.deps.emettre('sync.progression', { synchroId, phase, fait, total, message });
  }

  private async executer(declenchement: 'automatique' | 'manuel'): Promise<ResultatSynchro> {
    const { deps } = this;
    // The whole run writes to the database of the world it started in (real or training),
    // even if the user switches worlds meanwhile.
    const base = deps.db();
    const db = () => base;
    const id = synchros.commencer(db(), declenchement, deps.horloge.maintenant());
    const erreursPhases: string[] = [];
    let envoi: BilanEnvoi | null = null;
    let echec: string | null = null;
    // The renewal warning needs the SMTP server only: sent first, so a platform out of reach does
    // not hold it back; it never fails the run (a failed e-mail is tried again next time).
    await alerterRenouvellements({ ...deps.alertes, commune: deps.commune });
    try {
      this.progression(id, 'authentification', 0, null, 'Connexion à la plateforme avec la carte…');
      const connexion = new ConnexionPlateforme(deps.adaptateur(), () => deps.identite());
      const session = await connexion.ouvrir();
      const commune = deps.commune();
      if (commune && commune.codeInsee !== session.commune.codeInsee) {
        throw new EchecConnexion(
          erreurs.droitsInsuffisants(
            `La carte est enregistrée pour la commune ${session.commune.libelle} (${session.commune.codeInsee}) : Registre est paramétré pour ${commune.nom} (${commune.codeInsee}).`,
          ),
        );
      }

      this.progression(id, 'reception', 0, null, 'Récupération des nouvelles demandes…');
      try {
        const bilan = await recevoirDemandes({
          db,
          horloge: deps.horloge,
          connexion,
          synchroId: id,
          codeInsee: session.commune.codeInsee,
          taillePage: deps.reglages?.taillePage,
          progression: (fait, message) => this.progression(id, 'reception', fait, null, message),
        });
        synchros.ajouter(db(), id, { recues: bilan.recues, doublons: bilan.doublons, quarantaine: bilan.quarantaine });
        const courriel = await alerter(
          {
            ...deps.alertes,
            commune: deps.commune,
            notifier: (n) =>
              deps.emettre('demandes.nouvelles', {
                nombre: n.nombre,
                specimens: n.specimens,
                quarantaine: n.quarantaine,
                jourLimitePlusProche: n.jourLimitePlusProche,
              }),
          },
          bilan,
        );
        if (courriel) synchros.noterCourriel(db(), id, courriel);
      } catch (e) {
        if (e instanceof EchecConnexion) throw e;
        erreursPhases.push(`Réception : ${versRegistreError(e).message}`);
      } finally {
        // Pages stored before a failure are requests to match too.
        deps.apresReception?.();
      }

      try {
        const r = await recevoirReponses({
          db,
          horloge: deps.horloge,
          connexion,
          synchroId: id,
          verifier: deps.verifier,
        });
        synchros.ajouter(db(), id, { quarantaine: r.quarantaine });
      } catch (e) {
        if (e instanceof EchecConnexion) throw e;
        erreursPhases.push(`Réponses reçues : ${versRegistreError(e).message}`);
      }

      this.progression(id, 'envoi', 0, null, 'Envoi des réponses signées…');
      try {
        envoi = await envoyerBoite({
          db,
          horloge: deps.horloge,
          connexion,
          reprise: deps.reglages?.reprise,
          paralleles: deps.reglages?.paralleles,
          surChangement: (e) => deps.emettre('sync.envoiModifie', e),
          progression: (fait, total) =>
            this.progression(id, 'envoi', fait, total, `${fait} envoi(s) traité(s) sur ${total}`),
        });
        synchros.ajouter(db(), id, { acceptees: envoi.acceptees, rejetees: envoi.rejetees });
        if (envoi.reportees)
          erreursPhases.push(`${envoi.reportees} envoi(s) reporté(s) : nouvel essai automatique plus tard.`);
      } catch (e) {
        if (e instanceof EchecConnexion) throw e;
        erreursPhases.push(`Envoi : ${versRegistreError(e).message}`);
      }
    } catch (e) {
      echec = e instanceof EchecConnexion ? e.erreur.message : versRegistreError(e).message;
    }
    const statut = echec ? 'echouee' : erreursPhases.length ? 'partielle' : 'reussie';
    synchros.terminer(db(), id, statut, echec ?? (erreursPhases.join(' ') || null), deps.horloge.maintenant());
    const resultat = synchros.resultat(db(), id, enAttente(db()));
    this.progression(
      id,
      'terminee',
      1,
      1,
      statut === 'reussie' ? 'Synchronisation terminée.' : (resultat.erreur ?? 'Synchronisation terminée.'),
    );
    journal.info('synchronisation', {
      id,
      statut,
      recues: resultat.recues,
      acceptees: resultat.acceptees,
      rejetees: resultat.rejetees,
    });
    return resultat;
  }
}

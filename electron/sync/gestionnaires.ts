import type { Gestionnaires } from '../contrat';
import type { ContexteApp } from '../contexte';
import { testerConnexion } from './diagnostic';
import type { ServiceSync } from './service';
import { enAttente, lister } from './stockage/envois';
import { derniere, resultat } from './stockage/synchros';

type NomsSync = Extract<keyof Gestionnaires, `sync.${string}`>;

/** Handlers of the sync area: "Mettre à jour", status, outbox, connection test, settings. */
export function gestionnairesSync(ctx: ContexteApp, sync: ServiceSync): Pick<Gestionnaires, NomsSync> {
  return {
    'sync.maintenant': async () => {
      // Asked by a person: without an open card session, say so (typed, so the screen offers to
      // open it) instead of recording a failed sync. Joining a running sync needs no card.
      if (!sync.moteur.enCours) await sync.identite('mettre à jour');
      try {
        return await sync.moteur.synchroniser('manuel');
      } finally {
        sync.planificateur.replanifier();
      }
    },
    'sync.etat': () => {
      const db = ctx.db();
      const id = derniere(db);
      const attente = enAttente(db);
      return {
        enCours: sync.moteur.enCours,
        derniere: id === null ? null : resultat(db, id, attente),
        prochaine: sync.planificateur.prochaine()?.toISOString() ?? null,
        envoisEnAttente: attente,
      };
    },
    'sync.envois': ({ etats, limite }) => lister(ctx.db(), { etats, limite }),
    'sync.testerConnexion': () =>
      testerConnexion({
        adaptateur: sync.adaptateur,
        identite: () => sync.identite('tester la connexion'),
        commune: sync.commune,
      }),
    'sync.lireParametres': () => {
      const smtp = sync.parametres.smtp();
      return {
        plateforme: sync.parametres.plateforme(),
        planification: sync.parametres.planification(),
        smtp: smtp ? { ...smtp, motDePasse: undefined, motDePasseDefini: !!smtp.motDePasse } : null,
      };
    },
    'sync.enregistrerParametres': ({ plateforme, planification, smtp }) => {
      if (plateforme) sync.parametres.enregistrerPlateforme(plateforme);
      if (planification) sync.parametres.enregistrerPlanification(planification);
      if (smtp) {
        const { motDePasse, ...reste } = smtp;
        sync.parametres.enregistrerSmtp(reste, motDePasse);
      }
      sync.planificateur.replanifier();
      return { ok: true as const };
    },
  };
}

import { VERSION_COURANTE, VERSIONS_FORMAT } from '../../electron/comedec';
import type { Plateforme } from '../plateforme';
import { rejeter } from '../rejets';
import { listerBoite } from '../services/boite';
import { JOURS_PURGE, JOURS_REPONSE, estPurgee } from '../services/delais';
import { recevoirDemandeEmise } from '../services/reception-demande-emise';
import { recevoirReponse } from '../services/reception-reponse';
import { lireJson, type Requete, type Resultat, type Route } from './echange';

export const VERSION_PLATEFORME = '1.0.0';

function ids(r: Requete): string[] {
  const v = lireJson(r).ids;
  if (!Array.isArray(v) || v.length > 1000 || v.some((x) => typeof x !== 'string' || x.length > 128)) {
    rejeter('requete_invalide', 'Champ « ids » attendu : liste d’identifiants (1000 au plus).', { champ: 'ids' });
  }
  return v as string[];
}

const cle = (r: Requete) => {
  const v = r.entetes['idempotency-key'];
  return Array.isArray(v) ? v[0] : v;
};

const depot = (res: { accuse: string; rejeu: boolean }): Resultat => ({
  statut: res.rejeu ? 200 : 201,
  xml: res.accuse,
  entetes: res.rejeu ? { 'Idempotent-Replay': 'true' } : {},
  enregistre: true,
});

/** The routes a commune's software calls (see docs/plateforme-bac-a-sable.md). */
export function routesClient(p: Plateforme): Route[] {
  const session = (r: Requete) => r.session!;
  return [
    {
      methode: 'GET',
      motif: '/v1/etat',
      acces: 'public',
      corps: 'aucun',
      traiter: () => ({
        statut: 200,
        json: {
          plateforme: 'registre-bac-a-sable',
          instance: p.instance,
          versionPlateforme: VERSION_PLATEFORME,
          formation: p.formation,
          versionsFormat: [...VERSIONS_FORMAT].sort((a, b) => b - a),
          versionCourante: VERSION_COURANTE,
          maintenant: p.horloge.maintenant().toISOString(),
          delais: { reponseJours: JOURS_REPONSE, purgeJours: JOURS_PURGE },
          tailleMaxDocument: p.tailleMax,
        },
      }),
    },
    {
      methode: 'GET',
      motif: '/v1/autorites',
      acces: 'public',
      corps: 'aucun',
      traiter: () => ({ statut: 200, json: { communesSimulees: p.autoritesSimulation() } }),
    },
    {
      methode: 'POST',
      motif: '/v1/session/defi',
      acces: 'public',
      corps: 'json',
      traiter: () => ({ statut: 200, json: p.authentification.creerDefi() }),
    },
    {
      methode: 'POST',
      motif: '/v1/session',
      acces: 'public',
      corps: 'json',
      traiter: async (r) => ({ statut: 200, json: await p.authentification.ouvrirSession(lireJson(r)) }),
    },
    {
      methode: 'GET',
      motif: '/v1/boite/demandes',
      acces: 'session',
      corps: 'aucun',
      traiter: (r) => {
        const limite = Math.max(1, Math.min(Number(r.query.get('limite') ?? 100) || 100, 500));
        return {
          statut: 200,
          json: { demandes: listerBoite(p.demandes, session(r).commune, p.horloge.maintenant(), limite, p.pannes) },
        };
      },
    },
    {
      methode: 'POST',
      motif: '/v1/boite/acquittements',
      acces: 'session',
      corps: 'json',
      traiter: (r) => ({
        statut: 200,
        json: p.demandes.acquitter(session(r).commune.codeInsee, ids(r), p.horloge.maintenant()),
      }),
    },
    {
      methode: 'POST',
      motif: '/v1/demandes/:id/reponse',
      acces: 'session',
      corps: 'document',
      traiter: async (r) => depot(await recevoirReponse(p.dependances(), session(r), r.parametres.id, cle(r), r.corps)),
    },
    {
      methode: 'POST',
      motif: '/v1/demandes-emises',
      acces: 'session',
      corps: 'document',
      traiter: async (r) => depot(await recevoirDemandeEmise(p.dependances(), session(r), cle(r), r.corps)),
    },
    {
      methode: 'GET',
      motif: '/v1/demandes-emises/:id',
      acces: 'session',
      corps: 'aucun',
      traiter: (r) => {
        const e = p.emises.lire(r.parametres.id);
        if (!e || e.emettrice !== session(r).commune.codeInsee) rejeter('introuvable', 'Demande émise inconnue.');
        const maintenant = p.horloge.maintenant();
        const disponible = e.reponseXml && e.reponseDisponibleLe && new Date(e.reponseDisponibleLe) <= maintenant;
        const purge = p.demandes.lire(e.id)?.purge;
        const etat = disponible ? 'repondue' : purge && estPurgee(purge, maintenant) ? 'purgee' : 'en_attente';
        return {
          statut: 200,
          json: {
            id: e.id,
            reference: e.reference,
            destinataire: e.destinataire,
            etat,
            xml: disponible ? e.reponseXml : null,
          },
        };
      },
    },
    {
      methode: 'GET',
      motif: '/v1/boite/reponses',
      acces: 'session',
      corps: 'aucun',
      traiter: (r) => ({
        statut: 200,
        json: {
          reponses: p.emises
            .reponsesDisponibles(session(r).commune.codeInsee, p.horloge.maintenant())
            .map((e) => ({ demandeId: e.id, reference: e.reference, destinataire: e.destinataire, xml: e.reponseXml })),
        },
      }),
    },
    {
      methode: 'POST',
      motif: '/v1/boite/reponses/acquittements',
      acces: 'session',
      corps: 'json',
      traiter: (r) => ({
        statut: 200,
        json: p.emises.acquitterReponses(session(r).commune.codeInsee, ids(r), p.horloge.maintenant()),
      }),
    },
  ];
}

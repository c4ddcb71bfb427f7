import type { Plateforme } from '../plateforme';
import { rejeter } from '../rejets';
import {
  deposerDemande,
  genererPourCommune,
  genererSpecimensPourCommune,
  inscrireCommune,
  communeExistante,
} from '../services/administration';
import { lireJson, type Requete, type Route } from './echange';

/** Tests and training only: mailboxes, requests, faults, clock (see docs/plateforme-bac-a-sable.md). */
export function routesAdmin(p: Plateforme): Route[] {
  const d = () => ({ horloge: p.horloge, communes: p.communes, demandes: p.demandes, reglages: p.reglages });
  const valide = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Error && e.name === 'ZodError')
        rejeter('requete_invalide', `Réglage invalide : ${e.message.slice(0, 300)}`);
      throw e;
    }
  };
  return [
    {
      methode: 'POST',
      motif: '/v1/admin/communes',
      acces: 'admin',
      corps: 'json',
      traiter: (r) => ({ statut: 201, json: { commune: inscrireCommune(d(), lireJson(r)) } }),
    },
    {
      methode: 'POST',
      motif: '/v1/admin/communes/:code/demandes/generer',
      acces: 'admin',
      corps: 'json',
      traiter: (r) => {
        const { ids, demandes } = genererPourCommune(d(), r.parametres.code, lireJson(r));
        const nonDetenues = demandes.filter((x) => !x.attendu.detenu).length;
        return { statut: 201, json: { ids, nonDetenues } };
      },
    },
    {
      methode: 'POST',
      motif: '/v1/admin/communes/:code/demandes',
      acces: 'admin',
      corps: 'json',
      traiter: (r) => ({ statut: 201, json: { id: deposerDemande(d(), r.parametres.code, lireJson(r)) } }),
    },
    {
      methode: 'POST',
      motif: '/v1/admin/communes/:code/specimens',
      acces: 'admin',
      corps: 'json',
      traiter: (r) => {
        const n = Number(lireJson(r).nombre ?? 3);
        return {
          statut: 201,
          json: { ids: genererSpecimensPourCommune(d(), r.parametres.code, Number.isFinite(n) ? n : 3) },
        };
      },
    },
    {
      methode: 'GET',
      motif: '/v1/admin/communes/:code/demandes',
      acces: 'admin',
      corps: 'aucun',
      traiter: (r) => {
        const c = communeExistante(d(), r.parametres.code);
        const rows = p.db
          .prepare('SELECT id FROM demandes WHERE code_insee = ? ORDER BY mise_a_disposition, id')
          .pluck()
          .all(c.codeInsee) as string[];
        return { statut: 200, json: { demandes: rows.map((id) => p.demandes.lire(id)) } };
      },
    },
    {
      methode: 'GET',
      motif: '/v1/admin/communes/:code/reponses',
      acces: 'admin',
      corps: 'aucun',
      traiter: (r) => ({
        statut: 200,
        json: { reponses: p.reponses.deCommune(communeExistante(d(), r.parametres.code).codeInsee) },
      }),
    },
    {
      methode: 'GET',
      motif: '/v1/admin/pannes',
      acces: 'admin',
      corps: 'aucun',
      traiter: () => ({ statut: 200, json: p.pannes.etat }),
    },
    {
      methode: 'PUT',
      motif: '/v1/admin/pannes',
      acces: 'admin',
      corps: 'json',
      traiter: (r) => ({ statut: 200, json: valide(() => p.pannes.regler(lireJson(r))) }),
    },
    {
      methode: 'PUT',
      motif: '/v1/admin/simulation',
      acces: 'admin',
      corps: 'json',
      traiter: (r) => ({ statut: 200, json: valide(() => p.reglerSimulation(lireJson(r))) }),
    },
    {
      methode: 'PUT',
      motif: '/v1/admin/horloge',
      acces: 'admin',
      corps: 'json',
      traiter: (r: Requete) => {
        const c = lireJson(r);
        if (typeof c.maintenant === 'string' && !Number.isNaN(Date.parse(c.maintenant)))
          p.horloge.regler(new Date(c.maintenant));
        else if (typeof c.avancerMs === 'number' && Number.isFinite(c.avancerMs)) p.horloge.avancer(c.avancerMs);
        else rejeter('requete_invalide', 'Indiquez « maintenant » (ISO 8601) ou « avancerMs » (nombre).');
        return { statut: 200, json: { maintenant: p.horloge.maintenant().toISOString() } };
      },
    },
  ];
}

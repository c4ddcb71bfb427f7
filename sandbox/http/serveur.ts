import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { journal } from '../../electron/journal';
import type { Plateforme } from '../plateforme';
import { Rejet } from '../rejets';
import { CorpsTropGros, lireCorps } from './corps';
import { motifVersRegExp, type Requete, type Route } from './echange';
import { envoyer, envoyerRejet } from './envoi';
import { routesAdmin } from './routes-admin';
import { routesClient } from './routes-client';

const JSON_MAX = 256 * 1024;

interface RouteCompilee extends Route {
  correspond: (chemin: string) => Record<string, string> | null;
}

function egal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The platform's HTTP face (node:http, 127.0.0.1). One place turns refusals into `rejet`
 * documents and injects the configured faults (never on admin routes): latency, 5xx, requests
 * held until the client gives up, connection cut after a document was stored.
 */
export function creerServeur(p: Plateforme): { serveur: http.Server; arreterAttentes: () => void } {
  const routes: RouteCompilee[] = [...routesClient(p), ...routesAdmin(p)].map((r) => ({
    ...r,
    correspond: motifVersRegExp(r.motif),
  }));
  const attentes = new Set<NodeJS.Timeout>();

  async function traiter(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let parametres: Record<string, string> | null = null;
    const route = routes.find((r) => (parametres = r.correspond(url.pathname)) !== null && r.methode === req.method);
    if (!route) {
      const cheminConnu = routes.some((r) => r.correspond(url.pathname));
      throw new Rejet(
        cheminConnu ? 'requete_invalide' : 'introuvable',
        cheminConnu ? `Méthode ${req.method} non permise ici.` : 'Adresse inconnue de la plateforme.',
      );
    }
    if (route.acces === 'admin') {
      const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      if (!m || !egal(m[1], p.jetonAdmin))
        throw new Rejet('authentification_requise', 'Jeton d’administration requis.');
    } else {
      const pannes = p.pannes.etat;
      if (pannes.latenceMs > 0) await pause(pannes.latenceMs);
      if (p.pannes.tirer(pannes.tauxDelaiDepasse)) {
        // Never answers: the client's timeout must fire; the socket is dropped later.
        const t = setTimeout(() => {
          attentes.delete(t);
          req.socket.destroy();
        }, pannes.delaiDepasseMs);
        attentes.add(t);
        return;
      }
      if (p.pannes.tirer(pannes.taux5xx)) {
        const statut = p.pannes.choisir([500, 502, 503, 504]);
        res.writeHead(statut, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' });
        res.end('Panne simulée de la plateforme.');
        return;
      }
    }
    let corps: Buffer = Buffer.alloc(0);
    if (route.corps !== 'aucun') {
      const max = route.corps === 'document' ? p.tailleMax : JSON_MAX;
      try {
        corps = await lireCorps(req, max);
      } catch (e) {
        if (e instanceof CorpsTropGros) {
          const motif = route.corps === 'document' ? 'document_trop_volumineux' : 'requete_invalide';
          envoyerRejet(
            res,
            new Rejet(motif, `Corps trop volumineux (${max} octets au plus).`),
            p.horloge.maintenant(),
            true,
          );
          return;
        }
        throw e;
      }
    }
    const requete: Requete = {
      methode: req.method ?? 'GET',
      chemin: url.pathname,
      parametres: parametres ?? {},
      query: url.searchParams,
      entetes: req.headers,
      corps,
      session: route.acces === 'session' ? p.authentification.session(req.headers.authorization) : null,
    };
    const resultat = await route.traiter(requete);
    if (
      route.acces !== 'admin' &&
      resultat.enregistre &&
      p.pannes.tirer(p.pannes.etat.tauxCoupureApresEnregistrement)
    ) {
      // Stored, but the client never hears it: only the idempotent replay tells it.
      req.socket.destroy();
      return;
    }
    envoyer(res, resultat);
  }

  const serveur = http.createServer((req, res) => {
    const debut = Date.now();
    traiter(req, res)
      .catch((e: unknown) => {
        if (res.headersSent || res.destroyed) return;
        if (e instanceof Rejet) return envoyerRejet(res, e, p.horloge.maintenant());
        if (e instanceof SyntaxError)
          return envoyerRejet(res, new Rejet('requete_invalide', 'Corps JSON illisible.'), p.horloge.maintenant());
        journal.erreur('plateforme : erreur interne', {
          route: new URL(req.url ?? '/', 'http://x').pathname.split('/').slice(0, 3).join('/'),
          erreur: e instanceof Error ? e.name : typeof e,
        });
        envoyer(res, { statut: 500, json: { erreur: 'interne', message: 'Erreur interne de la plateforme.' } });
      })
      .finally(() =>
        journal.debug('plateforme', { methode: req.method, statut: res.statusCode, ms: Date.now() - debut }),
      );
  });
  serveur.headersTimeout = 20_000;
  serveur.requestTimeout = 120_000;
  return {
    serveur,
    arreterAttentes: () => {
      for (const t of attentes) clearTimeout(t);
      attentes.clear();
    },
  };
}

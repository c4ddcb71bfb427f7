import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { App } from '../app';
import { CSP } from '../../shared/securite';

/**
 * The browser harness: the same services as the Electron app, behind HTTP on 127.0.0.1 only.
 * - calls: POST /api/appel/<nom>, JSON body = the call's input, answer = the same envelope the
 *   IPC returns (derived from the same répartiteur, so nothing exists on one side only);
 * - events: GET /api/evenements (Server-Sent Events), fed by the same event bus;
 * - the built renderer as static files.
 * Protection: a random token per start (Authorization header, or `jeton` query for SSE, since
 * EventSource cannot set headers), compared in constant time; Host must be the loopback address
 * we listen on (defeats DNS rebinding); Origin, when sent, must be ours.
 */
export interface OptionsHarnais {
  app: App;
  dossierStatique: string;
  port?: number;
  jeton?: string;
  /** Max body size: CSV imports arrive base64-encoded. */
  tailleMaxCorps?: number;
}

export interface Harnais {
  url: string;
  origine: string;
  jeton: string;
  fermer(): Promise<void>;
}

const typesMime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export async function demarrerServeurHarnais(options: OptionsHarnais): Promise<Harnais> {
  const jeton = options.jeton ?? crypto.randomBytes(32).toString('base64url');
  const tailleMax = options.tailleMaxCorps ?? 400 * 1024 * 1024;
  const dossier = path.resolve(options.dossierStatique);
  const flux = new Set<http.ServerResponse>();
  let origine = '';

  const desabonner = options.app.bus.abonner((nom, charge) => {
    const ligne = `data: ${JSON.stringify({ nom, charge })}\n\n`;
    for (const r of flux) r.write(ligne);
  });

  const serveur = http.createServer((req, res) => {
    entetesCommuns(res);
    if (!hoteAutorise(req, origine)) return repondre(res, 421, 'Hôte non autorisé');
    const url = new URL(req.url ?? '/', origine);
    if (url.pathname.startsWith('/api/')) {
      if (req.headers.origin && req.headers.origin !== origine) return repondre(res, 403, 'Origine refusée');
      const fourni = extraireJeton(req, url);
      if (!jetonValide(fourni, jeton)) return repondre(res, 401, 'Jeton manquant ou invalide');
      if (req.method === 'GET' && url.pathname === '/api/evenements') return ouvrirFlux(res, flux);
      const m = /^\/api\/appel\/([\w.]+)$/.exec(url.pathname);
      if (req.method === 'POST' && m) return void traiterAppel(req, res, options.app, m[1], tailleMax);
      return repondre(res, 404, 'Inconnu');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return repondre(res, 405, 'Méthode non permise');
    servirFichier(res, dossier, url.pathname);
  });

  await new Promise<void>((resolve, reject) => {
    serveur.once('error', reject);
    serveur.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const adresse = serveur.address();
  const port = typeof adresse === 'object' && adresse ? adresse.port : 0;
  origine = `http://127.0.0.1:${port}`;

  return {
    url: `${origine}/?jeton=${jeton}`,
    origine,
    jeton,
    async fermer() {
      desabonner();
      for (const r of flux) r.end();
      flux.clear();
      await new Promise<void>((resolve) => serveur.close(() => resolve()));
      serveur.closeAllConnections?.();
    },
  };
}

function entetesCommuns(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

function hoteAutorise(req: http.IncomingMessage, origine: string): boolean {
  return !!origine && req.headers.host === origine.replace('http://', '');
}

function extraireJeton(req: http.IncomingMessage, url: URL): string {
  const auth = req.headers.authorization ?? '';
  if (auth.startsWith('Bearer ')) return auth.slice(7);
  return url.searchParams.get('jeton') ?? '';
}

function jetonValide(fourni: string, attendu: string): boolean {
  const a = Buffer.from(fourni);
  const b = Buffer.from(attendu);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function repondre(res: http.ServerResponse, statut: number, message: string): void {
  res.writeHead(statut, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function ouvrirFlux(res: http.ServerResponse, flux: Set<http.ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': ouvert\n\n');
  flux.add(res);
  const battement = setInterval(() => res.write(': battement\n\n'), 15_000);
  res.on('close', () => {
    clearInterval(battement);
    flux.delete(res);
  });
}

async function traiterAppel(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  app: App,
  nom: string,
  tailleMax: number,
): Promise<void> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return repondre(res, 415, 'JSON attendu');
  const morceaux: Buffer[] = [];
  let taille = 0;
  try {
    for await (const morceau of req) {
      taille += (morceau as Buffer).length;
      if (taille > tailleMax) return repondre(res, 413, 'Requête trop volumineuse');
      morceaux.push(morceau as Buffer);
    }
  } catch {
    return; // client went away
  }
  let entree: unknown;
  try {
    entree = morceaux.length ? JSON.parse(Buffer.concat(morceaux).toString('utf8')) : {};
  } catch {
    return repondre(res, 400, 'JSON illisible');
  }
  const enveloppe = await app.repartir(nom, entree);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(enveloppe));
}

function servirFichier(res: http.ServerResponse, dossier: string, chemin: string): void {
  let relatif: string;
  try {
    relatif = decodeURIComponent(chemin);
  } catch {
    return repondre(res, 400, 'Chemin invalide');
  }
  if (relatif === '/' || relatif === '') relatif = '/index.html';
  const fichier = path.resolve(dossier, '.' + relatif);
  if (!fichier.startsWith(dossier + path.sep)) return repondre(res, 403, 'Interdit');
  fs.stat(fichier, (err, st) => {
    if (err || !st.isFile()) return repondre(res, 404, 'Introuvable');
    res.writeHead(200, {
      'Content-Type': typesMime[path.extname(fichier)] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(fichier).pipe(res);
  });
}

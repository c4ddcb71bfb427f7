import type { IncomingHttpHeaders } from 'node:http';
import type { SessionOuverte } from '../services/authentification';

/** One HTTP request as the routes see it (body already read, within the route's limit). */
export interface Requete {
  methode: string;
  chemin: string;
  parametres: Record<string, string>;
  query: URLSearchParams;
  entetes: IncomingHttpHeaders;
  corps: Buffer;
  /** The session, on routes that require one. */
  session: SessionOuverte | null;
}

/** What a route answers. `enregistre`: the request changed the platform's state (a document was stored). */
export interface Resultat {
  statut: number;
  json?: unknown;
  xml?: string;
  entetes?: Record<string, string>;
  enregistre?: boolean;
}

export type Acces = 'public' | 'session' | 'admin';

export interface Route {
  methode: 'GET' | 'POST' | 'PUT';
  motif: string;
  acces: Acces;
  /** Largest body accepted, in bytes; `document`: the format's limit, refused as document_trop_volumineux. */
  corps: 'aucun' | 'json' | 'document';
  traiter(r: Requete): Promise<Resultat> | Resultat;
}

/** '/v1/demandes/:id/reponse' -> a matcher returning the parameters, or null. */
export function motifVersRegExp(motif: string): (chemin: string) => Record<string, string> | null {
  const noms: string[] = [];
  const re = new RegExp(
    `^${motif.replace(/:[a-zA-Z]+/g, (m) => {
      noms.push(m.slice(1));
      return '([A-Za-z0-9_.-]{1,128})';
    })}$`,
  );
  return (chemin) => {
    const m = re.exec(chemin);
    if (!m) return null;
    return Object.fromEntries(noms.map((n, i) => [n, m[i + 1]]));
  };
}

export function lireJson(r: Requete): Record<string, unknown> {
  if (r.corps.length === 0) return {};
  try {
    const v = JSON.parse(r.corps.toString('utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SyntaxError('json');
}

import { citer } from '../../../shared/citation';
import { erreurs, RegistreError } from '../../../shared/errors';
import { lireRejet, erreurDeRejet } from '../../comedec';

/**
 * HTTP with the rules of the platform API: a timeout on every request, a cap on what is read
 * (a hostile or broken server cannot make us buffer 50 MB), 5xx/network/timeouts as
 * recoverable, 4xx as a typed final rejection read from the `rejet` document it carries.
 */
export interface OptionsHttp {
  delaiMs: number;
  /** Largest body read; beyond it the read stops with `CorpsTropGrand`. */
  octetsMax: number;
}

export class CorpsTropGrand extends Error {
  constructor(
    readonly debut: Uint8Array,
    readonly octetsLus: number,
  ) {
    super('corps de réponse trop volumineux');
  }
}

export interface ReponseHttp {
  statut: number;
  entetes: Headers;
  corps: Uint8Array;
}

async function lireCorps(reponse: Response, octetsMax: number, controleur: AbortController): Promise<Uint8Array> {
  if (!reponse.body) return new Uint8Array();
  const morceaux: Uint8Array[] = [];
  let total = 0;
  const lecteur = reponse.body.getReader();
  for (;;) {
    const { done, value } = await lecteur.read();
    if (done) break;
    total += value.byteLength;
    if (total > octetsMax) {
      morceaux.push(value);
      const debut = Buffer.concat(morceaux).subarray(0, 1024 * 1024);
      controleur.abort();
      throw new CorpsTropGrand(new Uint8Array(debut), total);
    }
    morceaux.push(value);
  }
  return new Uint8Array(Buffer.concat(morceaux));
}

export async function requete(url: string, init: RequestInit, options: OptionsHttp): Promise<ReponseHttp> {
  const controleur = new AbortController();
  const minuteur = setTimeout(() => controleur.abort(new Error('délai dépassé')), options.delaiMs);
  try {
    const reponse = await fetch(url, { ...init, signal: controleur.signal, redirect: 'error' });
    const corps = await lireCorps(reponse, options.octetsMax, controleur);
    return { statut: reponse.status, entetes: reponse.headers, corps };
  } catch (e) {
    if (e instanceof CorpsTropGrand) throw e;
    const delai = controleur.signal.aborted;
    throw erreurs.plateformeInjoignable(
      delai
        ? `délai de ${Math.round(options.delaiMs / 1000)} s dépassé`
        : `réseau : ${(e as { cause?: { code?: string } })?.cause?.code ?? (e as Error)?.name ?? 'erreur'}`,
    );
  } finally {
    clearTimeout(minuteur);
  }
}

/** A non-2xx answer as the typed error the engine acts on. */
export function erreurHttp(r: ReponseHttp): RegistreError {
  if (r.statut >= 500 || r.statut === 0) return erreurs.plateformeInjoignable(`HTTP ${r.statut}`);
  try {
    const rejet = lireRejet(r.corps);
    const e = erreurDeRejet(rejet);
    return new RegistreError(e.code, e.message, { ...e.details, statut: r.statut });
  } catch {
    const motif = r.entetes.get('x-comedec-motif') ?? 'inconnu';
    return new RegistreError(
      'rejet_plateforme',
      `La plateforme a refusé la demande (HTTP ${r.statut}, motif « ${citer(motif, 60)} »).`,
      {
        motif,
        statut: r.statut,
      },
    );
  }
}

export function json<T>(r: ReponseHttp): T {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(r.corps)) as T;
  } catch {
    throw erreurs.plateformeInjoignable('réponse JSON illisible');
  }
}

export function texte(r: ReponseHttp): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(r.corps);
  } catch {
    throw erreurs.plateformeInjoignable('réponse illisible (UTF-8 attendu)');
  }
}

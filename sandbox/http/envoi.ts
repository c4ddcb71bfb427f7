import type { ServerResponse } from 'node:http';
import { construireRejet, VERSION_COURANTE } from '../../electron/comedec';
import type { Rejet } from '../rejets';
import type { Resultat } from './echange';

export function envoyer(res: ServerResponse, r: Resultat): void {
  const entetes: Record<string, string> = { 'Cache-Control': 'no-store', ...r.entetes };
  let corps: string;
  if (r.xml !== undefined) {
    entetes['Content-Type'] = 'application/xml; charset=utf-8';
    corps = r.xml;
  } else {
    entetes['Content-Type'] = 'application/json; charset=utf-8';
    corps = JSON.stringify(r.json ?? {});
  }
  entetes['Content-Length'] = String(Buffer.byteLength(corps));
  res.writeHead(r.statut, entetes);
  res.end(corps);
}

/** Every 4xx carries a `rejet` document (current format version) and repeats its reason in a header. */
export function envoyerRejet(res: ServerResponse, e: Rejet, maintenant: Date, fermer = false): void {
  const xml = construireRejet({
    version: VERSION_COURANTE,
    motif: e.motif,
    message: e.message,
    horodatage: maintenant.toISOString(),
    demandeId: e.complement.demandeId ?? null,
    cleIdempotence: e.complement.cleIdempotence ?? null,
    champ: e.complement.champ ?? null,
  });
  envoyer(res, {
    statut: e.statut,
    xml,
    entetes: { 'X-Comedec-Motif': e.motif, ...(fermer ? { Connection: 'close' } : {}) },
  });
}

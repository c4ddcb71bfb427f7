import { createHash } from 'node:crypto';
import type { RegistreError } from '../../shared/errors';
import type { DocumentQuarantaine, MotifsQuarantaine } from '../../shared/contract/demandes';
import { estDocumentInvalide } from '../comedec';
import type { Base } from '../db';

/**
 * The quarantine: every received document refused (a request, an answer to a request sent),
 * kept with its reason in French for a person to look at. One writer for the table, so a
 * refused request and a refused answer are kept the same way (the first Mio, its size, its
 * fingerprint; the same bad document delivered twice is kept once).
 */
export type MotifQuarantaine = (typeof MotifsQuarantaine)[number];

export interface DocumentRefuse {
  livraison: string;
  idPlateforme: string | null;
  motif: MotifQuarantaine;
  raison: string;
  /** The bytes kept (the whole document, or its beginning when it was oversized). */
  octetsGardes: Uint8Array;
  octets: number;
  tronque: boolean;
  empreinte: string;
}

export const OCTETS_GARDES_MAX = 1024 * 1024;

export const sha256 = (o: Uint8Array) => createHash('sha256').update(o).digest('hex');

/** The reason a document the format module could not read is refused for. */
export function motifDe(e: RegistreError): MotifQuarantaine {
  if (e.code === 'format_inconnu') return 'format_inconnu';
  if (estDocumentInvalide(e)) return e.details.motif;
  return 'schema';
}

/**
 * A refused document as kept: its first Mio. `total`: its size when only its beginning was
 * received; `empreinte`: the whole document's fingerprint when it is known (by default, the
 * kept bytes').
 */
export function documentRefuse(r: {
  livraison: string;
  idPlateforme: string | null;
  motif: MotifQuarantaine;
  raison: string;
  octets: Uint8Array;
  total?: number;
  empreinte?: string;
}): DocumentRefuse {
  const total = r.total ?? r.octets.byteLength;
  const gardes = r.octets.subarray(0, OCTETS_GARDES_MAX);
  return {
    livraison: r.livraison,
    idPlateforme: r.idPlateforme,
    motif: r.motif,
    raison: r.raison,
    octetsGardes: gardes,
    octets: total,
    tronque: gardes.byteLength < total,
    empreinte: r.empreinte ?? sha256(gardes),
  };
}

export interface OrigineRefus {
  /** The platform that delivered it ('' for answers, acknowledged by their own route). */
  plateforme: string;
  recueLe: string;
  synchroId: number;
}

/** Prepares the one INSERT; returns a function telling whether the document was new (false: already kept). */
export function isoleur(db: Base): (q: DocumentRefuse, origine: OrigineRefus) => boolean {
  const inserer = db.prepare(
    `INSERT INTO quarantaine (plateforme, livraison, id_plateforme, motif, raison, document, octets, tronque, empreinte, recue_le, synchro_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  return (q, o) =>
    inserer.run(
      o.plateforme,
      q.livraison,
      q.idPlateforme,
      q.motif,
      q.raison,
      Buffer.from(q.octetsGardes.buffer, q.octetsGardes.byteOffset, q.octetsGardes.byteLength),
      q.octets,
      q.tronque ? 1 : 0,
      q.empreinte,
      o.recueLe,
      o.synchroId,
    ).changes === 1;
}

/** The platform was told: these deliveries' refused documents are acknowledged. */
export function marquerQuarantaineAccusee(
  db: Base,
  plateforme: string,
  livraisons: readonly string[],
  maintenant: Date,
): void {
  const q = db.prepare(
    'UPDATE quarantaine SET accusee_le = ? WHERE plateforme = ? AND livraison = ? AND accusee_le IS NULL',
  );
  const le = maintenant.toISOString();
  db.transaction(() => livraisons.forEach((l) => q.run(le, plateforme, l)))();
}

/** Refused request deliveries not acknowledged yet (answers are acknowledged by their own route). */
export function livraisonsRefuseesAAccuser(db: Base, plateforme: string, limite: number): string[] {
  return db
    .prepare(
      "SELECT DISTINCT livraison AS l FROM quarantaine WHERE plateforme = ? AND accusee_le IS NULL AND livraison NOT LIKE 'reponse:%' LIMIT ?",
    )
    .pluck()
    .all(plateforme, limite) as string[];
}

export function listerQuarantaine(db: Base, limite: number): DocumentQuarantaine[] {
  const lignes = db
    .prepare(
      'SELECT id, livraison, id_plateforme, motif, raison, octets, tronque, recue_le FROM quarantaine ORDER BY id DESC LIMIT ?',
    )
    .all(limite) as {
    id: number;
    livraison: string;
    id_plateforme: string | null;
    motif: DocumentQuarantaine['motif'];
    raison: string;
    octets: number;
    tronque: number;
    recue_le: string;
  }[];
  return lignes.map((l) => ({
    id: l.id,
    livraison: l.livraison,
    idPlateforme: l.id_plateforme,
    motif: l.motif,
    raison: l.raison,
    octets: l.octets,
    tronque: l.tronque === 1,
    recueLe: l.recue_le,
  }));
}

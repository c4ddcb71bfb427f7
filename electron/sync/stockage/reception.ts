import type { Base } from '../../db/connexion';
import type { Demande } from '../../comedec/format';
import { echeancesDe } from '../../../shared/domain/echeances';
import type { MotifsQuarantaine } from '../../../shared/contract/demandes';

/**
 * Storage of what a pull brought: accepted requests and quarantined documents, in ONE
 * transaction per batch, before the platform is told anything. The platform's id is UNIQUE:
 * a request delivered twice (a lost acknowledgement, a duplicate delivery) is counted as a
 * duplicate and stored once; same for a bad document, by delivery id.
 */
export interface DemandeAcceptee {
  livraison: string;
  demande: Demande;
  /** The document's text exactly as received. */
  document: string;
  empreinte: string;
}

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

export interface BilanLot {
  recues: number;
  doublons: number;
  quarantaine: number;
  /** The requests stored by this batch (for the alert). */
  nouvelles: { id: number; demande: Demande; jourLimite: string }[];
}

export function enregistrerLot(
  db: Base,
  synchroId: number,
  maintenant: Date,
  acceptees: readonly DemandeAcceptee[],
  refusees: readonly DocumentRefuse[],
): BilanLot {
  const recueLe = maintenant.toISOString();
  const insererDemande = db.prepare(
    `INSERT INTO demandes (id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition,
       echeance_procedure, jour_limite, retard_des, purge_le, donnees, document, empreinte, recue_le, synchro_id)
     VALUES (@id, @version, @specimen, @typeActe, @demandeur, @dispo, @procedure, @jourLimite, @retardDes, @purgeLe,
       @donnees, @document, @empreinte, @recueLe, @synchroId)
     ON CONFLICT (id_plateforme) DO NOTHING`,
  );
  const insererRefus = db.prepare(
    `INSERT INTO quarantaine (livraison, id_plateforme, motif, raison, document, octets, tronque, empreinte, recue_le, synchro_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (livraison) DO NOTHING`,
  );
  return db
    .transaction((): BilanLot => {
      const bilan: BilanLot = { recues: 0, doublons: 0, quarantaine: 0, nouvelles: [] };
      for (const a of acceptees) {
        const d = a.demande;
        const e = echeancesDe(d.dates.miseADisposition, d.dates.echeanceProcedure);
        const r = insererDemande.run({
          id: d.id,
          version: d.version,
          specimen: d.specimen ? 1 : 0,
          typeActe: d.typeActe,
          demandeur: d.demandeur.type,
          dispo: d.dates.miseADisposition,
          procedure: d.dates.echeanceProcedure,
          jourLimite: e.jourLimite,
          retardDes: e.retardDes.toISOString(),
          purgeLe: e.purgeLe.toISOString(),
          donnees: JSON.stringify(d),
          document: a.document,
          empreinte: a.empreinte,
          recueLe,
          synchroId,
        });
        if (r.changes === 1) {
          bilan.recues++;
          bilan.nouvelles.push({ id: Number(r.lastInsertRowid), demande: d, jourLimite: e.jourLimite });
        } else bilan.doublons++;
      }
      for (const q of refusees) {
        const r = insererRefus.run(
          q.livraison,
          q.idPlateforme,
          q.motif,
          q.raison,
          Buffer.from(q.octetsGardes.buffer, q.octetsGardes.byteOffset, q.octetsGardes.byteLength),
          q.octets,
          q.tronque ? 1 : 0,
          q.empreinte,
          recueLe,
          synchroId,
        );
        if (r.changes === 1) bilan.quarantaine++;
        else bilan.doublons++;
      }
      return bilan;
    })
    .immediate();
}

/**
 * Deliveries stored but not yet acknowledged to the platform (a crash or a network failure
 * between the commit and the acknowledgement): acknowledged first at the next sync.
 */
export function livraisonsAAccuser(db: Base, limite = 500): string[] {
  const demandes = db.prepare('SELECT id_plateforme AS l FROM demandes WHERE accusee_le IS NULL LIMIT ?').all(limite) as { l: string }[];
  // Answers received to requests sent are acknowledged by their own route (reception-reponses.ts).
  const refus = db.prepare("SELECT livraison AS l FROM quarantaine WHERE accusee_le IS NULL AND livraison NOT LIKE 'reponse:%' LIMIT ?").all(limite) as { l: string }[];
  return [...demandes, ...refus].map((x) => x.l);
}

export function marquerAccusees(db: Base, livraisons: readonly string[], maintenant: Date): void {
  const le = maintenant.toISOString();
  const d = db.prepare('UPDATE demandes SET accusee_le = ? WHERE id_plateforme = ? AND accusee_le IS NULL');
  const q = db.prepare('UPDATE quarantaine SET accusee_le = ? WHERE livraison = ? AND accusee_le IS NULL');
  db.transaction(() => {
    for (const l of livraisons) {
      d.run(le, l);
      q.run(le, l);
    }
  })();
}

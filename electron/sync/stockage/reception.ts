import type { Base } from '../../db/connexion';
import type { Demande } from '../../comedec/format';
import { echeancesDe } from '../../../shared/domain/echeances';
import type { MotifsQuarantaine } from '../../../shared/contract/demandes';

/**
 * Storage of what a pull brought: accepted requests and quarantined documents, in ONE
 * transaction per batch, before the platform is told anything. A request is keyed by the
 * platform that numbered it and that platform's id: the same document delivered twice (a lost
 * acknowledgement, a duplicate delivery) is counted as a duplicate and stored once; a
 * different document under a known id is quarantined; a bad document delivered twice is kept once.
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
  plateforme: string,
  synchroId: number,
  maintenant: Date,
  acceptees: readonly DemandeAcceptee[],
  refusees: readonly DocumentRefuse[],
): BilanLot {
  const recueLe = maintenant.toISOString();
  const insererDemande = db.prepare(
    `INSERT INTO demandes (plateforme, id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition,
       echeance_procedure, jour_limite, retard_des, purge_le, donnees, document, empreinte, recue_le, synchro_id)
     VALUES (@plateforme, @id, @version, @specimen, @typeActe, @demandeur, @dispo, @procedure, @jourLimite, @retardDes, @purgeLe,
       @donnees, @document, @empreinte, @recueLe, @synchroId)`,
  );
  // The same platform's id, or a row stored before platforms were recorded ('').
  const dejaLa = db.prepare(
    `SELECT plateforme, donnees FROM demandes WHERE id_plateforme = ? AND plateforme IN (?, '') ORDER BY plateforme DESC`,
  );
  const insererRefus = db.prepare(
    `INSERT INTO quarantaine (plateforme, livraison, id_plateforme, motif, raison, document, octets, tronque, empreinte, recue_le, synchro_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const isoler = (q: DocumentRefuse): boolean =>
    insererRefus.run(
      plateforme,
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
    ).changes === 1;
  return db
    .transaction((): BilanLot => {
      const bilan: BilanLot = { recues: 0, doublons: 0, quarantaine: 0, nouvelles: [] };
      for (const a of acceptees) {
        const d = a.demande;
        const donnees = JSON.stringify(d);
        const connues = dejaLa.all(d.id, plateforme) as { plateforme: string; donnees: string }[];
        // A duplicate is the same document (same content) from the same platform: a lost
        // acknowledgement, a second delivery. A different document under an id this platform
        // already used is never dropped: it goes to the quarantine for a person to look at.
        if (connues.some((c) => c.donnees === donnees)) {
          bilan.doublons++;
          continue;
        }
        if (connues.some((c) => c.plateforme === plateforme)) {
          const octets = Buffer.from(a.document, 'utf8');
          const conflit = refusPourConflit(a, octets);
          if (isoler(conflit)) bilan.quarantaine++;
          else bilan.doublons++;
          continue;
        }
        const e = echeancesDe(d.dates.miseADisposition, d.dates.echeanceProcedure);
        const r = insererDemande.run({
          plateforme,
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
          donnees,
          document: a.document,
          empreinte: a.empreinte,
          recueLe,
          synchroId,
        });
        bilan.recues++;
        bilan.nouvelles.push({ id: Number(r.lastInsertRowid), demande: d, jourLimite: e.jourLimite });
      }
      for (const q of refusees) {
        if (isoler(q)) bilan.quarantaine++;
        else bilan.doublons++;
      }
      return bilan;
    })
    .immediate();
}

function refusPourConflit(a: DemandeAcceptee, octets: Buffer): DocumentRefuse {
  const gardes = octets.subarray(0, 1024 * 1024);
  return {
    livraison: a.livraison,
    idPlateforme: a.demande.id,
    motif: 'conflit_identifiant',
    raison: `un autre document est déjà enregistré sous l’identifiant ${a.demande.id.slice(0, 60)} de cette plateforme`,
    octetsGardes: gardes,
    octets: octets.byteLength,
    tronque: gardes.byteLength < octets.byteLength,
    empreinte: a.empreinte,
  };
}

/**
 * Deliveries stored but not yet acknowledged to the platform (a crash or a network failure
 * between the commit and the acknowledgement): acknowledged first at the next sync.
 */
export function livraisonsAAccuser(db: Base, plateforme: string, limite = 500): string[] {
  // Only what THIS platform delivered: another platform's ids mean other documents here.
  const demandes = db.prepare('SELECT id_plateforme AS l FROM demandes WHERE plateforme = ? AND accusee_le IS NULL LIMIT ?').all(plateforme, limite) as { l: string }[];
  // Answers received to requests sent are acknowledged by their own route (reception-reponses.ts).
  const refus = db
    .prepare("SELECT DISTINCT livraison AS l FROM quarantaine WHERE plateforme = ? AND accusee_le IS NULL AND livraison NOT LIKE 'reponse:%' LIMIT ?")
    .all(plateforme, limite) as { l: string }[];
  return [...new Set([...demandes, ...refus].map((x) => x.l))];
}

export function marquerAccusees(db: Base, plateforme: string, livraisons: readonly string[], maintenant: Date): void {
  const le = maintenant.toISOString();
  const d = db.prepare('UPDATE demandes SET accusee_le = ? WHERE plateforme = ? AND id_plateforme = ? AND accusee_le IS NULL');
  const q = db.prepare('UPDATE quarantaine SET accusee_le = ? WHERE plateforme = ? AND livraison = ? AND accusee_le IS NULL');
  db.transaction(() => {
    for (const l of livraisons) {
      d.run(le, plateforme, l);
      q.run(le, plateforme, l);
    }
  })();
}

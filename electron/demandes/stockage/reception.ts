import { citer } from '../../../shared/citation';
import type { Base } from '../../db';
import type { Demande } from '../../comedec';
import { echeancesDe } from '../../../shared/domain/echeances';
import { clePersonne } from '../../../shared/domain/filtre-demandes';
import {
  documentRefuse,
  isoleur,
  livraisonsRefuseesAAccuser,
  marquerQuarantaineAccusee,
  type DocumentRefuse,
} from '../quarantaine';

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
       echeance_procedure, jour_limite, retard_des, purge_le, donnees, document, empreinte, recue_le, synchro_id, personne_recherche)
     VALUES (@plateforme, @id, @version, @specimen, @typeActe, @demandeur, @dispo, @procedure, @jourLimite, @retardDes, @purgeLe,
       @donnees, @document, @empreinte, @recueLe, @synchroId, @personne)`,
  );
  // The same platform's id, or a row stored before platforms were recorded ('').
  const dejaLa = db.prepare(
    `SELECT plateforme, donnees FROM demandes WHERE id_plateforme = ? AND plateforme IN (?, '') ORDER BY plateforme DESC`,
  );
  const inserer = isoleur(db);
  const isoler = (q: DocumentRefuse): boolean => inserer(q, { plateforme, recueLe, synchroId });
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
          if (isoler(refusPourConflit(a))) bilan.quarantaine++;
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
          personne: clePersonne(d.personne),
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

function refusPourConflit(a: DemandeAcceptee): DocumentRefuse {
  return documentRefuse({
    livraison: a.livraison,
    idPlateforme: a.demande.id,
    motif: 'conflit_identifiant',
    raison: `un autre document est déjà enregistré sous l’identifiant ${citer(a.demande.id)} de cette plateforme`,
    octets: Buffer.from(a.document, 'utf8'),
    empreinte: a.empreinte,
  });
}

/**
 * Deliveries stored but not yet acknowledged to the platform (a crash or a network failure
 * between the commit and the acknowledgement): acknowledged first at the next sync.
 */
export function livraisonsAAccuser(db: Base, plateforme: string, limite = 500): string[] {
  // Only what THIS platform delivered: another platform's ids mean other documents here.
  const demandes = db
    .prepare('SELECT id_plateforme FROM demandes WHERE plateforme = ? AND accusee_le IS NULL LIMIT ?')
    .pluck()
    .all(plateforme, limite) as string[];
  return [...new Set([...demandes, ...livraisonsRefuseesAAccuser(db, plateforme, limite)])];
}

export function marquerAccusees(db: Base, plateforme: string, livraisons: readonly string[], maintenant: Date): void {
  const le = maintenant.toISOString();
  const d = db.prepare(
    'UPDATE demandes SET accusee_le = ? WHERE plateforme = ? AND id_plateforme = ? AND accusee_le IS NULL',
  );
  db.transaction(() => {
    for (const l of livraisons) d.run(le, plateforme, l);
    marquerQuarantaineAccusee(db, plateforme, livraisons, maintenant);
  })();
}

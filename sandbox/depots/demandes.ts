import type { BasePlateforme } from '../base/ouvrir';
import type { Demande } from '../../electron/comedec';

/** A request as stored: its typed content without a version (rendered in the mailbox's version). */
export type DemandeNeutre = Omit<Demande, 'version'>;
export type OrigineDemande = 'generee' | 'deposee' | 'specimen' | 'emise';

/** What the generator knows about a request (never sent to the commune). */
export type Attendu = { detenu: true; type: string; annee: number; numero: number } | { detenu: false };

export interface DemandeStockee {
  id: string;
  codeInsee: string;
  donnees: DemandeNeutre;
  specimen: boolean;
  origine: OrigineDemande;
  attendu: Attendu | null;
  miseADisposition: string;
  echeance: string;
  purge: string;
  livraisons: number;
  acquitteeLe: string | null;
}

interface Ligne {
  id: string;
  code_insee: string;
  donnees: string;
  specimen: 0 | 1;
  origine: OrigineDemande;
  attendu: string | null;
  mise_a_disposition: string;
  echeance: string;
  purge: string;
  livraisons: number;
  acquittee_le: string | null;
}

const versDemande = (l: Ligne): DemandeStockee => ({
  id: l.id,
  codeInsee: l.code_insee,
  donnees: JSON.parse(l.donnees) as DemandeNeutre,
  specimen: l.specimen === 1,
  origine: l.origine,
  attendu: l.attendu ? (JSON.parse(l.attendu) as Attendu) : null,
  miseADisposition: l.mise_a_disposition,
  echeance: l.echeance,
  purge: l.purge,
  livraisons: l.livraisons,
  acquitteeLe: l.acquittee_le,
});

/** The requests of every mailbox. Purge is a matter of time, not of deletion: see `boite`. */
export class DepotDemandes {
  constructor(private readonly db: BasePlateforme) {}

  ajouter(d: Omit<DemandeStockee, 'livraisons' | 'acquitteeLe'>): void {
    this.db
      .prepare(
        `INSERT INTO demandes (id, code_insee, donnees, specimen, origine, attendu, mise_a_disposition, echeance, purge)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.id,
        d.codeInsee,
        JSON.stringify(d.donnees),
        d.specimen ? 1 : 0,
        d.origine,
        d.attendu ? JSON.stringify(d.attendu) : null,
        d.miseADisposition,
        d.echeance,
        d.purge,
      );
  }

  lire(id: string): DemandeStockee | null {
    const l = this.db.prepare('SELECT * FROM demandes WHERE id = ?').get(id) as Ligne | undefined;
    return l ? versDemande(l) : null;
  }

  /** Not acknowledged and not purged, oldest first. */
  boite(codeInsee: string, maintenant: Date, limite: number): DemandeStockee[] {
    const lignes = this.db
      .prepare(
        `SELECT * FROM demandes WHERE code_insee = ? AND acquittee_le IS NULL AND purge > ? AND mise_a_disposition <= ?
         ORDER BY mise_a_disposition, id LIMIT ?`,
      )
      .all(codeInsee, maintenant.toISOString(), maintenant.toISOString(), limite) as Ligne[];
    return lignes.map(versDemande);
  }

  /** Already acknowledged but not purged: what a duplicate delivery sends again. */
  dejaAcquittees(codeInsee: string, maintenant: Date, limite: number): DemandeStockee[] {
    const lignes = this.db
      .prepare(
        `SELECT * FROM demandes WHERE code_insee = ? AND acquittee_le IS NOT NULL AND purge > ? ORDER BY acquittee_le DESC LIMIT ?`,
      )
      .all(codeInsee, maintenant.toISOString(), limite) as Ligne[];
    return lignes.map(versDemande);
  }

  marquerLivrees(ids: string[]): void {
    const s = this.db.prepare('UPDATE demandes SET livraisons = livraisons + 1 WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => s.run(id)))();
  }

  /** Idempotent: acknowledging again changes nothing. Unknown or foreign ids are reported. */
  acquitter(codeInsee: string, ids: string[], maintenant: Date): { acquittees: string[]; inconnues: string[] } {
    const acquittees: string[] = [];
    const inconnues: string[] = [];
    const lire = this.db.prepare('SELECT code_insee FROM demandes WHERE id = ?');
    const maj = this.db.prepare('UPDATE demandes SET acquittee_le = ? WHERE id = ? AND acquittee_le IS NULL');
    this.db.transaction(() => {
      for (const id of ids) {
        const l = lire.get(id) as { code_insee: string } | undefined;
        if (!l || l.code_insee !== codeInsee) {
          inconnues.push(id);
          continue;
        }
        maj.run(maintenant.toISOString(), id);
        acquittees.push(id);
      }
    })();
    return { acquittees, inconnues };
  }

  compter(codeInsee: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM demandes WHERE code_insee = ?').get(codeInsee) as { n: number })
      .n;
  }
}

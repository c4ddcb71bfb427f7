import type { BasePlateforme } from '../base/ouvrir';

export interface DemandeEmiseStockee {
  id: string;
  emettrice: string;
  destinataire: string;
  reference: string;
  cleIdempotence: string;
  empreinte: string;
  xml: string;
  accuse: string;
  recuLe: string;
  reponseXml: string | null;
  reponseDisponibleLe: string | null;
  reponseAcquitteeLe: string | null;
}

interface Ligne {
  id: string;
  code_insee_emettrice: string;
  code_insee_destinataire: string;
  reference: string;
  cle_idempotence: string;
  empreinte: string;
  xml: string;
  accuse: string;
  recu_le: string;
  reponse_xml: string | null;
  reponse_disponible_le: string | null;
  reponse_acquittee_le: string | null;
}

const versEmise = (l: Ligne): DemandeEmiseStockee => ({
  id: l.id,
  emettrice: l.code_insee_emettrice,
  destinataire: l.code_insee_destinataire,
  reference: l.reference,
  cleIdempotence: l.cle_idempotence,
  empreinte: l.empreinte,
  xml: l.xml,
  accuse: l.accuse,
  recuLe: l.recu_le,
  reponseXml: l.reponse_xml,
  reponseDisponibleLe: l.reponse_disponible_le,
  reponseAcquitteeLe: l.reponse_acquittee_le,
});

/** Requests a commune sent to another one, and the answers they got. */
export class DepotDemandesEmises {
  constructor(private readonly db: BasePlateforme) {}

  ajouter(d: Omit<DemandeEmiseStockee, 'reponseXml' | 'reponseDisponibleLe' | 'reponseAcquitteeLe'>): void {
    this.db
      .prepare(
        `INSERT INTO demandes_emises (id, code_insee_emettrice, code_insee_destinataire, reference, cle_idempotence, empreinte, xml, accuse, recu_le)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.id, d.emettrice, d.destinataire, d.reference, d.cleIdempotence, d.empreinte, d.xml, d.accuse, d.recuLe);
  }

  lire(id: string): DemandeEmiseStockee | null {
    const l = this.db.prepare('SELECT * FROM demandes_emises WHERE id = ?').get(id) as Ligne | undefined;
    return l ? versEmise(l) : null;
  }

  parCle(emettrice: string, cle: string): DemandeEmiseStockee | null {
    const l = this.db
      .prepare('SELECT * FROM demandes_emises WHERE code_insee_emettrice = ? AND cle_idempotence = ?')
      .get(emettrice, cle) as Ligne | undefined;
    return l ? versEmise(l) : null;
  }

  enregistrerReponse(id: string, xml: string, disponibleLe: Date): void {
    this.db
      .prepare(
        'UPDATE demandes_emises SET reponse_xml = ?, reponse_disponible_le = ? WHERE id = ? AND reponse_xml IS NULL',
      )
      .run(xml, disponibleLe.toISOString(), id);
  }

  /** Answers available and not yet acknowledged by the sending commune. */
  reponsesDisponibles(emettrice: string, maintenant: Date): DemandeEmiseStockee[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM demandes_emises WHERE code_insee_emettrice = ? AND reponse_xml IS NOT NULL
           AND reponse_acquittee_le IS NULL AND reponse_disponible_le <= ? ORDER BY reponse_disponible_le, id`,
        )
        .all(emettrice, maintenant.toISOString()) as Ligne[]
    ).map(versEmise);
  }

  acquitterReponses(emettrice: string, ids: string[], maintenant: Date): { acquittees: string[]; inconnues: string[] } {
    const acquittees: string[] = [];
    const inconnues: string[] = [];
    const maj = this.db.prepare(
      `UPDATE demandes_emises SET reponse_acquittee_le = coalesce(reponse_acquittee_le, ?)
       WHERE id = ? AND code_insee_emettrice = ? AND reponse_xml IS NOT NULL AND reponse_disponible_le <= ?`,
    );
    this.db.transaction(() => {
      for (const id of ids) {
        if (maj.run(maintenant.toISOString(), id, emettrice, maintenant.toISOString()).changes === 1)
          acquittees.push(id);
        else inconnues.push(id);
      }
    })();
    return { acquittees, inconnues };
  }
}

import type { BasePlateforme } from '../base/ouvrir';

export interface ReponseStockee {
  demandeId: string;
  codeInsee: string;
  cleIdempotence: string;
  empreinte: string;
  xml: string;
  version: number;
  nature: 'positive' | 'negative';
  signataire: string;
  accuse: string;
  recuLe: string;
}

interface Ligne {
  demande_id: string;
  code_insee: string;
  cle_idempotence: string;
  empreinte: string;
  xml: string;
  version: number;
  nature: 'positive' | 'negative';
  signataire: string;
  accuse: string;
  recu_le: string;
}

const versReponse = (l: Ligne): ReponseStockee => ({
  demandeId: l.demande_id,
  codeInsee: l.code_insee,
  cleIdempotence: l.cle_idempotence,
  empreinte: l.empreinte,
  xml: l.xml,
  version: l.version,
  nature: l.nature,
  signataire: l.signataire,
  accuse: l.accuse,
  recuLe: l.recu_le,
});

/** Answers received, with the receipt returned (a replay returns it unchanged). */
export class DepotReponses {
  constructor(private readonly db: BasePlateforme) {}

  parCle(codeInsee: string, cle: string): ReponseStockee | null {
    const l = this.db
      .prepare('SELECT * FROM reponses WHERE code_insee = ? AND cle_idempotence = ?')
      .get(codeInsee, cle) as Ligne | undefined;
    return l ? versReponse(l) : null;
  }

  parDemande(demandeId: string): ReponseStockee | null {
    const l = this.db.prepare('SELECT * FROM reponses WHERE demande_id = ?').get(demandeId) as Ligne | undefined;
    return l ? versReponse(l) : null;
  }

  ajouter(r: ReponseStockee): void {
    this.db
      .prepare(
        `INSERT INTO reponses (demande_id, code_insee, cle_idempotence, empreinte, xml, version, nature, signataire, accuse, recu_le)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.demandeId,
        r.codeInsee,
        r.cleIdempotence,
        r.empreinte,
        r.xml,
        r.version,
        r.nature,
        r.signataire,
        r.accuse,
        r.recuLe,
      );
  }

  deCommune(codeInsee: string): ReponseStockee[] {
    return (
      this.db.prepare('SELECT * FROM reponses WHERE code_insee = ? ORDER BY recu_le').all(codeInsee) as Ligne[]
    ).map(versReponse);
  }
}

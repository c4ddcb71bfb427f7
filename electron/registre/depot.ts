import type Database from 'better-sqlite3';
import type { Acte, TypeActe } from '../../shared/domain/acte';
import { erreurs } from '../../shared/errors';
import type { Base } from '../db';
import { preparerActe, type ActePrepare } from './acte-prepare';
import { decoderDonnees } from './donnees-acte';
import { libelleCle } from './libelles';
import { vocabulairePour, type Vocabulaire } from './recherche/vocabulaire';

export type EffetEnregistrement = 'ajoute' | 'modifie' | 'inchange';

interface LigneActe {
  id: number;
  type: TypeActe;
  annee: number;
  numero: number;
  date_acte: string | null;
  date_evenement: string | null;
  indexe: 0 | 1;
  origine: Acte['origine'];
  demande_origine: string | null;
  donnees: string;
  cree_le: string;
  modifie_le: string;
}

/**
 * The acts store: reads and writes acts and keeps the search index and the vocabulary in
 * step, in the same transaction. Statements are prepared once per instance: the import calls
 * `enregistrer` a million times.
 */
export class DepotActes {
  private readonly s: {
    parId: Database.Statement<[number], LigneActe>;
    parCle: Database.Statement<[TypeActe, number, number], LigneActe>;
    idParCle: Database.Statement<[TypeActe, number, number], number>;
    inserer: Database.Statement<unknown[]>;
    modifier: Database.Statement<unknown[]>;
    indexer: Database.Statement<[number, string]>;
    desindexer: Database.Statement<[number]>;
    compterParType: Database.Statement<[], { type: TypeActe; n: number }>;
    compterNonIndexes: Database.Statement<[], number>;
  };
  private readonly vocabulaire: Vocabulaire;
  private readonly enTransaction: (acte: ActePrepare, horodatage: string) => { id: number; effet: EffetEnregistrement };

  constructor(private readonly db: Base) {
    this.s = {
      parId: db.prepare('SELECT * FROM actes WHERE id = ?'),
      parCle: db.prepare('SELECT * FROM actes WHERE type = ? AND annee = ? AND numero = ?'),
      idParCle: db
        .prepare<[TypeActe, number, number], number>('SELECT id FROM actes WHERE type = ? AND annee = ? AND numero = ?')
        .pluck(),
      inserer: db.prepare(
        `INSERT INTO actes (type, annee, numero, date_acte, date_evenement, indexe, origine, demande_origine, donnees, cree_le, modifie_le)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (type, annee, numero) DO NOTHING`,
      ),
      modifier: db.prepare(
        // The request an act was indexed from is set once, by that indexing; an update without one keeps it.
        `UPDATE actes SET type = ?, annee = ?, numero = ?, date_acte = ?, date_evenement = ?, indexe = ?,
           demande_origine = coalesce(?, demande_origine), donnees = ?, modifie_le = ?
         WHERE id = ?`,
      ),
      indexer: db.prepare('INSERT INTO actes_recherche (rowid, termes) VALUES (?, ?)'),
      desindexer: db.prepare('DELETE FROM actes_recherche WHERE rowid = ?'),
      compterParType: db.prepare('SELECT type, count(*) AS n FROM actes GROUP BY type'),
      compterNonIndexes: db.prepare<[], number>('SELECT count(*) FROM actes WHERE indexe = 0').pluck(),
    };
    this.vocabulaire = vocabulairePour(db);
    this.enTransaction = db.transaction((acte: ActePrepare, horodatage: string) => this.ecrire(acte, horodatage));
  }

  lire(id: number): Acte | undefined {
    const ligne = this.s.parId.get(id);
    return ligne && versActe(ligne);
  }

  parCle(type: TypeActe, annee: number, numero: number): Acte | undefined {
    const ligne = this.s.parCle.get(type, annee, numero);
    return ligne && versActe(ligne);
  }

  /**
   * Insert or update by (type, annee, numero), the act's identity in the register, keeping
   * the search index in step. With `acte.id`, updates that act (its key may change, but never
   * onto another act's key: `conflit`). Runs inside the caller's transaction if any.
   * 'inchange' when the stored act is identical: importing the same file twice changes
   * nothing, not even `modifie_le`. The origin of an act is the one it first came in with.
   */
  enregistrer(acte: Acte, horodatage: string): { id: number; effet: EffetEnregistrement } {
    return this.enregistrerPrepare(preparerActe(acte), horodatage);
  }

  /** Same as `enregistrer`, for an act prepared beforehand (possibly in another thread). */
  enregistrerPrepare(acte: ActePrepare, horodatage: string): { id: number; effet: EffetEnregistrement } {
    // Inside the caller's transaction, its rollback covers our writes; alone, one
    // transaction keeps the act, its index row and its words together.
    return this.db.inTransaction ? this.ecrire(acte, horodatage) : this.enTransaction(acte, horodatage);
  }

  statistiques(): { total: number; naissance: number; mariage: number; deces: number; nonIndexes: number } {
    const r = { total: 0, naissance: 0, mariage: 0, deces: 0, nonIndexes: this.s.compterNonIndexes.get() ?? 0 };
    for (const { type, n } of this.s.compterParType.all()) {
      r[type] = n;
      r.total += n;
    }
    return r;
  }

  private ecrire(acte: ActePrepare, horodatage: string): { id: number; effet: EffetEnregistrement } {
    if (acte.id !== undefined) return this.modifierParId(acte, acte.id, horodatage);
    const r = this.s.inserer.run(
      acte.type,
      acte.annee,
      acte.numero,
      acte.dateActe,
      acte.dateEvenement,
      acte.indexe,
      acte.origine,
      acte.demandeOrigine,
      acte.donnees,
      horodatage,
      horodatage,
    );
    if (r.changes === 1) {
      const id = Number(r.lastInsertRowid);
      this.indexer(id, acte);
      return { id, effet: 'ajoute' };
    }
    const existant = this.s.parCle.get(acte.type, acte.annee, acte.numero)!;
    return this.remplacer(existant, acte, horodatage);
  }

  private modifierParId(acte: ActePrepare, id: number, horodatage: string): { id: number; effet: EffetEnregistrement } {
    const existant = this.s.parId.get(id);
    if (!existant) throw erreurs.introuvable('Acte', id);
    const titulaireCle = this.s.idParCle.get(acte.type, acte.annee, acte.numero);
    if (titulaireCle !== undefined && titulaireCle !== id) {
      throw erreurs.conflit(
        `${libelleCle(acte)} existe déjà dans le registre : un autre acte ne peut pas prendre son numéro.`,
      );
    }
    return this.remplacer(existant, acte, horodatage);
  }

  private remplacer(
    existant: LigneActe,
    acte: ActePrepare,
    horodatage: string,
  ): { id: number; effet: EffetEnregistrement } {
    if (identique(existant, acte)) return { id: existant.id, effet: 'inchange' };
    this.s.modifier.run(
      acte.type,
      acte.annee,
      acte.numero,
      acte.dateActe,
      acte.dateEvenement,
      acte.indexe,
      acte.demandeOrigine,
      acte.donnees,
      horodatage,
      existant.id,
    );
    this.s.desindexer.run(existant.id);
    this.indexer(existant.id, acte);
    return { id: existant.id, effet: 'modifie' };
  }

  private indexer(id: number, acte: ActePrepare): void {
    this.s.indexer.run(id, acte.termes);
    if (acte.mots.length) this.vocabulaire.assurer(acte.mots);
  }
}

/** Same content (origin and timestamps are not content: they say where and when it came in). */
function identique(l: LigneActe, a: ActePrepare): boolean {
  return (
    l.type === a.type &&
    l.annee === a.annee &&
    l.numero === a.numero &&
    l.date_acte === a.dateActe &&
    l.date_evenement === a.dateEvenement &&
    l.indexe === a.indexe &&
    (a.demandeOrigine === null || l.demande_origine === a.demandeOrigine) &&
    l.donnees === a.donnees
  );
}

function versActe(l: LigneActe): Acte {
  return {
    id: l.id,
    type: l.type,
    annee: l.annee,
    numero: l.numero,
    dateActe: l.date_acte,
    dateEvenement: l.date_evenement,
    ...decoderDonnees(l.donnees),
    origine: l.origine,
    // Only on the acts that have one: every other act reads as before.
    ...(l.demande_origine !== null ? { demandeOrigine: l.demande_origine } : {}),
    indexe: l.indexe === 1,
    creeLe: l.cree_le,
    modifieLe: l.modifie_le,
  };
}

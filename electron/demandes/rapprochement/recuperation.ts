import type Database from 'better-sqlite3';
import type { TypeActe } from '../../../shared/domain/acte';
import type { ActeCompare, DonneesDemande } from '../../../shared/domain/correspondance';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import { decoderDonnees } from '../../registre';
import { requetesFts, type RequeteFts } from './requetes-fts';
import { VariantesMot } from './variantes-mot';

/** Past this many acts the comparison would cost more than the time allowed per request. */
const MAX_ACTES = 400;

interface LigneActe {
  id: number;
  type: TypeActe;
  annee: number;
  numero: number;
  date_evenement: string | null;
  donnees: string;
}

/**
 * Brings out of the register the acts a request may be about: the union of the index searches
 * of requetes-fts.ts, restricted to the request's type of act and to indexed acts. Statements
 * are prepared once per connection and reused for every request of a batch.
 */
export class RecuperationCandidats {
  private readonly variantes: VariantesMot;
  private readonly s: {
    chercher: Database.Statement<[string, TypeActe, number], number>;
    lire: Database.Statement<[number], LigneActe>;
    nonIndexesAnnee: Database.Statement<[TypeActe, number], number>;
    nonIndexes: Database.Statement<[TypeActe], number>;
  };

  /**
   * `horloge`: a date may be corrected up to next year, by the app's clock (a test's fixed
   * clock gives the same candidates every year).
   */
  constructor(
    db: Base,
    private readonly horloge: Horloge,
  ) {
    this.variantes = new VariantesMot(db);
    this.s = {
      chercher: db
        .prepare<[string, TypeActe, number], number>(
          `SELECT a.id FROM actes_recherche r JOIN actes a ON a.id = r.rowid
           WHERE actes_recherche MATCH ? AND a.type = ? AND a.indexe = 1 LIMIT ?`,
        )
        .pluck(),
      lire: db.prepare<[number], LigneActe>(
        'SELECT id, type, annee, numero, date_evenement, donnees FROM actes WHERE id = ?',
      ),
      nonIndexesAnnee: db
        .prepare<[TypeActe, number], number>('SELECT count(*) FROM actes WHERE indexe = 0 AND type = ? AND annee = ?')
        .pluck(),
      nonIndexes: db.prepare<[TypeActe], number>('SELECT count(*) FROM actes WHERE indexe = 0 AND type = ?').pluck(),
    };
  }

  requetes(d: DonneesDemande, elargie = false): RequeteFts[] {
    return requetesFts(d, (mot) => this.variantes.de(mot), {
      anneeMax: this.horloge.maintenant().getFullYear() + 1,
      elargie,
    });
  }

  /**
   * Candidate acts, each once, in the order the searches found them (date first). `elargie`:
   * the wider search, for a request the usual searches found nothing for (requetes-fts.ts).
   */
  actes(d: DonneesDemande, elargie = false): ActeCompare[] {
    const ids = new Set<number>();
    for (const r of this.requetes(d, elargie)) {
      for (const id of this.s.chercher.all(r.expression, d.typeActe, r.limite)) {
        ids.add(id);
        if (ids.size >= MAX_ACTES) break;
      }
      if (ids.size >= MAX_ACTES) break;
    }
    const actes: ActeCompare[] = [];
    for (const id of ids) {
      const l = this.s.lire.get(id);
      if (!l) continue;
      const { lieuEvenement, personnes, mentions } = decoderDonnees(l.donnees);
      actes.push({
        id: l.id,
        type: l.type,
        annee: l.annee,
        numero: l.numero,
        dateEvenement: l.date_evenement,
        lieuEvenement,
        personnes,
        mentions,
      });
    }
    return actes;
  }

  /**
   * Acts of this type not keyed in yet, in the year the request's act would be registered
   * (all years when the request gives no date): an "aucun" outcome says whether the act
   * may be among them.
   */
  nonIndexes(d: DonneesDemande): { annee: number | null; nombre: number } {
    const date = d.typeActe === 'naissance' ? (d.personne.dateNaissance ?? d.evenement?.date) : d.evenement?.date;
    const annee = date ? Number(date.slice(0, 4)) : null;
    return annee === null
      ? { annee, nombre: this.s.nonIndexes.get(d.typeActe) ?? 0 }
      : { annee, nombre: this.s.nonIndexesAnnee.get(d.typeActe, annee) ?? 0 };
  }
}

import type Database from 'better-sqlite3';
import {
  ResultatRapprochementSchema,
  type Issue,
  type ResultatRapprochement,
} from '../../../shared/domain/correspondance';
import { CyclesEnAttente } from '../../../shared/domain/cycle-demande';
import type { Base } from '../../db';

/** Requests still waiting for an answer: the only ones matched again when the register changes. */
const CYCLES_EN_ATTENTE = `(${CyclesEnAttente.map((c) => `'${c}'`).join(', ')})`;

export interface RapprochementEnregistre {
  demandeId: number;
  resultat: ResultatRapprochement;
  calculeLe: string;
  dureeMs: number;
  /** The register changed since: the result is being redone. */
  perime: boolean;
}

interface Ligne {
  demande_id: number;
  resultat: string;
  calcule_le: string;
  duree_ms: number;
  perime: 0 | 1;
}

/** The `rapprochements` table (migration 0005): one matching result per request. */
export class DepotRapprochements {
  private readonly s: {
    ecrire: Database.Statement<unknown[]>;
    lire: Database.Statement<[number], Ligne>;
    perimer: Database.Statement<[]>;
    aFaire: Database.Statement<[number], number>;
    issue: Database.Statement<[number], { issue: Issue; score: number | null; perime: 0 | 1 }>;
  };

  constructor(db: Base) {
    this.s = {
      ecrire: db.prepare(
        `INSERT INTO rapprochements (demande_id, issue, acte_id, score, candidats, resultat, perime, calcule_le, duree_ms)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT (demande_id) DO UPDATE SET issue = excluded.issue, acte_id = excluded.acte_id, score = excluded.score,
           candidats = excluded.candidats, resultat = excluded.resultat, perime = 0, calcule_le = excluded.calcule_le,
           duree_ms = excluded.duree_ms`,
      ),
      lire: db.prepare(
        'SELECT demande_id, resultat, calcule_le, duree_ms, perime FROM rapprochements WHERE demande_id = ?',
      ),
      perimer: db.prepare(
        `UPDATE rapprochements SET perime = 1
         WHERE perime = 0 AND demande_id IN (SELECT id FROM demandes WHERE cycle IN ${CYCLES_EN_ATTENTE})`,
      ),
      // Most urgent first: the request whose deadline comes first gets its candidates first.
      aFaire: db
        .prepare<[number], number>(
          `SELECT d.id FROM demandes d LEFT JOIN rapprochements r ON r.demande_id = d.id
           WHERE d.cycle IN ${CYCLES_EN_ATTENTE} AND (r.demande_id IS NULL OR r.perime = 1)
           ORDER BY d.retard_des, d.id LIMIT ?`,
        )
        .pluck(),
      issue: db.prepare('SELECT issue, score, perime FROM rapprochements WHERE demande_id = ?'),
    };
  }

  enregistrer(demandeId: number, resultat: ResultatRapprochement, calculeLe: string, dureeMs: number): void {
    const meilleur = resultat.candidats[0];
    this.s.ecrire.run(
      demandeId,
      resultat.issue,
      meilleur?.acteId ?? null,
      meilleur?.score ?? null,
      resultat.candidats.length,
      JSON.stringify(resultat),
      calculeLe,
      Math.max(0, dureeMs),
    );
  }

  lire(demandeId: number): RapprochementEnregistre | undefined {
    const l = this.s.lire.get(demandeId);
    if (!l) return undefined;
    return {
      demandeId: l.demande_id,
      resultat: ResultatRapprochementSchema.parse(JSON.parse(l.resultat)),
      calculeLe: l.calcule_le,
      dureeMs: l.duree_ms,
      perime: l.perime === 1,
    };
  }

  /** The register changed: every waiting request's result is stale. Returns how many. */
  perimerEnAttente(): number {
    return this.s.perimer.run().changes;
  }

  /** Waiting requests never matched, or matched before the register last changed. */
  aFaire(limite: number): number[] {
    return this.s.aFaire.all(limite);
  }

  issue(demandeId: number): { issue: Issue; score: number | null; perime: boolean } | null {
    const l = this.s.issue.get(demandeId);
    return l ? { issue: l.issue, score: l.score, perime: l.perime === 1 } : null;
  }
}

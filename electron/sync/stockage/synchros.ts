import type { Base } from '../../db';
import type { ResultatSynchro } from '../../../shared/contract/sync';

/** One row per sync run: what the status line and the diagnostics show. */
interface LigneSynchro {
  id: number;
  declenchement: 'automatique' | 'manuel';
  debut: string;
  fin: string | null;
  statut: ResultatSynchro['statut'];
  recues: number;
  doublons: number;
  quarantaine: number;
  acceptees: number;
  rejetees: number;
  erreur: string | null;
}

export type Compteurs = Pick<ResultatSynchro, 'recues' | 'doublons' | 'quarantaine' | 'acceptees' | 'rejetees'>;

export function commencer(db: Base, declenchement: 'automatique' | 'manuel', le: Date): number {
  return Number(
    db.prepare('INSERT INTO synchros (declenchement, debut) VALUES (?, ?)').run(declenchement, le.toISOString())
      .lastInsertRowid,
  );
}

export function ajouter(db: Base, id: number, c: Partial<Compteurs>): void {
  db.prepare(
    `UPDATE synchros SET recues = recues + @recues, doublons = doublons + @doublons, quarantaine = quarantaine + @quarantaine,
       acceptees = acceptees + @acceptees, rejetees = rejetees + @rejetees WHERE id = @id`,
  ).run({ id, recues: 0, doublons: 0, quarantaine: 0, acceptees: 0, rejetees: 0, ...c });
}

export function terminer(
  db: Base,
  id: number,
  statut: 'reussie' | 'partielle' | 'echouee',
  erreur: string | null,
  le: Date,
): void {
  db.prepare('UPDATE synchros SET statut = ?, erreur = ?, fin = ? WHERE id = ?').run(
    statut,
    erreur,
    le.toISOString(),
    id,
  );
}

export function noterCourriel(db: Base, id: number, courriel: 'envoye' | 'echec' | 'non_configure'): void {
  db.prepare('UPDATE synchros SET courriel = ? WHERE id = ?').run(courriel, id);
}

/** Runs left 'en_cours' by a crash or a kill: marked interrupted at start-up. */
export function marquerInterrompues(db: Base, le: Date): number {
  return db
    .prepare("UPDATE synchros SET statut = 'interrompue', fin = ? WHERE statut = 'en_cours'")
    .run(le.toISOString()).changes;
}

export function resultat(db: Base, id: number, enAttente: number): ResultatSynchro {
  const l = db.prepare('SELECT * FROM synchros WHERE id = ?').get(id) as LigneSynchro;
  return { ...l, enAttente };
}

export function derniere(db: Base): number | null {
  const l = db.prepare("SELECT id FROM synchros WHERE statut <> 'en_cours' ORDER BY id DESC LIMIT 1").get() as
    { id: number } | undefined;
  return l?.id ?? null;
}

/** Start of the last run, whatever its outcome: a failing platform is retried at the next interval, not at once. */
export function derniereTentative(db: Base): Date | null {
  const l = db.prepare('SELECT debut FROM synchros ORDER BY id DESC LIMIT 1').get() as { debut: string } | undefined;
  return l ? new Date(l.debut) : null;
}

import type { TypeActe } from '../../shared/domain/acte';
import type { Base } from '../db';

/**
 * Acts of one type and year known only by their number (not keyed in yet): one of them may be
 * the act a request asks for. The answers room blocks a negative answer on them and links to
 * them ("indexez l'acte").
 */
export function actesNonIndexes(
  db: Base,
  type: TypeActe,
  annee: number,
  limite = 20,
): { acteId: number; type: TypeActe; annee: number; numero: number }[] {
  return db
    .prepare<[TypeActe, number, number], { acteId: number; type: TypeActe; annee: number; numero: number }>(
      'SELECT id AS acteId, type, annee, numero FROM actes WHERE indexe = 0 AND type = ? AND annee = ? ORDER BY numero LIMIT ?',
    )
    .all(type, annee, limite);
}

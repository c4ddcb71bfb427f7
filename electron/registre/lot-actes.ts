import type { ActePrepare } from './acte-prepare';

/**
 * A batch of prepared acts as one flat array of strings, numbers and nulls, the form in
 * which the import's reading thread hands acts to the writing thread: cheap to copy between
 * threads (no object per act to clone), and bound as it is to multi-row INSERT statements
 * (see depot-lots.ts), so the writing thread builds nothing per act.
 *
 * Each act takes `CHAMPS_PAR_ACTE` consecutive cells, in the order of `CHAMPS_LOT`
 * (`donnees` is the act's JSON text, see donnees-acte.ts). The origin is always 'import'.
 */
export const CHAMPS_LOT = [
  'type',
  'annee',
  'numero',
  'dateActe',
  'dateEvenement',
  'indexe',
  'donnees',
  'termes',
] as const satisfies readonly (keyof ActePrepare)[];
export const CHAMPS_PAR_ACTE = CHAMPS_LOT.length;

export type ValeurLot = string | number | null;

export function ajouterAuLot(lot: ValeurLot[], a: ActePrepare): void {
  lot.push(a.type, a.annee, a.numero, a.dateActe, a.dateEvenement, a.indexe, a.donnees, a.termes);
}

/** The act at position `i` of the batch, back as a prepared act (for the few already in the register). */
export function acteDuLot(lot: readonly ValeurLot[], i: number): ActePrepare {
  const d = i * CHAMPS_PAR_ACTE;
  return {
    type: lot[d] as ActePrepare['type'],
    annee: lot[d + 1] as number,
    numero: lot[d + 2] as number,
    dateActe: lot[d + 3] as string | null,
    dateEvenement: lot[d + 4] as string | null,
    indexe: lot[d + 5] as 0 | 1,
    origine: 'import',
    // An imported act comes from no request; a re-import keeps the request an act was keyed from.
    demandeOrigine: null,
    donnees: lot[d + 6] as string,
    termes: lot[d + 7] as string,
    // The batch's words are given to the vocabulary with the batch.
    mots: [],
  };
}

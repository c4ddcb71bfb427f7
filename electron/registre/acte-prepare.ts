import type { Acte, Origine, TypeActe } from '../../shared/domain/acte';
import { encoderDonnees } from './donnees-acte';
import { termesActe } from './recherche/termes-acte';

/**
 * An act made ready for the store: its columns, its JSON text, its search terms. Computing
 * this is the store's JavaScript work (about a third of the cost of saving an act); it is
 * pure and the result is a plain object of strings and numbers, so a bulk import may prepare
 * acts in another thread and send them to the writing thread (`DepotActes.enregistrerPrepare`).
 */
export interface ActePrepare {
  id?: number;
  type: TypeActe;
  annee: number;
  numero: number;
  dateActe: string | null;
  dateEvenement: string | null;
  indexe: 0 | 1;
  origine: Origine;
  /** The request the act was indexed from (null: none, or kept as stored on an update). */
  demandeOrigine: string | null;
  /** See donnees-acte.ts. */
  donnees: string;
  /** Text of the act's row in the search index. */
  termes: string;
  /** Name words, for the vocabulary. */
  mots: string[];
}

export function preparerActe(acte: Acte): ActePrepare {
  const { texte, mots } = termesActe(acte);
  return {
    id: acte.id,
    type: acte.type,
    annee: acte.annee,
    numero: acte.numero,
    dateActe: acte.dateActe,
    dateEvenement: acte.dateEvenement,
    indexe: acte.indexe ? 1 : 0,
    origine: acte.origine,
    demandeOrigine: acte.demandeOrigine ?? null,
    donnees: encoderDonnees(acte),
    termes: texte,
    mots,
  };
}

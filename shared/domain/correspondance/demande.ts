import type { Acte, Lieu, Sexe, TypeActe } from '../acte';

/**
 * What matching needs from a request: the data the citizen declared. The exchange format's
 * `Demande` (electron/comedec/format) satisfies it structurally; keeping it here lets the pure
 * matching live in shared/ without depending on the XML layer.
 */
export interface PersonneDemandee {
  nom: string;
  /** Usage name (a spouse's), when declared. */
  nomUsage?: string | null;
  prenoms: readonly string[];
  sexe: Sexe | null;
  dateNaissance: string | null;
  lieuNaissance: Lieu | null;
}

export interface ParentDemande {
  nom: string;
  prenoms: readonly string[];
}

export interface DonneesDemande {
  typeActe: TypeActe;
  personne: PersonneDemandee;
  pere: ParentDemande | null;
  mere: ParentDemande | null;
  /** Marriage: the other spouse; death: the surviving spouse, when declared. */
  conjoint: ParentDemande | null;
  /** Marriage or death: the event's date and place as declared. */
  evenement: { date: string | null; lieu: Lieu | null } | null;
}

/** The register's side: an act as stored, with its identity. */
export type ActeCompare = Pick<
  Acte,
  'type' | 'annee' | 'numero' | 'dateEvenement' | 'lieuEvenement' | 'personnes' | 'mentions'
> & {
  id: number;
};

/**
 * Why a received document is refused before it is even a request: the reader's verdicts.
 * The reader (electron/comedec/format) raises them; the contract's quarantine reasons extend
 * this list (shared/contract/demandes.ts), so a new verdict cannot be forgotten on the screen.
 */
export const MotifsDocumentInvalide = [
  'trop_volumineux',
  'encodage_invalide',
  'dtd_interdite',
  'xml_mal_forme',
  'document_inattendu',
  'schema',
  /** Past the pre-scan's bounds (depth, counts, lengths): shared/xml/limites.ts. */
  'trop_complexe',
] as const;
export type MotifDocumentInvalide = (typeof MotifsDocumentInvalide)[number];

/** The documents of the format, as errors and verdicts name them. */
export type NomDocument = 'demande' | 'reponse' | 'accuse' | 'rejet' | 'demandeEmise' | 'document';

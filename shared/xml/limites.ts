/**
 * Limits of the pre-scan (prebalayage.ts). A COMEDEC document is a shallow tree of a few hundred
 * nodes (an answer with its act, persons, mentions and XAdES signature has depth 8 and about 150
 * elements; the largest an answer may be, 20 persons and 200 mentions, about 700): these bounds
 * leave room sevenfold and keep the parser's worst cases out (xmldom is quadratic in depth times
 * namespace declarations: 54,000 nested elements took a minute; and it spends 10 to 30 µs per
 * element on a loaded machine, so 5,000 elements stay a fraction of a second).
 */
export interface LimitesPrebalayage {
  /** Deepest element nesting (the root is depth 1). */
  profondeur: number;
  /** Elements in the whole document. */
  elements: number;
  /** Elements, non-empty texts, comments and CDATA sections. */
  noeuds: number;
  attributsParElement: number;
  /** `xmlns` and `xmlns:p` declarations on one element. */
  espacesParElement: number;
  /** `xmlns` and `xmlns:p` declarations in the whole document. */
  espaces: number;
  /** Longest element, attribute, prefix or entity name, in UTF-16 units. */
  longueurNom: number;
  /** Longest attribute value, in UTF-16 units, as written (references not expanded). */
  longueurAttribut: number;
  /** Character and entity references in the whole document. */
  references: number;
  /**
   * Comments before or after the root element. Off by default: a signature's `URI=""` covers
   * the root only, so anything outside it would travel unsigned.
   */
  commentairesHorsRacine: boolean;
}

export const LIMITES_PREBALAYAGE: Readonly<LimitesPrebalayage> = Object.freeze({
  profondeur: 64,
  elements: 5_000,
  noeuds: 15_000,
  attributsParElement: 32,
  espacesParElement: 8,
  espaces: 256,
  longueurNom: 128,
  longueurAttribut: 10_000,
  references: 10_000,
  commentairesHorsRacine: false,
});

/** What the pre-scan measured on an accepted document. */
export interface MesuresPrebalayage {
  /** Deepest nesting met. */
  profondeur: number;
  elements: number;
  noeuds: number;
  /** Attributes, namespace declarations included. */
  attributs: number;
  espaces: number;
  references: number;
  /** The root element's qualified name, as written. */
  racine: string;
}

export const NS_XML = 'http://www.w3.org/XML/1998/namespace';
export const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';

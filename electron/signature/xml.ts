import { DOMParser, XMLSerializer, onWarningStopParsing } from '@xmldom/xmldom';
import { erreurs, RegistreError } from '../../shared/errors';
import { prebalayerXml } from '../../shared/xml/prebalayage';

/** Answers are a few kilobytes; anything far bigger is not an answer. */
const TAILLE_MAX = 8 * 1024 * 1024;

/**
 * Parses an XML document strictly, for the signer and the verifier. First the bounded pre-scan
 * (shared/xml/prebalayage.ts): no DTD, no processing instruction, nothing but whitespace
 * outside the root, a bounded depth and breadth — a 100,000-deep document would overflow
 * xmldsigjs's recursive canonicalisation ("Erreur interne"), and a PI before the root would
 * travel unsigned. Then @xmldom/xmldom (the DOM xadesjs is given), any error or warning stops.
 * A leading UTF-8 BOM is skipped (xmlsec1 and the format's reader accept it).
 */
export function lireXml(brut: string, quoi: 'document' | 'signature' = 'document'): Document {
  if (brut.length > TAILLE_MAX) throw erreurs.saisieInvalide(quoi, 'document XML trop volumineux');
  prebalayerXml(brut);
  const texte = brut.charCodeAt(0) === 0xfeff ? brut.slice(1) : brut;
  try {
    const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(texte, 'application/xml');
    if (!doc.documentElement) throw new Error('vide');
    return doc as unknown as Document;
  } catch (e) {
    if (e instanceof RegistreError) throw e;
    throw erreurs.saisieInvalide(quoi, 'XML mal formé');
  }
}

export function ecrireXml(doc: Document | Node): string {
  return new XMLSerializer().serializeToString(doc as never);
}

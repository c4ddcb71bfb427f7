import { DOMParser, XMLSerializer, onWarningStopParsing } from '@xmldom/xmldom';
import { erreurs, RegistreError } from '../../shared/errors';

/** Answers are a few kilobytes; anything far bigger is not an answer. */
const TAILLE_MAX = 8 * 1024 * 1024;

/**
 * Parses an XML document strictly: any error or warning stops, and a DOCTYPE is refused
 * (no entity tricks in documents we sign or verify). A leading BOM is skipped. Returns the DOM of @xmldom/xmldom,
 * the implementation xadesjs is given.
 */
export function lireXml(brut: string, quoi: 'document' | 'signature' = 'document'): Document {
  // A UTF-8 byte order mark, decoded as U+FEFF, is not content (xmlsec1 and the format's reader skip it).
  const texte = brut.charCodeAt(0) === 0xfeff ? brut.slice(1) : brut;
  if (texte.length > TAILLE_MAX) throw erreurs.saisieInvalide(quoi, 'document XML trop volumineux');
  if (/<!DOCTYPE/i.test(texte)) throw erreurs.saisieInvalide(quoi, 'les déclarations DOCTYPE ne sont pas acceptées');
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

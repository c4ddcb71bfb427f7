import { DOMParser, type Element } from '@xmldom/xmldom';
import { citer } from '../../../shared/citation';
import { RegistreError, erreurs } from '../../../shared/errors';
import { prebalayerXml } from '../../../shared/xml/prebalayage';
import {
  versionDeEspace,
  type MotifDocumentInvalide,
  type NomDocument,
  type VersionFormat,
} from '../../../shared/comedec';
import { erreurDocument } from './erreurs';

/**
 * Safe reading of a document that came from the network or a file. Everything that could
 * hurt is refused BEFORE the XML parser sees it: oversize documents (checked on the byte
 * count), bytes that are not UTF-8, then the bounded pre-scan (shared/xml/prebalayage.ts):
 * characters and character references XML or the register forbids, any DOCTYPE or ENTITY
 * declaration in the markup (no DTD ever: this closes XXE and entity expansion — "billion
 * laughs" — at once, whatever the parser would do with them), processing instructions, content
 * outside the root, and the depth, counts and lengths that make a parser slow. Then the parser
 * runs in strict mode (any warning is an error), and the root's namespace, compared as an exact
 * string, decides the version.
 */
export interface OptionsAnalyse {
  /** Largest accepted document, in bytes (UTF-8). Default 1 MB. */
  tailleMax?: number;
}

export const TAILLE_MAX_DEFAUT = 1024 * 1024;

export interface DocumentAnalyse {
  racine: Element;
  version: VersionFormat;
  /** The exact text parsed (after BOM removal): what a signature verifier must see. */
  texte: string;
}

function tailleUtf8(texte: string): number {
  return new TextEncoder().encode(texte).byteLength;
}

function refuserTaille(document: NomDocument, taille: number, max: number): never {
  throw erreurDocument(
    document,
    'trop_volumineux',
    'document',
    `document trop volumineux (${taille} octets, ${max} au plus)`,
  );
}

/** Bytes or text -> the text to parse, with size and encoding checked. */
export function decoderDocument(
  entree: string | Uint8Array,
  document: NomDocument,
  options: OptionsAnalyse = {},
): string {
  const max = options.tailleMax ?? TAILLE_MAX_DEFAUT;
  let texte: string;
  if (typeof entree === 'string') {
    // Each UTF-16 unit is at least one UTF-8 byte: a string longer than the limit is too big
    // without encoding it (a 50 MB string is refused in constant time).
    if (entree.length > max) refuserTaille(document, entree.length, max);
    const taille = tailleUtf8(entree);
    if (taille > max) refuserTaille(document, taille, max);
    texte = entree.startsWith('\uFEFF') ? entree.slice(1) : entree;
  } else {
    if (entree.byteLength > max) refuserTaille(document, entree.byteLength, max);
    if ((entree[0] === 0xfe && entree[1] === 0xff) || (entree[0] === 0xff && entree[1] === 0xfe)) {
      throw erreurDocument(document, 'encodage_invalide', 'document', 'document en UTF-16 : seul l’UTF-8 est accepté');
    }
    try {
      texte = new TextDecoder('utf-8', { fatal: true }).decode(entree);
    } catch {
      throw erreurDocument(
        document,
        'encodage_invalide',
        'document',
        'octets invalides : le document n’est pas en UTF-8',
      );
    }
  }
  // One byte-order mark is the encoding's; a second one would be content before the root.
  if (texte.charCodeAt(0) === 0xfeff)
    throw erreurDocument(document, 'encodage_invalide', 'document', 'marque d’ordre des octets (BOM) répétée');
  prebalayer(texte, document);
  return texte;
}

/**
 * The bounded pre-scan (shared/xml/prebalayage.ts), its refusal re-worded as this document's:
 * same verdict (`motif`), same French reason (already quoting the input through citer()).
 */
function prebalayer(texte: string, document: NomDocument): void {
  try {
    prebalayerXml(texte);
  } catch (e) {
    if (e instanceof RegistreError && typeof e.details?.motif === 'string') {
      const motif = e.details.motif as MotifDocumentInvalide;
      // Same opening as the parser's refusals, whichever of the two found the fault.
      const raison = `${motif === 'xml_mal_forme' ? 'XML mal formé : ' : ''}${String(e.details.raison)}`;
      throw erreurDocument(document, motif, 'document', raison);
    }
    throw e;
  }
}

/** Parses strictly; returns the root element. */
export function parserXml(texte: string, document: NomDocument): Element {
  let probleme: string | null = null;
  const parseur = new DOMParser({
    onError: (_niveau: string, message: string) => {
      probleme ??= message;
      throw new Error(message);
    },
  });
  let racine: Element | null = null;
  try {
    const doc = parseur.parseFromString(texte, 'application/xml');
    if (doc.doctype) probleme ??= 'DOCTYPE';
    racine = doc.documentElement;
  } catch (e) {
    probleme ??= e instanceof Error ? e.message : 'erreur de lecture';
  }
  if (probleme || !racine) {
    // French reason first; the parser's technical English after it, as a short escaped detail
    // (it may quote names or text of the document).
    const detail = citer(String(probleme ?? 'aucun élément racine').replace(/^\[xmldom \w+\]\s*/, ''), 120);
    const erreur = erreurDocument(document, 'xml_mal_forme', 'document', `XML mal formé (détail : ${detail})`);
    erreur.details!.detail = detail;
    throw erreur;
  }
  return racine;
}

/**
 * The root's namespace gives the version: an unknown one is `format_inconnu` with the version
 * met. The `version` attribute must agree with it.
 */
export function versionDeRacine(racine: Element, document: NomDocument): VersionFormat {
  const v = versionDeEspace(racine.namespaceURI);
  if (!v.connue) throw erreurs.formatInconnu(v.version);
  const attribut = racine.getAttribute('version');
  if (attribut !== null && attribut !== String(v.version)) {
    throw erreurDocument(
      document,
      'schema',
      'version',
      `l’attribut version (« ${citer(attribut, 10)} ») ne correspond pas à l’espace de noms (version ${v.version})`,
    );
  }
  if (attribut === null) throw erreurDocument(document, 'schema', 'version', 'attribut version manquant');
  return v.version;
}

/** The whole safe path: decode, parse, check the root's name and version. */
export function analyserDocument(
  entree: string | Uint8Array,
  document: NomDocument,
  nomRacine: string,
  options: OptionsAnalyse = {},
): DocumentAnalyse {
  const texte = decoderDocument(entree, document, options);
  const racine = parserXml(texte, document);
  const version = versionDeRacine(racine, document);
  if (racine.localName !== nomRacine) {
    throw erreurDocument(
      document,
      'document_inattendu',
      'document',
      `document « ${citer(racine.localName)} » reçu, « ${nomRacine} » attendu`,
    );
  }
  return { racine, version, texte };
}

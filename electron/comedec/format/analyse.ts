import { DOMParser, type Element } from '@xmldom/xmldom';
import { erreurs } from '../../../shared/errors';
import { versionDeEspace, type NomDocument, type VersionFormat } from '../../../shared/comedec';
import { erreurDocument } from './erreurs';

/**
 * Safe reading of a document that came from the network or a file. Everything that could
 * hurt is refused BEFORE the XML parser sees it: oversize documents (checked on the byte
 * count), bytes that are not UTF-8, characters XML forbids, and any DOCTYPE or ENTITY
 * declaration (no DTD ever: this closes XXE and entity expansion — "billion laughs" — at once,
 * whatever the parser would do with them). Then the parser runs in strict mode (any warning
 * is an error), and the root's namespace decides the version.
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

const SURROGATE_ISOLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// XML 1.0 allows tab, LF, CR and everything from U+0020 except U+FFFE / U+FFFF.
const CARACTERE_INTERDIT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const DECLARATION_DTD = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
const DECLARATION_XML = /^<\?xml\s([^>]*?)\?>/;

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
    if (SURROGATE_ISOLE.test(entree))
      throw erreurDocument(document, 'encodage_invalide', 'document', 'texte Unicode mal formé (demi-caractère isolé)');
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
  const decl = DECLARATION_XML.exec(texte);
  if (decl) {
    const enc = /encoding\s*=\s*["']([^"']*)["']/.exec(decl[1]);
    if (enc && !/^utf-?8$/i.test(enc[1])) {
      throw erreurDocument(
        document,
        'encodage_invalide',
        'document',
        `encodage « ${enc[1].slice(0, 30)} » refusé : seul l’UTF-8 est accepté`,
      );
    }
  }
  if (CARACTERE_INTERDIT.test(texte))
    throw erreurDocument(document, 'encodage_invalide', 'document', 'caractère de contrôle interdit en XML');
  if (DECLARATION_DTD.test(texte)) {
    throw erreurDocument(
      document,
      'dtd_interdite',
      'document',
      'déclaration DOCTYPE ou ENTITY interdite (aucune DTD n’est acceptée)',
    );
  }
  return texte;
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
    // The parser's message is technical English; keep it short, it never contains personal data
    // beyond element names.
    throw erreurDocument(
      document,
      'xml_mal_forme',
      'document',
      `XML mal formé : ${String(probleme ?? 'aucun élément racine').slice(0, 160)}`,
    );
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
      `l’attribut version (« ${attribut.slice(0, 10)} ») ne correspond pas à l’espace de noms (version ${v.version})`,
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
      `document « ${String(racine.localName).slice(0, 40)} » reçu, « ${nomRacine} » attendu`,
    );
  }
  return { racine, version, texte };
}

import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { espaceDeNoms, type NomDocument, type VersionFormat } from '../../../shared/comedec';
import { raisonValeurRefusee } from '../../../shared/xml/caracteres';
import { erreurDocument } from './erreurs';

/**
 * Builds a document in the namespace of one version. Values go through the DOM (xmldom
 * escapes them), never through string concatenation; null and undefined values write nothing,
 * so optional fields are simply absent. A character the reader refuses (a control character,
 * a tab or line break in an attribute) is refused here rather than written into a document
 * that the reader would not read back.
 */
export class Ecrivain {
  readonly doc: Document;
  readonly racine: Element;
  private readonly ns: string;

  constructor(
    nomRacine: string,
    readonly version: VersionFormat,
    private readonly document: NomDocument,
  ) {
    this.ns = espaceDeNoms(version);
    this.doc = new DOMImplementation().createDocument(this.ns, nomRacine, null);
    this.racine = this.doc.documentElement!;
    this.racine.setAttribute('version', String(version));
  }

  /** The reader's rule (raisonValeurRefusee): what this writes, the reader reads back. */
  private verifier(valeur: string, champ: string, attribut: boolean): string {
    const raison = raisonValeurRefusee(valeur, attribut);
    if (raison) throw erreurDocument(this.document, 'schema', champ, raison);
    return valeur;
  }

  attributs(el: Element, attrs: Record<string, string | number | boolean | null | undefined>): Element {
    for (const [nom, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      el.setAttribute(nom, this.verifier(String(v), nom, true));
    }
    return el;
  }

  /** Appends `<nom>` to `parent`; with a text value, writes it (and nothing when it is null). */
  element(
    parent: Element,
    nom: string,
    texte?: string | number | null,
    attrs: Record<string, string | number | boolean | null | undefined> = {},
  ): Element {
    const el = this.doc.createElementNS(this.ns, nom);
    if (texte !== undefined && texte !== null)
      el.appendChild(this.doc.createTextNode(this.verifier(String(texte), nom, false)));
    this.attributs(el, attrs);
    parent.appendChild(el);
    return el;
  }

  /** Only when the value exists. */
  elementSi(parent: Element, nom: string, texte: string | number | null | undefined): void {
    if (texte !== null && texte !== undefined) this.element(parent, nom, texte);
  }

  serialiser(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(this.doc)}`;
  }
}

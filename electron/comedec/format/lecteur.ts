import type { Element, Node } from '@xmldom/xmldom';
import type { NomDocument } from '../../../shared/comedec';
import { citer } from '../../../shared/citation';
import { raisonValeurRefusee } from '../../../shared/xml/caracteres';
import { erreurDocument } from './erreurs';

export const NS_XMLDSIG = 'http://www.w3.org/2000/09/xmldsig#';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;

/**
 * Walks one element of a document in our namespace and keeps track of what was read, so that
 * `terminer()` can refuse what was not: an unknown element or attribute is an error, never
 * silently ignored (a version 1 document carrying a version 2 field is invalid, and a typo in
 * an element name does not lose a value without saying so). Paths in errors use the XML names.
 */
export class Lecteur {
  private readonly lusAttributs = new Set<string>();
  private readonly lusEnfants = new Set<Element>();

  constructor(
    readonly el: Element,
    readonly chemin: string,
    private readonly ns: string,
    private readonly document: NomDocument,
  ) {}

  erreur(champ: string, raison: string): Error {
    return erreurDocument(this.document, 'schema', champ, raison);
  }

  private champ(nom: string): string {
    return this.chemin ? `${this.chemin}.${nom}` : nom;
  }

  /**
   * A parsed value, checked once more after the parser: whatever a reference or a parser's
   * leniency produced, no field holds a character XML 1.0 or the register forbids.
   */
  private valeur(valeur: string, champ: string, attribut: boolean): string {
    const raison = raisonValeurRefusee(valeur, attribut);
    if (raison) throw erreurDocument(this.document, 'encodage_invalide', champ, raison);
    return valeur;
  }

  attribut(nom: string): string | null {
    this.lusAttributs.add(nom);
    return this.el.hasAttribute(nom) ? this.valeur(this.el.getAttribute(nom) ?? '', this.champ(nom), true) : null;
  }

  attributRequis(nom: string): string {
    const v = this.attribut(nom);
    if (v === null) throw this.erreur(this.champ(nom), `attribut « ${nom} » manquant`);
    return v;
  }

  private elementsEnfants(): Element[] {
    const res: Element[] = [];
    for (let n: Node | null = this.el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === ELEMENT_NODE) res.push(n as Element);
    }
    return res;
  }

  enfants(nom: string): Lecteur[] {
    return this.elementsEnfants()
      .filter((e) => e.namespaceURI === this.ns && e.localName === nom)
      .map((e, i, tous) => {
        this.lusEnfants.add(e);
        return new Lecteur(e, tous.length > 1 ? `${this.champ(nom)}.${i}` : this.champ(nom), this.ns, this.document);
      });
  }

  enfant(nom: string): Lecteur | null {
    const liste = this.enfants(nom);
    if (liste.length > 1)
      throw this.erreur(this.champ(nom), `élément « ${nom} » répété (une seule occurrence permise)`);
    return liste[0] ?? null;
  }

  enfantRequis(nom: string): Lecteur {
    const e = this.enfant(nom);
    if (!e) throw this.erreur(this.champ(nom), `élément « ${nom} » manquant`);
    return e;
  }

  /** Text content of a leaf element (no child element, no attribute that was not read). */
  texte(): string {
    const attrs = this.el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i)!;
      if (a.name !== 'xmlns' && a.prefix !== 'xmlns' && !this.lusAttributs.has(a.name))
        throw this.erreur(this.chemin, `attribut « ${citer(a.name)} » inconnu dans cette version du format`);
    }
    let t = '';
    for (let n: Node | null = this.el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) t += n.nodeValue ?? '';
      else if (n.nodeType === ELEMENT_NODE)
        throw this.erreur(this.chemin, `élément « ${citer((n as Element).localName)} » inattendu dans une valeur`);
      else if (n.nodeType !== COMMENT_NODE)
        throw this.erreur(this.chemin, 'nœud XML non permis dans une valeur (instruction de traitement)');
    }
    return this.valeur(t, this.chemin, false);
  }

  texteEnfant(nom: string): string | null {
    const e = this.enfant(nom);
    return e ? e.texte() : null;
  }

  texteEnfantRequis(nom: string): string {
    return this.enfantRequis(nom).texte();
  }

  /**
   * Refuses anything not read. `signatureAutorisee`: the signed element may carry one
   * ds:Signature child (checked by the signature verifier, not here).
   */
  terminer(options: { signatureAutorisee?: boolean } = {}): void {
    let signatures = 0;
    for (const e of this.elementsEnfants()) {
      if (this.lusEnfants.has(e)) continue;
      if (options.signatureAutorisee && e.namespaceURI === NS_XMLDSIG && e.localName === 'Signature') {
        signatures += 1;
        if (signatures > 1) throw this.erreur(this.champ('Signature'), 'plusieurs signatures : une seule est permise');
        continue;
      }
      throw this.erreur(
        this.champ(citer(e.localName)),
        `élément « ${citer(e.localName)} » inconnu dans cette version du format`,
      );
    }
    for (let n: Node | null = this.el.firstChild; n; n = n.nextSibling) {
      if ((n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) && (n.nodeValue ?? '').trim() !== '') {
        throw this.erreur(this.chemin || 'document', 'texte inattendu entre les éléments');
      }
      if (
        n.nodeType !== ELEMENT_NODE &&
        n.nodeType !== TEXT_NODE &&
        n.nodeType !== CDATA_SECTION_NODE &&
        n.nodeType !== COMMENT_NODE
      ) {
        throw this.erreur(this.chemin || 'document', 'nœud XML non permis (instruction de traitement)');
      }
    }
    const attrs = this.el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i)!;
      if (a.name === 'xmlns' || a.prefix === 'xmlns') continue;
      if (!this.lusAttributs.has(a.name))
        throw this.erreur(
          this.champ(citer(a.name)),
          `attribut « ${citer(a.name)} » inconnu dans cette version du format`,
        );
    }
  }
}

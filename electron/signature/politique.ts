import { citer } from '../../shared/citation';
import { DELAI_PURGE_JOURS } from '../../shared/domain/echeances';
import { erreurs } from '../../shared/errors';

/**
 * The verification policy (docs/signature.md), read on the DOM before any cryptography: the
 * one shape of signature we make and accept. Every rule closes a way to make a genuine
 * signature cover something else than what the caller reads, or to sign "in the past".
 */
export const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
export const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
export const ENVELOPPEE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const TYPE_PROPRIETES = 'http://uri.etsi.org/01903#SignedProperties';
export const CANONISATIONS: ReadonlySet<string> = new Set([EXC_C14N, C14N]);

/** A signing time this far in the future is a clock problem or a forgery. */
export const AVANCE_TOLEREE_MS = 5 * 60 * 1000;
/**
 * XAdES-BES carries no trusted time: a signing time is only the signer's word. An answer older
 * than the platform's purge delay no longer counts anyway, so a signing time further back than
 * that before reception is refused: an expired or revoked card cannot sign "as of last month".
 */
export const RETARD_MAX_MS = DELAI_PURGE_JOURS * 24 * 3600 * 1000;

// The document reference: enveloped, then at most one canonicalisation (none: the default c14n).
const SUITES_DOCUMENT = [[ENVELOPPEE, EXC_C14N], [ENVELOPPEE, C14N], [ENVELOPPEE]];
// The signed-properties reference: a canonicalisation or nothing; never a filter.
const SUITES_PROPRIETES = [[EXC_C14N], [C14N], []];

const invalide = (raison: string) => erreurs.signatureInvalide(raison);

export interface ReferenceLue {
  readonly uri: string | null;
  readonly type: string | null;
  readonly transformations: readonly string[];
}

export interface FormeSignature {
  readonly references: readonly ReferenceLue[];
  readonly idProprietes: string;
  readonly horodatage: Date;
}

function enfants(e: Element | Document): Node[] {
  const liste: Node[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) liste.push(n);
  return liste;
}

/** The element children of `e`, refusing any text but whitespace, any comment or PI. */
function elements(e: Element, ou: string): Element[] {
  const liste: Element[] = [];
  for (const n of enfants(e)) {
    if (n.nodeType === 1) liste.push(n as Element);
    else if (n.nodeType === 3 && /^[ \t\r\n]*$/.test(n.nodeValue ?? '')) continue;
    else throw invalide(`contenu inattendu dans ${ou}`);
  }
  return liste;
}

const est = (e: Element | undefined, ns: string, nom: string): e is Element =>
  !!e && e.namespaceURI === ns && e.localName === nom;

function exiger(e: Element | undefined, ns: string, nom: string, ou: string): Element {
  if (!est(e, ns, nom)) throw invalide(`élément ${nom} attendu dans ${ou}`);
  return e;
}

function algorithme(e: Element, ou: string): string {
  const a = e.getAttribute('Algorithm');
  if (!a) throw invalide(`algorithme absent dans ${ou}`);
  if (elements(e, ou).length) throw invalide(`paramètres non admis dans ${ou}`);
  return a;
}

function lireReference(r: Element): ReferenceLue {
  const contenu = elements(r, 'une référence');
  let i = 0;
  const transformations: string[] = [];
  if (est(contenu[0], DSIG, 'Transforms')) {
    for (const t of elements(contenu[0], 'les transformations')) {
      exiger(t, DSIG, 'Transform', 'les transformations');
      // A parameter (an XPath expression, a namespace list) makes it another transform: never in a suite below.
      const parametree = elements(t, 'une transformation').length > 0;
      transformations.push(`${t.getAttribute('Algorithm') ?? ''}${parametree ? ' (paramétrée)' : ''}`);
    }
    i++;
  }
  exiger(contenu[i], DSIG, 'DigestMethod', 'une référence');
  exiger(contenu[i + 1], DSIG, 'DigestValue', 'une référence');
  if (contenu.length !== i + 2) throw invalide('élément inattendu dans une référence');
  return { uri: r.getAttribute('URI'), type: r.getAttribute('Type') || null, transformations };
}

const memeSuite = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * ISO 8601 / xs:dateTime with an explicit offset (a signing time without one means nothing),
 * and a calendar date that exists: `2023-02-30` is refused, not rolled over to March.
 */
export function lireDateSignature(texte: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.exec(texte.trim());
  if (!m) throw invalide(`date de signature illisible (« ${citer(texte)} »)`);
  const [an, mois, jour, h, min, s] = m.slice(1, 7).map(Number);
  const utc = Date.UTC(an, mois - 1, jour, h, min, s);
  const d = new Date(utc);
  if (
    d.getUTCFullYear() !== an ||
    d.getUTCMonth() !== mois - 1 ||
    d.getUTCDate() !== jour ||
    h > 23 ||
    min > 59 ||
    s > 59
  )
    throw invalide(`date de signature impossible (« ${citer(texte)} »)`);
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const decalage =
    m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6)));
  return new Date(utc + ms - decalage * 60_000);
}

/** The signing time, from the SignedProperties this signature's reference points at. */
function lireHorodatage(objets: Element[], idSignature: string): { idProprietes: string; horodatage: Date } {
  if (objets.length !== 1) throw invalide('la signature doit porter exactement un élément Object');
  const qualifiantes = elements(objets[0], 'l’objet de la signature');
  const qp = exiger(qualifiantes[0], XADES, 'QualifyingProperties', 'l’objet de la signature');
  if (qualifiantes.length !== 1) throw invalide('élément inattendu dans l’objet de la signature');
  if (qp.getAttribute('Target') !== `#${idSignature}`)
    throw invalide('propriétés XAdES rattachées à une autre signature');
  const [sp] = elements(qp, 'les propriétés XAdES');
  exiger(sp, XADES, 'SignedProperties', 'les propriétés XAdES');
  const idProprietes = sp.getAttribute('Id');
  if (!idProprietes) throw invalide('propriétés signées sans identifiant');
  const ssp = exiger(
    elements(sp, 'les propriétés signées')[0],
    XADES,
    'SignedSignatureProperties',
    'les propriétés signées',
  );
  const dates = elements(ssp, 'les propriétés de signature').filter((e) => est(e, XADES, 'SigningTime'));
  if (dates.length === 0) throw invalide('date de signature absente (SigningTime est exigé)');
  if (dates.length > 1) throw invalide('plusieurs dates de signature');
  return { idProprietes, horodatage: lireDateSignature(dates[0].textContent ?? '') };
}

/**
 * The one shape we accept: Signature = SignedInfo, SignatureValue, KeyInfo, Object; SignedInfo
 * = a canonicalisation, a method, two references: the document (URI "" or the root's Id, the
 * enveloped transform then at most one canonicalisation) and the SignedProperties (a
 * canonicalisation or nothing). No XPath filter, no parameter, no other reference.
 */
export function lireForme(signature: Element, racine: Element): FormeSignature {
  const idSignature = signature.getAttribute('Id');
  if (!idSignature) throw invalide('signature sans identifiant (Id)');
  const [si, sv, ki, ...objets] = elements(signature, 'la signature');
  exiger(si, DSIG, 'SignedInfo', 'la signature');
  exiger(sv, DSIG, 'SignatureValue', 'la signature');
  exiger(ki, DSIG, 'KeyInfo', 'la signature');
  objets.forEach((o) => exiger(o, DSIG, 'Object', 'la signature'));
  const [cm, sm, ...refs] = elements(si, 'les informations signées');
  const canonisation = algorithme(
    exiger(cm, DSIG, 'CanonicalizationMethod', 'les informations signées'),
    'la canonisation',
  );
  if (!CANONISATIONS.has(canonisation))
    throw invalide(`méthode de canonisation non admise (« ${citer(canonisation)} »)`);
  algorithme(exiger(sm, DSIG, 'SignatureMethod', 'les informations signées'), 'la méthode de signature');
  if (refs.length !== 2)
    throw invalide('la signature doit porter exactement sur le document et ses propriétés signées');
  const references = refs.map((r) => lireReference(exiger(r, DSIG, 'Reference', 'les informations signées')));
  const { idProprietes, horodatage } = lireHorodatage(objets, idSignature);

  const idRacine = racine.getAttribute('Id') ?? racine.getAttribute('ID') ?? racine.getAttribute('id');
  const proprietes = references.filter((r) => r.type === TYPE_PROPRIETES);
  const documents = references.filter((r) => r.type !== TYPE_PROPRIETES);
  if (proprietes.length !== 1 || documents.length !== 1) throw invalide('références de la signature incorrectes');
  if (proprietes[0].uri !== `#${idProprietes}`) throw invalide('référence aux propriétés signées incorrecte');
  if (!SUITES_PROPRIETES.some((s) => memeSuite(s, proprietes[0].transformations)))
    throw invalide('transformations non admises sur la référence des propriétés signées');
  const doc = documents[0];
  if (doc.type !== null) throw invalide(`type de référence non admis (« ${citer(doc.type)} »)`);
  if (!(doc.uri === '' || (idRacine && doc.uri === `#${idRacine}`)))
    throw invalide('la signature porte sur un autre élément que le document attendu');
  if (!SUITES_DOCUMENT.some((s) => memeSuite(s, doc.transformations)))
    throw invalide('transformations non admises sur la référence du document');
  return { references, idProprietes, horodatage };
}

/**
 * The signing time against the instant the document is verified or received: not in the
 * future (beyond a clock tolerance), not older than the purge delay.
 */
export function verifierInstantSignature(horodatage: Date, maintenant: Date): void {
  if (horodatage.getTime() > maintenant.getTime() + AVANCE_TOLEREE_MS)
    throw invalide('date de signature dans le futur');
  if (horodatage.getTime() < maintenant.getTime() - RETARD_MAX_MS)
    throw invalide(
      `date de signature plus de ${DELAI_PURGE_JOURS} jours avant la réception (le délai de purge) : signature antidatée ou document périmé`,
    );
}

import { randomUUID } from 'node:crypto';
import { construireDemandeEmise, construireReponse } from '../../../../electron/comedec';
import type { OptionsVerification, Signataire } from '../../../../electron/signature';
import { ecrireDom, falsifier, lireDom, type Falsification } from '../../../fixtures/signatures/falsification';

/**
 * The catalogue of the signature fuzzing: every altered signature of issue 14, the wrapping
 * variants, and seeded random alterations of a genuine signed answer. Each case says what our
 * verifier must do: accept it (a valid variant, which xmlsec1 must accept too) or refuse it.
 */
export interface Cas {
  readonly nom: string;
  readonly xml: string;
  readonly attendu: 'valide' | 'refus';
  /** What the caller states (default: the answer's root, verified now). */
  readonly options?: Partial<OptionsVerification>;
  /** A random alteration: if it changes nothing that is signed, both verifiers may accept it. */
  readonly aleatoire?: boolean;
}

export interface Signataires {
  /** The officer's card OFFICIER-0001 (SoftHSM2). */
  readonly carte: Signataire;
  /** Software keys with certificates from the trusted test agent CA (validity and usage variants). */
  readonly expire: Signataire;
  readonly authentification: Signataire;
  readonly ec: Signataire;
  /** Certificates from a foreign CA whose names copy the trusted ones. */
  readonly etranger: Signataire;
  readonly etrangerChaine: Signataire;
}

const J = 24 * 3600 * 1000;
const NS = 'urn:registre:comedec:2';
export const RACINE_REPONSE = { nomLocal: 'reponse', espaceNoms: NS };
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
export function generateur(graine: number): () => number {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function reponse(): string {
  return construireReponse({
    version: 2,
    id: `REP-${randomUUID()}`,
    demandeId: `DEM-${randomUUID()}`,
    commune: { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' },
    emiseLe: new Date().toISOString(),
    resultat: { nature: 'negative', motif: 'acte_non_detenu', commentaire: 'Acte non détenu par la commune.' },
  });
}

function demandeEmise(): string {
  return construireDemandeEmise({
    version: 2,
    id: `EMI-${randomUUID()}`,
    emettrice: { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' },
    destinataire: { codeInsee: '31555' },
    motif: 'dossier_mariage',
    reference: 'MAR-2026-0001',
    typeReference: 'dossier_mariage',
    echeanceProcedure: null,
    emiseLe: new Date().toISOString(),
    typeActe: 'naissance',
    personne: {
      nom: 'ROUSSEL',
      prenoms: ['Paul'],
      sexe: 'M',
      dateNaissance: '1985-11-02',
      lieuNaissance: { commune: 'Toulouse', codeInsee: '31555' },
    },
  });
}

/** Applies `f` to the DOM of `xml` and writes it back (no re-signing: the signature is reused). */
function retoucher(xml: string, f: (doc: Document, signature: Element) => void): string {
  const doc = lireDom(xml);
  f(doc, doc.getElementsByTagNameNS(DSIG, 'Signature').item(0)!);
  return ecrireDom(doc);
}

const premier = (e: Element | Document, ns: string, nom: string) => e.getElementsByTagNameNS(ns, nom).item(0)!;

export async function fabriquerCas(s: Signataires, alea: () => number): Promise<Cas[]> {
  const maintenant = new Date();
  const signer = (f: Falsification = {}, xml = reponse(), qui = s.carte) => falsifier(qui, xml, f);
  const vraie = await signer();
  const corps = vraie.replace(/^<\?xml[^>]*\?>\s*/, '');
  const cas: Cas[] = [];
  const ajouter = (nom: string, xml: string, attendu: Cas['attendu'] = 'refus', options?: Cas['options']) =>
    cas.push({ nom, xml, attendu, options, aleatoire: nom.startsWith('aléa') });

  // Valid variants: accepted by us and by xmlsec1.
  ajouter('valide : carte OFFICIER-0001', vraie, 'valide');
  ajouter('valide : BOM UTF-8 en tête', `\ufeff${vraie}`, 'valide');
  ajouter('valide : sans déclaration XML, blancs après la racine', `${corps}\n\n`, 'valide');
  ajouter('valide : enveloped seul', await signer({ transformsDocument: ['enveloped'] }), 'valide');
  ajouter('valide : enveloped + c14n inclusive', await signer({ transformsDocument: ['enveloped', 'c14n'] }), 'valide');
  ajouter('valide : propriétés canonisées (exc-c14n)', await signer({ transformsProprietes: ['exc-c14n'] }), 'valide');
  ajouter(
    'valide : SignedInfo en c14n inclusive',
    await signer({ canonisation: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315' }),
    'valide',
  );
  ajouter('valide : clé EC (ecdsa-sha256)', await signer({}, reponse(), s.ec), 'valide');
  const demandeSignee = await signer({}, demandeEmise());
  ajouter('valide : demandeEmise attendue comme telle', demandeSignee, 'valide', {
    racineAttendue: { nomLocal: 'demandeEmise', espaceNoms: NS },
  });

  // 1. Outside the root.
  ajouter(
    'hors racine : <?xml-stylesheet?> avant',
    `<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n${corps}`,
  );
  ajouter('hors racine : commentaire avant', `<!-- note -->${corps}`);
  ajouter('hors racine : commentaire après', `${vraie}<!-- note -->`);
  ajouter('hors racine : instruction après', `${vraie}<?pi x?>`);
  ajouter('hors racine : texte après', `${vraie}PIRATE`);
  ajouter('hors racine : deux BOM', `\ufeff\ufeff${vraie}`);

  // 2. Transforms and references.
  const filtre = {
    name: 'xpath',
    selector: 'not(ancestor-or-self::xades:SigningTime)',
    namespaces: { xades: XADES },
  } as const;
  const filtree = await signer({ transformsProprietes: [filtre, 'exc-c14n'] });
  ajouter('transformations : filtre XPath sur les propriétés signées', filtree);
  const jours = 1 + Math.floor(alea() * 20);
  ajouter(
    `transformations : filtre XPath et SigningTime reculé de ${jours} jours`,
    filtree.replace(
      /<xades:SigningTime>[^<]+/,
      `<xades:SigningTime>${new Date(maintenant.getTime() - jours * J).toISOString()}`,
    ),
  );
  ajouter(
    'transformations : filtre XPath sur le document',
    await signer({
      transformsDocument: ['enveloped', { name: 'xpath', selector: 'not(self::commentaire)' }, 'exc-c14n'],
    }),
  );
  ajouter(
    'transformations : deux canonisations',
    await signer({ transformsDocument: ['enveloped', 'c14n', 'exc-c14n'] }),
  );
  ajouter('transformations : sans enveloped', await signer({ transformsDocument: ['exc-c14n'] }));
  ajouter('transformations : enveloped sur les propriétés', await signer({ transformsProprietes: ['enveloped'] }));
  ajouter(
    'canonisation avec commentaires',
    await signer({ canonisation: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments' }),
  );

  // 3. SigningTime.
  ajouter('SigningTime absent', await signer({ horodatage: null }));
  ajouter('SigningTime illisible', await signer({ formatHorodatage: 'dd/mm/yyyy HH:MM' }));
  ajouter('SigningTime sans fuseau', await signer({ formatHorodatage: "yyyy-mm-dd'T'HH:MM:ss" }));

  // 4. Backdated, future, expired.
  const recul = 40 + Math.floor(alea() * 60);
  ajouter(
    `antidatée : carte expirée, SigningTime ${recul} jours avant`,
    await signer({ horodatage: new Date(maintenant.getTime() - recul * J) }, reponse(), s.expire),
  );
  ajouter(
    'antidatée : carte expirée, SigningTime 12 jours avant (dans la borne)',
    await signer({ horodatage: new Date(maintenant.getTime() - 12 * J) }, reponse(), s.expire),
  );
  ajouter(
    'antidatée : SigningTime 24 jours avant la réception',
    await signer({ horodatage: new Date(maintenant.getTime() - 24 * J) }),
  );
  ajouter(
    'future : SigningTime dans 10 minutes',
    await signer({ horodatage: new Date(maintenant.getTime() + 10 * 60_000) }),
  );
  ajouter('reçue 30 jours après la signature', vraie, 'refus', { maintenant: new Date(maintenant.getTime() + 30 * J) });

  // 6. The kind of document.
  ajouter('type : demandeEmise signée lue comme une réponse', demandeSignee);
  ajouter('type : réponse attendue dans l’espace de noms de la version 1', vraie, 'refus', {
    racineAttendue: { nomLocal: 'reponse', espaceNoms: 'urn:registre:comedec:1' },
  });

  // Certificates.
  ajouter('certificat : AC étrangère aux mêmes noms', await signer({}, reponse(), s.etranger));
  ajouter('certificat : AC étrangère, chaîne étrangère dans KeyInfo', await signer({}, reponse(), s.etrangerChaine));
  ajouter(
    'certificat : authentification seulement (pas de non-répudiation)',
    await signer({}, reponse(), s.authentification),
  );
  ajouter(
    'KeyInfo : certificat remplacé par celui de l’AC étrangère',
    retoucher(vraie, (doc, sig) => {
      const c = premier(sig, DSIG, 'X509Certificate');
      c.textContent = Buffer.from(s.etranger.certificat.der).toString('base64');
    }),
  );
  ajouter(
    'KeyInfo : certificat du signataire retiré',
    retoucher(vraie, (_doc, sig) => {
      const c = premier(sig, DSIG, 'X509Certificate');
      c.parentNode!.removeChild(c);
    }),
  );
  ajouter(
    'KeyInfo : retiré',
    retoucher(vraie, (_doc, sig) => sig.removeChild(premier(sig, DSIG, 'KeyInfo'))),
  );

  // Wrapping.
  ajouter(
    'emballage : signature déplacée dans un élément du document',
    retoucher(vraie, (doc, sig) => {
      const racine = doc.documentElement;
      racine.removeChild(sig);
      (racine.firstChild as Element).appendChild(sig);
    }),
  );
  ajouter(
    'emballage : signature dupliquée',
    retoucher(vraie, (doc, sig) => doc.documentElement.appendChild(sig.cloneNode(true))),
  );
  ajouter(
    'emballage : réponse signée enveloppée dans un autre document',
    `<enveloppe xmlns="${NS}">${corps}<reponse version="2" Id="REP-x"/></enveloppe>`,
    'refus',
    { racineAttendue: { nomLocal: 'enveloppe', espaceNoms: NS } },
  );
  ajouter('emballage : réponse signée enveloppée, réponse attendue', `<enveloppe xmlns="${NS}">${corps}</enveloppe>`);
  {
    const xml = reponse();
    const id = lireDom(xml).documentElement.getAttribute('Id')!;
    ajouter(
      'emballage : référence supplémentaire sur la racine',
      await signer({ referencesEnPlus: [{ uri: `#${id}` }] }, xml),
    );
  }
  {
    const doc = lireDom(reponse());
    const faux = doc.createElementNS(NS, 'commentaire');
    faux.setAttribute('Id', 'vraie');
    faux.textContent = 'acte détenu';
    doc.documentElement.appendChild(faux);
    ajouter(
      'emballage : référence sur un élément intérieur',
      await signer({ uri: '#vraie', transformsDocument: ['exc-c14n'] }, ecrireDom(doc)),
    );
  }
  ajouter(
    'identifiants : un élément reprend l’Id des propriétés signées',
    retoucher(vraie, (doc) => {
      const sp = premier(doc, XADES, 'SignedProperties');
      const copie = sp.cloneNode(true) as Element;
      doc.documentElement.insertBefore(copie, doc.documentElement.firstChild);
    }),
  );
  ajouter(
    'identifiants : la racine reprend l’Id de la signature',
    retoucher(vraie, (doc, sig) => doc.documentElement.setAttribute('Id', sig.getAttribute('Id')!)),
  );
  ajouter(
    'propriétés : QualifyingProperties dupliquées',
    retoucher(vraie, (_doc, sig) => {
      const objet = premier(sig, DSIG, 'Object');
      sig.appendChild(objet.cloneNode(true));
    }),
  );
  ajouter(
    'propriétés : rattachées à une autre signature (Target)',
    retoucher(vraie, (doc) => premier(doc, XADES, 'QualifyingProperties').setAttribute('Target', '#autre')),
  );
  ajouter(
    'SignedInfo : commentaire ajouté (ignoré par la canonisation)',
    retoucher(vraie, (doc, sig) => {
      const si = premier(sig, DSIG, 'SignedInfo');
      si.insertBefore(doc.createComment(' ajout '), si.firstChild);
    }),
  );
  ajouter(
    'SignatureMethod : ecdsa annoncé, clé RSA',
    vraie.replace('xmldsig-more#rsa-sha256', 'xmldsig-more#ecdsa-sha256'),
  );
  ajouter('contenu : motif modifié', vraie.replace('acte_non_detenu', 'donnees_insuffisantes'));
  ajouter(
    'espace de noms : Signature hors de xmldsig',
    vraie.replace(/xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"/, 'xmlns:ds="urn:faux"'),
  );

  // Seeded random alterations: one alphanumeric character of the signed answer replaced.
  const positions = [...vraie.matchAll(/[A-Za-z0-9]/g)].map((m) => m.index!);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let k = 0; k < 40; k++) {
    const p = positions[Math.floor(alea() * positions.length)];
    let c = vraie[p];
    while (c === vraie[p]) c = alphabet[Math.floor(alea() * alphabet.length)];
    ajouter(`aléa : caractère ${p} « ${vraie[p]} » → « ${c} »`, vraie.slice(0, p) + c + vraie.slice(p + 1));
  }
  return cas;
}

import type { Alea } from './alea';
import type { Base } from './documents';

/**
 * The hostile documents, by category (issue 14 and the classic XML attacks). Each case says
 * what the reader must do: `refus` (a typed refusal), `accepte` (a valid document written
 * differently), or `libre` (a blind mutation: refused, or accepted only if harmless).
 */
export type Attendu = 'refus' | 'accepte' | 'libre';

export interface Cas {
  categorie: string;
  nom: string;
  base: Base;
  entree: string | Uint8Array;
  attendu: Attendu;
}

type Generateur = (a: Alea, b: Base) => Omit<Cas, 'categorie' | 'base'>;

const sansDeclaration = (x: string) => x.replace(/^<\?xml[^>]*\?>\n?/, '');

/** Replaces the content of a random leaf element's text, or of a random attribute value. */
function dansUneValeur(a: Alea, x: string, valeur: (ancienne: string) => string): string {
  const feuilles = [...x.matchAll(/>([^<>]+)</g)];
  const attributs = [...x.matchAll(/ ([A-Za-z]+)="([^"]*)"/g)].filter((m) => m[1] !== 'xmlns');
  if (a.suivant() < 0.5 && feuilles.length) {
    const m = a.choix(feuilles);
    const i = m.index + 1;
    return x.slice(0, i) + valeur(m[1]) + x.slice(i + m[1].length);
  }
  const m = a.choix(attributs);
  const i = m.index + m[0].length - 1 - m[2].length;
  return x.slice(0, i) + valeur(m[2]) + x.slice(i + m[2].length);
}

function inserer(a: Alea, ancienne: string, morceau: string): string {
  const i = a.entier(0, ancienne.length);
  return ancienne.slice(0, i) + morceau + ancienne.slice(i);
}

const REFS_INTERDITES = [
  '&#0;',
  '&#x1;',
  '&#27;',
  '&#x1B;',
  '&#xB;',
  '&#12;',
  '&#x7F;',
  '&#x85;',
  '&#x9B;',
  '&#xFFFE;',
  '&#xFFFF;',
  '&#xD800;',
  '&#xDFFF;',
  '&#xDC00;&#xD800;',
  '&#x110000;',
  '&#99999999999999999999;',
  '&#x;',
  '&#;',
  '&#X41;',
  '&#-1;',
  '&#x0000000000041;',
];

const DATES_IMPOSSIBLES = [
  '2023-02-30',
  '2023-02-29',
  '1900-02-29',
  '2023-04-31',
  '2023-13-01',
  '0000-00-00',
  '1987-00-12',
  '1987-12-00',
  '1987-12-32',
  '2100-02-29',
  '1987-3-12',
  '12/03/1987',
  '19870312',
  '1987-03-12T00:00:00Z',
  '+1987-03-12',
];

const racineDe = (x: string) => /<([A-Za-z]+)[ >]/.exec(sansDeclaration(x))![1];

export const categories: Record<string, Generateur> = {
  'références interdites': (a, b) => {
    const ref = a.choix(REFS_INTERDITES);
    const v11 = a.suivant() < 0.3;
    let x = dansUneValeur(a, b.texte, (v) => inserer(a, v, ref));
    if (v11) x = x.replace('version="1.0"', 'version="1.1"');
    return { nom: `${ref}${v11 ? ' (XML 1.1)' : ''}`, entree: x, attendu: 'refus' };
  },
  'caractères interdits écrits': (a, b) => {
    const c = String.fromCharCode(a.choix([0, 1, 8, 0xb, 0xc, 0x1b, 0x7f, 0x85, 0x9b, 0xd800, 0xdfff, 0xfffe, 0xffff]));
    return {
      nom: `U+${c.charCodeAt(0).toString(16)}`,
      entree: dansUneValeur(a, b.texte, (v) => inserer(a, v, c)),
      attendu: 'refus',
    };
  },
  'dates impossibles': (a, b) => {
    const d = a.choix(DATES_IMPOSSIBLES);
    const dates = [...b.texte.matchAll(/\d{4}-\d{2}-\d{2}(?!T)/g)];
    if (!dates.length)
      return { nom: `${d} (sans date)`, entree: b.texte.replace(/>([^<]+)</, `>${d}<`), attendu: 'libre' };
    const m = a.choix(dates);
    return { nom: d, entree: b.texte.slice(0, m.index) + d + b.texte.slice(m.index + 10), attendu: 'refus' };
  },
  'imbrication profonde': (a, b) => {
    const n = a.choix([65, 100, 1000, 30_000, 54_000]);
    const decl = a.choix(['', ' xmlns:p="u"', ' xmlns:q#="u"', ' xmlns="urn:x"']);
    const ouvre = Array.from({ length: n }, (_, i) => `<x${decl.replace('#', String(i))}>`).join('');
    const ferme = '</x>'.repeat(n);
    const x = a.suivant() < 0.5 ? ouvre + ferme : b.texte.replace(/(<\/[A-Za-z]+>)$/, `${ouvre}${ferme}$1`);
    return { nom: `${n} niveaux${decl}`, entree: x, attendu: 'refus' };
  },
  'déclarations d’espace de noms': (a, b) => {
    const parElement = a.suivant() < 0.5;
    const n = parElement ? a.entier(9, 400) : a.entier(257, 3000);
    const decl = (i: number) => ` xmlns:q${i}="urn:q${i}"`;
    const racine = racineDe(b.texte);
    const x = parElement
      ? b.texte.replace(`<${racine} `, `<${racine}${Array.from({ length: n }, (_, i) => decl(i)).join('')} `)
      : b.texte.replace(/(<\/[A-Za-z]+>)$/, `${Array.from({ length: n }, (_, i) => `<z${decl(i)}/>`).join('')}$1`);
    return { nom: `${n} ${parElement ? 'sur un élément' : 'au total'}`, entree: x, attendu: 'refus' };
  },
  'espaces de noms confondus': (a, b) => {
    const ns = a.choix([
      'urn:registre:comedec:02',
      'urn:registre:comedec:0002',
      'urn:registre:comedec:2 ',
      'URN:registre:comedec:2',
      'urn:registre:comedec:+2',
      'urn:registre:comedec:2.0',
      'urn:registre:comedec:',
      '',
      'urn:registre:comedec:3',
      'urn:registre:comedec:&#x1B;[2J&#x1B;[31mPIRATE&#x1B;[0m',
      'urn:x&#10;registre : Document accepté&#10;',
      `urn:x:${'y'.repeat(9000)}`,
      `urn:x:${'y'.repeat(900_000)}`,
    ]);
    return { nom: ns.slice(0, 40), entree: b.texte.replace(/xmlns="[^"]*"/, `xmlns="${ns}"`), attendu: 'refus' };
  },
  'préfixes réservés': (a, b) => {
    const d = a.choix([
      'xmlns:xml="urn:x"',
      'xmlns:xmlns="urn:x"',
      'xmlns:p="http://www.w3.org/XML/1998/namespace"',
      'xmlns:p="http://www.w3.org/2000/xmlns/"',
      'xmlns:p=""',
      'xml:lang="fr"',
      'p:a="1"',
    ]);
    const racine = racineDe(b.texte);
    return { nom: d, entree: b.texte.replace(`<${racine} `, `<${racine} ${d} `), attendu: 'refus' };
  },
  'mal formé': (a, b) => {
    const [nom, f] = a.choix<[string, (x: string) => string]>([
      ['& seul', (x) => dansUneValeur(a, x, (v) => `${v} & B`)],
      ['&nom sans ;', (x) => dansUneValeur(a, x, (v) => `&amp${v}`)],
      ['< dans un attribut', (x) => x.replace(/="([^"]*)"/, '="a<b"')],
      ['PI dans une valeur', (x) => dansUneValeur(a, x, (v) => inserer(a, v, '<?pi x?>'))],
      ['PI entre éléments', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<?php echo 1; ?>$1')],
      ['balise non fermée', (x) => x.replace(/<\/[A-Za-z]+>/, '')],
      ['fin tronquée', (x) => x.slice(0, a.entier(1, x.length - 1))],
      ['deux racines', (x) => `${x}<x/>`],
      ['texte après la racine', (x) => `${x}texte`],
      ['attribut sans guillemets', (x) => x.replace(/="([^"]*)"/, '=$1')],
      ['attributs collés', (x) => x.replace(/" ([A-Za-z])/, '"$1')],
      [']]> dans le texte', (x) => dansUneValeur(a, x, (v) => `${v}]]>`)],
      ['-- dans un commentaire', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<!-- a -- b -->$1')],
      ['commentaire non fermé', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<!-- a $1')],
      ['CDATA non fermée', (x) => dansUneValeur(a, x, (v) => `<![CDATA[${v}`)],
      ['déclaration XML au milieu', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<?xml version="1.0"?>$1')],
      ['déclaration XML mal écrite', (x) => x.replace('<?xml version="1.0"', '<?xml versio="1.0"')],
      ['vide', () => ''],
      ['JSON', () => '{"demande": true}'],
    ]);
    return { nom, entree: f(b.texte), attendu: 'refus' };
  },
  'valeurs trop longues': (a, b) => {
    // Past the longest field (a mention's text, 4,000): whichever value it lands in.
    const n = a.choix([4001, 10_001, 100_000, 900_000]);
    return { nom: `${n} caractères`, entree: dansUneValeur(a, b.texte, () => 'A'.repeat(n)), attendu: 'refus' };
  },
  'noms géants': (a, b) => {
    const n = a.choix([129, 10_000, 500_000]);
    const nom = 'n'.repeat(n);
    const racine = racineDe(b.texte);
    const x =
      a.suivant() < 0.5
        ? b.texte.replace(`<${racine} `, `<${racine} ${nom}="1" `)
        : b.texte.replace(/(<\/[A-Za-z]+>)$/, `<${nom}/>$1`);
    return { nom: `nom de ${n} caractères`, entree: x, attendu: 'refus' };
  },
  'XXE et entités': (a, b) => {
    const racine = racineDe(b.texte);
    const corps = sansDeclaration(b.texte);
    const dtd = a.choix([
      `<!DOCTYPE ${racine} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`,
      `<!DOCTYPE ${racine} [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>`,
      `<!DOCTYPE ${racine} SYSTEM "http://127.0.0.1:1/x.dtd">`,
      `<!DOCTYPE ${racine} [<!ENTITY a "${'x'.repeat(50_000)}">]>`,
      `<!DOCTYPE ${racine} [${Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}<!ENTITY l0 "lol">]>`,
      `<!doctype ${racine}>`,
      `<! DOCTYPE ${racine}>`,
    ]);
    const usage = a.choix(['&xxe;', '&a;'.repeat(a.entier(1, 1000)), '&l10;', '']);
    return {
      nom: `${dtd.slice(0, 30)}… ${usage.slice(0, 10)}`,
      entree: dtd + dansUneValeur(a, corps, (v) => `${usage}${v}`),
      attendu: 'refus',
    };
  },
  'entités sans DTD': (a, b) => {
    const e = a.choix(['&xxe;', '&nbsp;', '&eacute;', '&lol9;', '&%p;', '&amp', '&#;']);
    return { nom: e, entree: dansUneValeur(a, b.texte, (v) => `${v}${e}`), attendu: 'refus' };
  },
  encodages: (a, b) => {
    const utf8 = new TextEncoder().encode(b.texte);
    const [nom, entree] = a.choix<[string, string | Uint8Array]>([
      ['UTF-16LE avec BOM', utf16(b.texte, true, true)],
      ['UTF-16BE avec BOM', utf16(b.texte, false, true)],
      ['UTF-16LE sans BOM', utf16(b.texte, true, false)],
      ['UTF-32 BOM', new Uint8Array([0xff, 0xfe, 0, 0, ...utf8])],
      ['Latin-1', latin1(b.texte)],
      ['déclare ISO-8859-1', b.texte.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')],
      ['déclare UTF-16', b.texte.replace('encoding="UTF-8"', 'encoding="UTF-16"')],
      ['déclare EBCDIC', b.texte.replace('encoding="UTF-8"', 'encoding="IBM037"')],
      ['octet de suite isolé', new Uint8Array([...utf8.slice(0, 50), 0x80, ...utf8.slice(50)])],
      ['surlong (C0 AF)', new Uint8Array([...utf8.slice(0, 50), 0xc0, 0xaf, ...utf8.slice(50)])],
      ['BOM répété', `\uFEFF\uFEFF${b.texte}`],
      ['BOM au milieu', b.texte.replace('?>', '?>\uFEFF')],
    ]);
    return { nom, entree, attendu: 'refus' };
  },
  'BOM et variantes valides': (a, b) => {
    const [nom, entree] = a.choix<[string, string | Uint8Array]>([
      ['BOM UTF-8 (octets)', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(b.texte)])],
      ['BOM UTF-8 (texte)', `\uFEFF${b.texte}`],
      ['sans déclaration', sansDeclaration(b.texte)],
      ['déclaration utf8 minuscules', b.texte.replace('encoding="UTF-8"', "encoding='utf-8'")],
      ['déclaration standalone', b.texte.replace('encoding="UTF-8"', 'encoding="UTF-8" standalone="yes"')],
      ['blancs autour de la racine', `${b.texte}\n\n  \t`],
      ['commentaire dans la racine', b.texte.replace(/(<\/[A-Za-z]+>)$/, '<!-- relu le 4 mars -->$1')],
      ['CDATA avec <!ENTITY', dansUneValeurTexte(b.texte, (v) => `<![CDATA[${v}]]>`, '<!ENTITY x "y"> ')],
      ['commentaire avec <!DOCTYPE', b.texte.replace(/(<\/[A-Za-z]+>)$/, '<!-- <!DOCTYPE x> <!ENTITY y> -->$1')],
      ['références prédéfinies', dansUneValeurTexte(b.texte, (v) => v, '&lt;&amp;&gt;&quot;&apos;&#233;&#x1F600; ')],
    ]);
    return { nom, entree, attendu: 'accepte' };
  },
  'commentaires et CDATA piégés': (a, b) => {
    const [nom, f] = a.choix<[string, (x: string) => string]>([
      ['commentaire avant la racine', (x) => x.replace('?>\n', '?>\n<!-- x -->')],
      ['commentaire après la racine', (x) => `${x}<!-- x -->`],
      ['CDATA hors de la racine', (x) => `${x}<![CDATA[x]]>`],
      ['CDATA contenant ]]>', (x) => dansUneValeurTexte(x, (v) => `<![CDATA[${v}]]>]]>`, '')],
      ['<!-- -->> ', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<!-- a --->$1')],
      ['PI xml-stylesheet', (x) => x.replace('?>\n', '?>\n<?xml-stylesheet href="x.xsl"?>')],
      ['CDATA entre éléments', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<![CDATA[texte]]>$1')],
    ]);
    return { nom, entree: f(b.texte), attendu: 'refus' };
  },
  'éléments et attributs en double ou inconnus': (a, b) => {
    const racine = racineDe(b.texte);
    const [nom, f] = a.choix<[string, (x: string) => string]>([
      ['attribut répété', (x) => x.replace(`<${racine} `, `<${racine} version="2" `)],
      ['attribut inconnu', (x) => x.replace(`<${racine} `, `<${racine} pirate="1" `)],
      ['élément inconnu', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<pirate/>$1')],
      [
        'élément répété',
        (x) => {
          const m = /<([a-zA-Z]+)[^>]*\/>|<([a-zA-Z]+)[^>]*>[^<]*<\/\2>/.exec(
            sansDeclaration(x).slice(racine.length + 2),
          )!;
          return x.replace(m[0], m[0] + m[0]);
        },
      ],
      ['élément d’un autre espace de noms', (x) => x.replace(/(<\/[A-Za-z]+>)$/, '<p:x xmlns:p="urn:p"/>$1')],
      ['attribut d’un autre espace de noms', (x) => x.replace(`<${racine} `, `<${racine} xmlns:p="urn:p" p:x="1" `)],
      ['élément enfant dans une valeur', (x) => dansUneValeurTexte(x, (v) => `${v}<b>gras</b>`, '')],
    ]);
    return { nom, entree: f(b.texte), attendu: 'refus' };
  },
  'identifiants non NCName': (a, b) => {
    const id = a.choix(['1DEM', '-x', 'DEM 1', 'DEM:1', 'DÉM-1', '', 'x'.repeat(129), 'a/b', 'a#b', '.x']);
    const m = /(?: Id| id| demande| numero|<demande|<documentId|<demandeId)(="|>)([^"<]*)/.exec(b.texte);
    if (!m) return { nom: `${id} (sans identifiant)`, entree: b.texte, attendu: 'accepte' };
    const i = m.index + m[0].length - m[2].length;
    return {
      nom: JSON.stringify(id.slice(0, 20)),
      entree: b.texte.slice(0, i) + id + b.texte.slice(i + m[2].length),
      attendu: 'refus',
    };
  },
  'explosion quadratique': (a, b) => {
    // Without DTD there is no entity to repeat: the same shape with what is left (many
    // attributes, many references, many elements), each within the document size.
    const [nom, f] = a.choix<[string, (x: string) => string]>([
      ['60 000 références', (x) => dansUneValeurTexte(x, (v) => v, '&amp;'.repeat(60_000))],
      ['200 000 éléments vides', (x) => x.replace(/(<\/[A-Za-z]+>)$/, `${'<z/>'.repeat(200_000)}$1`)],
      [
        '33 attributs',
        (x) => x.replace(/<([a-z]+) /, `<$1 ${Array.from({ length: 33 }, (_, i) => `a${i}="1"`).join(' ')} `),
      ],
      ['attribut de 900 000 caractères', (x) => x.replace(/="[^"]*"/, `="${'a'.repeat(900_000)}"`)],
    ]);
    return { nom, entree: f(b.texte), attendu: 'refus' };
  },
  'octets inversés': (a, b) => {
    const octets = new TextEncoder().encode(b.texte);
    const n = a.entier(1, 4);
    for (let i = 0; i < n; i++) octets[a.entier(0, octets.length - 1)] ^= 1 << a.entier(0, 7);
    return { nom: `${n} bit(s)`, entree: octets, attendu: 'libre' };
  },
  'octets remplacés': (a, b) => {
    const octets = new TextEncoder().encode(b.texte);
    const i = a.entier(0, octets.length - 1);
    octets[i] = a.choix([0x00, 0x26, 0x3c, 0x3e, 0x22, 0x27, 0x2f, 0x3d, 0x3f, 0x21, 0x5d, 0x20, 0x0a, 0xff]);
    return { nom: `octet ${i}`, entree: octets, attendu: 'libre' };
  },
};

/** Rewrites the text of the first free-text element (a name, a label, a message…). */
function dansUneValeurTexte(x: string, envelopper: (v: string) => string, prefixe: string): string {
  const m = /<(nom|libelle|texte|commentaire|message|cleIdempotence)>([^<]+)</.exec(x)!;
  const debut = m.index + m[1].length + 2;
  return x.slice(0, debut) + envelopper(prefixe + m[2]) + x.slice(debut + m[2].length);
}

function utf16(texte: string, petitBoutiste: boolean, bom: boolean): Uint8Array {
  const s = (bom ? '\uFEFF' : '') + texte.replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const r = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    r[2 * i + (petitBoutiste ? 0 : 1)] = c & 0xff;
    r[2 * i + (petitBoutiste ? 1 : 0)] = c >> 8;
  }
  return r;
}

function latin1(texte: string): Uint8Array {
  const s = texte.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
  return Uint8Array.from([...s].map((c) => (c.codePointAt(0)! < 256 ? c.codePointAt(0)! : 0x3f)));
}

import { citer } from '../citation';
import { erreurs } from '../errors';
import { LIMITES_PREBALAYAGE, type LimitesPrebalayage, type MesuresPrebalayage } from './limites';
import { estBlanc, finDeNom, lireReference } from './references';
import { lireBalise, type Balise } from './balise';
import { nommerCaractere, premierCaractereRefuse } from './caracteres';

export { LIMITES_PREBALAYAGE, NS_XML, NS_XMLNS, type LimitesPrebalayage, type MesuresPrebalayage } from './limites';

/**
 * A cheap, linear, bounded scan of an XML text BEFORE any parser sees it. It reads markup only
 * (never the inside of comments and CDATA sections) and refuses, with a typed error whose French
 * reason quotes the input only through citer():
 * - what would make the parser slow: depth, element, node, attribute, namespace-declaration and
 *   reference counts, name and attribute-value lengths (limites.ts);
 * - what XML forbids but lenient parsers accept: a bare `&`, an unknown entity, a reference to a
 *   character XML or this application forbids (`&#0;`, `&#x1B;`, `&#xFFFE;`, `&#xD800;`…),
 *   `xmlns:xml` bound elsewhere than the XML namespace, an unbalanced tag, a second root;
 * - what no exchange document needs: any DTD declaration, any processing instruction (the XML
 *   declaration aside, which must say version 1.0 and UTF-8), and anything but whitespace
 *   outside the root (a signature's `URI=""` covers the root only).
 * The error's `details.motif` is the reader's verdict; `details.position` the offset met.
 * A leading BOM is allowed (the caller decides whether it strips it).
 */
export function prebalayerXml(texte: string, limitesPartielles: Partial<LimitesPrebalayage> = {}): MesuresPrebalayage {
  const limites = { ...LIMITES_PREBALAYAGE, ...limitesPartielles };
  const refuser = (motif: string, raison: string, position: number): never => {
    throw erreurs.xmlRefuse(motif, raison, position);
  };
  const mesures: MesuresPrebalayage = {
    profondeur: 0,
    elements: 0,
    noeuds: 0,
    attributs: 0,
    espaces: 0,
    references: 0,
    racine: '',
  };
  const ouverts: string[] = [];
  let racineFermee = false;
  // Raw characters first: one regex pass, before anything reads names or values.
  const interdit = premierCaractereRefuse(texte);
  if (interdit)
    refuser('encodage_invalide', `caractère interdit (${nommerCaractere(interdit.point)})`, interdit.position);
  let i = texte.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = lireDeclaration(texte, i, refuser);

  const compterNoeud = (position: number): void => {
    if (++mesures.noeuds > limites.noeuds) refuser('trop_complexe', `plus de ${limites.noeuds} nœuds`, position);
  };
  const reference = (position: number): number => {
    if (++mesures.references > limites.references)
      refuser('trop_complexe', `plus de ${limites.references} références de caractère ou d’entité`, position);
    const r = lireReference(texte, position, limites.longueurNom);
    return typeof r === 'number' ? r : refuser(r.motif, r.raison, position);
  };

  while (i < texte.length) {
    const c = texte.charCodeAt(i);
    if (c !== 0x3c /* < */) {
      // Character data, up to the next markup: whitespace only outside the root; references
      // and `]]>` checked inside. indexOf keeps a 900,000-character text a few milliseconds.
      let fin = texte.indexOf('<', i);
      if (fin < 0) fin = texte.length;
      let nonBlanc = i;
      while (nonBlanc < fin && estBlanc(texte.charCodeAt(nonBlanc))) nonBlanc++;
      if (nonBlanc < fin) {
        if (ouverts.length === 0)
          refuser(
            'xml_mal_forme',
            'contenu hors de l’élément racine (seuls la déclaration XML et des blancs sont permis)',
            nonBlanc,
          );
        compterNoeud(i);
        const crochets = texte.indexOf(']]>', i);
        if (crochets >= 0 && crochets < fin) refuser('xml_mal_forme', '« ]]> » hors d’une section CDATA', crochets);
        for (let e = texte.indexOf('&', i); e >= 0 && e < fin; e = texte.indexOf('&', e)) e = reference(e);
      }
      i = fin;
      continue;
    }
    if (texte.startsWith('<!--', i)) {
      const fin = texte.indexOf('--', i + 4);
      if (fin < 0) refuser('xml_mal_forme', 'commentaire non fermé', i);
      if (texte.charCodeAt(fin + 2) !== 0x3e) refuser('xml_mal_forme', '« -- » interdit dans un commentaire', fin);
      if (ouverts.length === 0 && !limites.commentairesHorsRacine)
        refuser('xml_mal_forme', 'commentaire hors de l’élément racine', i);
      compterNoeud(i);
      i = fin + 3;
      continue;
    }
    if (texte.startsWith('<![CDATA[', i)) {
      if (ouverts.length === 0) refuser('xml_mal_forme', 'section CDATA hors de l’élément racine', i);
      const fin = texte.indexOf(']]>', i + 9);
      if (fin < 0) refuser('xml_mal_forme', 'section CDATA non fermée', i);
      compterNoeud(i);
      i = fin + 3;
      continue;
    }
    if (texte.charCodeAt(i + 1) === 0x21 /* ! */) {
      if (/^<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(texte.slice(i, i + 20)))
        refuser('dtd_interdite', 'déclaration DOCTYPE ou ENTITY interdite (aucune DTD n’est acceptée)', i);
      refuser('xml_mal_forme', `balise « ${citer(texte.slice(i, i + 12), 12)} » inconnue`, i);
    }
    if (texte.charCodeAt(i + 1) === 0x3f /* ? */) {
      let f = i + 2;
      while (f < texte.length && f - i < 40 && !finDeNom(texte, f) && texte.charCodeAt(f) !== 0x3f) f++;
      const cible = texte.slice(i + 2, f);
      const ou = /^xml$/i.test(cible) ? 'ailleurs qu’en tête du document' : 'dans un document d’échange';
      refuser('xml_mal_forme', `instruction de traitement « ${citer(cible, 20)} » interdite ${ou}`, i);
    }
    if (texte.charCodeAt(i + 1) === 0x2f /* / */) {
      let f = i + 2;
      while (f < texte.length && f - i - 2 <= limites.longueurNom && !finDeNom(texte, f)) f++;
      const nom = texte.slice(i + 2, f);
      const ouvert = ouverts.pop();
      if (ouvert === undefined) refuser('xml_mal_forme', `balise de fin « ${citer(nom)} » sans ouverture`, i);
      if (nom !== ouvert)
        refuser('xml_mal_forme', `balise de fin « ${citer(nom)} » alors que « ${citer(ouvert)} » est ouvert`, i);
      while (estBlanc(texte.charCodeAt(f))) f++;
      if (texte.charCodeAt(f) !== 0x3e) refuser('xml_mal_forme', `balise de fin « ${citer(nom)} » non fermée`, i);
      if (ouverts.length === 0) racineFermee = true;
      i = f + 1;
      continue;
    }
    if (racineFermee) refuser('xml_mal_forme', 'un seul élément racine est permis', i);
    const balise: Balise = lireBalise(texte, i, limites, mesures, refuser, reference);
    if (++mesures.elements > limites.elements) refuser('trop_complexe', `plus de ${limites.elements} éléments`, i);
    compterNoeud(i);
    if (ouverts.length === 0) mesures.racine = balise.nom;
    const niveau = ouverts.length + 1;
    if (niveau > limites.profondeur)
      refuser('trop_complexe', `éléments imbriqués sur plus de ${limites.profondeur} niveaux`, i);
    mesures.profondeur = Math.max(mesures.profondeur, niveau);
    if (!balise.vide) ouverts.push(balise.nom);
    else if (niveau === 1) racineFermee = true;
    i = balise.fin;
  }
  if (ouverts.length > 0)
    refuser('xml_mal_forme', `élément « ${citer(ouverts[ouverts.length - 1])} » non fermé`, texte.length);
  if (!racineFermee) refuser('xml_mal_forme', 'aucun élément racine', texte.length);
  return mesures;
}

// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, in this order, as XML says.
const DECLARATION =
  /^<\?xml(\s+version\s*=\s*(["'])([^"']{0,10})\2)?(\s+encoding\s*=\s*(["'])([^"']{0,40})\5)?(\s+standalone\s*=\s*(["'])(yes|no)\8)?\s*\?>/;

/** Checks the XML declaration at `i`, when there is one; returns the index after it. */
function lireDeclaration(
  texte: string,
  i: number,
  refuser: (motif: string, raison: string, position: number) => never,
): number {
  if (!texte.startsWith('<?xml', i) || !estBlanc(texte.charCodeAt(i + 5))) return i;
  const m = DECLARATION.exec(texte.slice(i, i + 200));
  if (!m || m[1] === undefined) return refuser('xml_mal_forme', 'déclaration XML mal écrite', i);
  if (m[3] !== '1.0')
    refuser('xml_mal_forme', `version XML « ${citer(m[3], 10)} » refusée : seule la version 1.0 est acceptée`, i);
  if (m[6] !== undefined && !/^utf-?8$/i.test(m[6]))
    refuser('encodage_invalide', `encodage « ${citer(m[6], 30)} » refusé : seul l’UTF-8 est accepté`, i);
  return i + m[0].length;
}

import { citer } from '../citation';
import { NS_XML, NS_XMLNS, type LimitesPrebalayage, type MesuresPrebalayage } from './limites';
import { estBlanc, finDeNom } from './references';

/** A start tag read by the pre-scan: its qualified name, whether it is empty, the index after it. */
export interface Balise {
  nom: string;
  vide: boolean;
  fin: number;
}

type Refuser = (motif: string, raison: string, position: number) => never;

/** A name at `i`, never read further than the limit (a 500,000-character name costs 129 reads). */
function lireNom(texte: string, i: number, limites: LimitesPrebalayage, refuser: Refuser): string {
  let f = i;
  while (!finDeNom(texte, f)) {
    if (f - i >= limites.longueurNom)
      refuser(
        'trop_complexe',
        `nom de plus de ${limites.longueurNom} caractères (« ${citer(texte.slice(i, i + 20), 20)}… »)`,
        i,
      );
    f++;
  }
  return texte.slice(i, f);
}

/**
 * Reads the start tag at `texte[debut] === '<'`: attribute count, duplicates, value lengths and
 * references, and the namespace declarations (counted; `xml` and `xmlns` reserved as the
 * Namespaces in XML recommendation says).
 */
export function lireBalise(
  texte: string,
  debut: number,
  limites: LimitesPrebalayage,
  mesures: MesuresPrebalayage,
  refuser: Refuser,
  reference: (position: number) => number,
): Balise {
  const nom = lireNom(texte, debut + 1, limites, refuser);
  if (!nom) refuser('xml_mal_forme', '« < » seul : un chevron s’écrit &lt;', debut);
  const dans = `dans la balise « ${citer(nom)} »`;
  const vus = new Set<string>();
  let espaces = 0;
  let f = debut + 1 + nom.length;
  for (;;) {
    const avantBlanc = f;
    while (estBlanc(texte.charCodeAt(f))) f++;
    const c = texte.charCodeAt(f);
    if (c === 0x3e /* > */) return { nom, vide: false, fin: f + 1 };
    if (c === 0x2f /* / */ && texte.charCodeAt(f + 1) === 0x3e) return { nom, vide: true, fin: f + 2 };
    if (Number.isNaN(c)) refuser('xml_mal_forme', `balise « ${citer(nom)} » non fermée`, debut);
    if (f === avantBlanc) refuser('xml_mal_forme', `caractère inattendu ${dans}`, f);
    const attribut = lireNom(texte, f, limites, refuser);
    if (!attribut) refuser('xml_mal_forme', `caractère inattendu ${dans}`, f);
    if (vus.size >= limites.attributsParElement)
      refuser('trop_complexe', `plus de ${limites.attributsParElement} attributs ${dans}`, f);
    if (vus.has(attribut)) refuser('xml_mal_forme', `attribut « ${citer(attribut)} » répété ${dans}`, f);
    vus.add(attribut);
    f += attribut.length;
    while (estBlanc(texte.charCodeAt(f))) f++;
    if (texte.charCodeAt(f) !== 0x3d /* = */)
      refuser('xml_mal_forme', `attribut « ${citer(attribut)} » sans valeur ${dans}`, f);
    f++;
    while (estBlanc(texte.charCodeAt(f))) f++;
    const guillemet = texte.charCodeAt(f);
    if (guillemet !== 0x22 && guillemet !== 0x27)
      refuser('xml_mal_forme', `valeur de l’attribut « ${citer(attribut)} » sans guillemets`, f);
    const debutValeur = f + 1;
    let j = debutValeur;
    while (j < texte.length && texte.charCodeAt(j) !== guillemet) {
      if (j - debutValeur >= limites.longueurAttribut)
        refuser(
          'trop_complexe',
          `valeur de l’attribut « ${citer(attribut)} » de plus de ${limites.longueurAttribut} caractères`,
          debutValeur,
        );
      const d = texte.charCodeAt(j);
      if (d === 0x3c) refuser('xml_mal_forme', `« < » dans la valeur de l’attribut « ${citer(attribut)} »`, j);
      j = d === 0x26 ? reference(j) : j + 1;
    }
    if (j >= texte.length) refuser('xml_mal_forme', `valeur de l’attribut « ${citer(attribut)} » non fermée`, f);
    if (attribut === 'xmlns' || attribut.startsWith('xmlns:')) {
      espaces++;
      if (espaces > limites.espacesParElement)
        refuser('trop_complexe', `plus de ${limites.espacesParElement} déclarations d’espace de noms ${dans}`, f);
      if (++mesures.espaces > limites.espaces)
        refuser('trop_complexe', `plus de ${limites.espaces} déclarations d’espace de noms`, f);
      verifierDeclaration(attribut, texte.slice(debutValeur, j), refuser, f);
    }
    mesures.attributs++;
    f = j + 1;
  }
}

/**
 * `xml` is bound to its namespace only, `xmlns` never declared, no prefix undeclared, and a
 * namespace is a URI: no whitespace, no reference (`urn:x&#10;…` would forge a line wherever
 * the namespace is quoted).
 */
function verifierDeclaration(attribut: string, valeur: string, refuser: Refuser, position: number): void {
  const prefixe = attribut === 'xmlns' ? null : attribut.slice(6);
  if (/[\s&]/.test(valeur))
    refuser(
      'xml_mal_forme',
      `espace de noms « ${citer(valeur)} » invalide (ni blanc ni référence de caractère dans un URI)`,
      position,
    );
  if (prefixe === 'xmlns') refuser('xml_mal_forme', 'le préfixe xmlns ne se déclare pas', position);
  if (prefixe === 'xml' && valeur !== NS_XML)
    refuser('xml_mal_forme', `le préfixe xml ne peut désigner que ${NS_XML} (« ${citer(valeur)} » reçu)`, position);
  if (prefixe !== 'xml' && (valeur === NS_XML || valeur === NS_XMLNS))
    refuser('xml_mal_forme', `l’espace de noms « ${valeur} » est réservé`, position);
  if (prefixe !== null && valeur === '')
    refuser('xml_mal_forme', `préfixe « ${citer(prefixe)} » lié à un espace de noms vide`, position);
}

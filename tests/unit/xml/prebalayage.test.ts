import { describe, expect, it } from 'vitest';
import { RegistreError } from '../../../shared/errors';
import { LIMITES_PREBALAYAGE, prebalayerXml } from '../../../shared/xml/prebalayage';
import { construireDemande, construireReponse } from '../../../electron/comedec/format';
import { demandeExemple, reponseExemple } from '../comedec/exemples';

/** The typed refusal of `texte`, and how long the scan took. */
function refus(texte: string): { motif: unknown; message: string; ms: number } {
  const debut = performance.now();
  try {
    prebalayerXml(texte);
  } catch (e) {
    expect(e).toBeInstanceOf(RegistreError);
    const err = e as RegistreError;
    expect(err.code).toBe('saisie_invalide');
    return { motif: err.details?.motif, message: err.message, ms: performance.now() - debut };
  }
  throw new Error('document accepté');
}

describe('pré-balayage borné (shared/xml/prebalayage.ts)', () => {
  it('mesure un document valide sans le refuser', () => {
    const m = prebalayerXml(construireReponse(reponseExemple()));
    expect(m.racine).toBe('reponse');
    expect(m.profondeur).toBeGreaterThanOrEqual(4);
    expect(m.espaces).toBe(1);
    expect(prebalayerXml(`\uFEFF${construireDemande(demandeExemple())}`).racine).toBe('demande');
  });

  it('54 000 éléments imbriqués avec xmlns:p : refusés en quelques millisecondes', () => {
    const r = refus('<x xmlns:p="u">'.repeat(54_000) + '</x>'.repeat(54_000));
    expect(r.motif).toBe('trop_complexe');
    expect(r.message).toContain(`${LIMITES_PREBALAYAGE.profondeur} niveaux`);
    expect(r.ms).toBeLessThan(1000);
  });

  it('30 000 éléments imbriqués avec xmlns:qN : refusés en quelques millisecondes', () => {
    const texte = Array.from({ length: 30_000 }, (_, i) => `<x xmlns:q${i}="u">`).join('');
    const r = refus(texte);
    expect(r.motif).toBe('trop_complexe');
    expect(r.ms).toBeLessThan(1000);
  });

  it('déclarations d’espace de noms : bornées par élément et dans le document', () => {
    const parElement = Array.from({ length: 9 }, (_, i) => ` xmlns:q${i}="u"`).join('');
    expect(refus(`<a${parElement}/>`).message).toContain('déclarations d’espace de noms dans la balise');
    const freres = Array.from({ length: 300 }, (_, i) => `<b xmlns:q${i}="u"/>`).join('');
    expect(refus(`<a>${freres}</a>`).message).toContain('256 déclarations');
  });

  it('nombre d’éléments, d’attributs, longueur des noms et des valeurs : bornés', () => {
    expect(refus(`<a>${'<b/>'.repeat(LIMITES_PREBALAYAGE.elements)}</a>`).motif).toBe('trop_complexe');
    const attrs = Array.from({ length: 33 }, (_, i) => ` a${i}="1"`).join('');
    expect(refus(`<a${attrs}/>`).message).toContain('32 attributs');
    const nom = refus(`<${'n'.repeat(500_000)}/>`);
    expect(nom.message.length).toBeLessThan(200);
    expect(nom.ms).toBeLessThan(1000);
    const valeur = refus(`<a libelle="${'x'.repeat(900_000)}"/>`);
    expect(valeur.message).toContain('10000 caractères');
    expect(valeur.ms).toBeLessThan(1000);
  });

  it.each([
    ['&#0;', 'U+0000'],
    ['&#x1;', 'U+0001'],
    ['&#27;', 'U+001B'],
    ['&#xB;', 'U+000B'],
    ['&#12;', 'U+000C'],
    ['&#x85;', 'U+0085'],
    ['&#xFFFE;', 'U+FFFE'],
    ['&#xFFFF;', 'U+FFFF'],
    ['&#xD800;', 'U+D800'],
    ['&#xDFFF;', 'U+DFFF'],
    ['&#x110000;', 'hors d’Unicode'],
  ])('référence %s vers un caractère interdit : refusée, en texte comme en attribut', (ref, nom) => {
    const texte = refus(`<a><nom>ND${ref}IAYE</nom></a>`);
    expect(texte.motif).toBe('encodage_invalide');
    expect(texte.message).toContain(nom);
    expect(refus(`<a commune="Aus${ref}sillon"/>`).message).toContain(nom);
  });

  it('références mal écrites, trop longues, entités inconnues, « & » seul : refusés', () => {
    expect(refus('<a>&#99999999999999999999;</a>').motif).toBe('xml_mal_forme');
    expect(refus('<a>&#X41;</a>').motif).toBe('xml_mal_forme');
    expect(refus('<a>A & B</a>').message).toContain('&amp;');
    expect(refus('<a b="A & B"/>').motif).toBe('xml_mal_forme');
    expect(refus('<a>&xxe;</a>').message).toContain('« xxe »');
  });

  it('références permises : entités prédéfinies, caractères valides, tabulation et fin de ligne', () => {
    const m = prebalayerXml('<a b="&#10;&#x9;&#13;">&lt;&gt;&amp;&quot;&apos;&#233;&#x1F600;</a>');
    expect(m.references).toBe(10);
  });

  it('DTD, instructions de traitement, version 1.1, encodage autre : refusés', () => {
    expect(refus('<!DOCTYPE a [<!ENTITY x "y">]><a/>').motif).toBe('dtd_interdite');
    expect(refus('<a><!ENTITY x "y"></a>').motif).toBe('dtd_interdite');
    expect(refus('<a>ND<?pi x?>IAYE</a>').message).toContain('instruction de traitement « pi »');
    expect(refus('<?xml version="1.1"?><a/>').message).toContain('1.0');
    expect(refus('<?xml version="1.0" encoding="ISO-8859-1"?><a/>').motif).toBe('encodage_invalide');
    expect(refus('<a/><?xml version="1.0"?>').motif).toBe('xml_mal_forme');
  });

  it('« <!ENTITY » dans une section CDATA ou un commentaire : ce n’est pas du balisage', () => {
    expect(prebalayerXml('<a><![CDATA[<!ENTITY x "y"> & <?pi?>]]><!-- <!DOCTYPE --></a>').noeuds).toBe(3);
  });

  it('hors de la racine : seulement la déclaration XML et des blancs', () => {
    expect(refus('<?xml-stylesheet href="x"?><a/>').motif).toBe('xml_mal_forme');
    expect(refus('<!-- avant --><a/>').message).toContain('hors de l’élément racine');
    expect(prebalayerXml('<!-- avant --><a/>', { commentairesHorsRacine: true }).racine).toBe('a');
    expect(refus('texte<a/>').message).toContain('hors de l’élément racine');
    expect(refus('<a/>texte').message).toContain('hors de l’élément racine');
    expect(refus('<a/><b/>').message).toContain('un seul élément racine');
    expect(refus('').message).toContain('aucun élément racine');
  });

  it('espaces de noms réservés : xml lié ailleurs, xmlns déclaré, préfixe vide', () => {
    expect(refus('<a xmlns:xml="urn:x"/>').message).toContain('préfixe xml');
    expect(prebalayerXml('<a xmlns:xml="http://www.w3.org/XML/1998/namespace"/>').espaces).toBe(1);
    expect(refus('<a xmlns:xmlns="urn:x"/>').motif).toBe('xml_mal_forme');
    expect(refus('<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>').motif).toBe('xml_mal_forme');
    expect(refus('<a xmlns:p=""/>').motif).toBe('xml_mal_forme');
  });

  it('balises déséquilibrées et attributs répétés : refusés', () => {
    expect(refus('<a><b></a></b>').message).toContain('« b » est ouvert');
    expect(refus('<a><b>').message).toContain('non fermé');
    expect(refus('<a b="1" b="2"/>').message).toContain('répété');
    expect(refus('<a b="1"c="2"/>').motif).toBe('xml_mal_forme');
    expect(refus('<a b=1/>').message).toContain('sans guillemets');
  });

  it('un message ne cite jamais plus qu’un court extrait échappé', () => {
    const r = refus(`<a>${'<x>'.repeat(10)}</y\u202e\u2028${'z'.repeat(10_000)}></a>`);
    expect(r.message.length).toBeLessThan(300);
    expect(r.message).not.toContain('\u2028');
    expect(r.message).toContain('\\u{202E}');
  });
});

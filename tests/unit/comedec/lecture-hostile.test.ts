import { describe, expect, it } from 'vitest';
import {
  construireDemande,
  construireReponse,
  identifierDocument,
  lireDemande,
  lireReponse,
} from '../../../electron/comedec/format';
import { demandeExemple, erreurDe, reponseExemple } from './exemples';

// What an independent run of hostile requests got through the reader (issue 14, « Le lecteur »).
const xml = () => construireDemande(demandeExemple());
const refus = (texte: string) => erreurDe(() => lireDemande(texte));

describe('lecteur : références de caractère et valeurs lues (1)', () => {
  it.each(['&#0;', '&#x1;', '&#27;', '&#xB;', '&#12;', '&#xFFFE;', '&#xFFFF;', '&#xD800;', '&#xDFFF;', '&#x110000;'])(
    '%s dans un nom, un attribut, une référence : refusé',
    (ref) => {
      for (const hostile of [
        xml().replace('<nom>N’DIAYE', `<nom>ND${ref}IAYE`),
        xml().replace('commune="Aussillon"', `commune="Aus${ref}sillon"`),
        xml().replace('ET-2024/0457', `ET${ref}-2024`),
        xml().replace('<?xml version="1.0"', '<?xml version="1.1"').replace('<nom>N’DIAYE', `<nom>ND${ref}IAYE`),
      ]) {
        const e = refus(hostile);
        expect(e.code).toBe('saisie_invalide');
        expect(['encodage_invalide', 'xml_mal_forme']).toContain(e.details.motif);
        expect(e.message).not.toMatch(/[\u0000-\u001f]/);
      }
    },
  );

  it('surrogats inversés, référence hors d’Unicode, version 1.1 : refusés avec un message français', () => {
    expect(refus(xml().replace('<nom>N’DIAYE', '<nom>&#xDC00;&#xD800;')).message).toContain('U+DC00');
    expect(refus(xml().replace('<nom>N’DIAYE', '<nom>&#99999999999999999999;')).message).toContain(
      'référence de caractère mal écrite',
    );
    expect(refus(xml().replace('<?xml version="1.0"', '<?xml version="1.1"')).message).toContain(
      'seule la version 1.0',
    );
  });

  it('une fin de ligne par référence dans un attribut : refusée (un attribut tient sur une ligne)', () => {
    const e = refus(xml().replace('commune="Aussillon"', 'commune="Aus&#10;sillon"'));
    expect(e.details.motif).toBe('encodage_invalide');
    expect(e.details.champ).toBe('personne.lieuNaissance.commune');
  });

  it('C1 et DEL écrits tels quels : refusés', () => {
    expect(refus(xml().replace('DIAYE', 'DI\u009bAYE')).details.motif).toBe('encodage_invalide');
    expect(refus(xml().replace('DIAYE', 'DI\u007fAYE')).details.motif).toBe('encodage_invalide');
  });
});

describe('lecteur : dates du calendrier (2)', () => {
  it.each([
    ['dateNaissance', (d: string) => xml().replace('<dateNaissance>1987-03-12', `<dateNaissance>${d}`)],
    ['echeanceProcedure', (d: string) => xml().replace('echeanceProcedure="2024-03-15"', `echeanceProcedure="${d}"`)],
    ['evenement.date', (d: string) => xml().replace('</mere>', `</mere><evenement><date>${d}</date></evenement>`)],
  ])('%s : une date qui n’existe pas est refusée', (champ, avec) => {
    for (const date of [
      '2023-02-30',
      '2023-02-29',
      '1900-02-29',
      '2023-04-31',
      '2023-13-01',
      '0000-00-00',
      '1987-00-12',
    ]) {
      const e = refus(avec(date));
      expect(e.details.motif).toBe('schema');
      expect(String(e.details.champ)).toContain(champ.split('.').pop());
      expect(e.message).toContain('date impossible');
    }
    expect(lireDemande(avec('2024-02-29')).id).toBe('DEM-2024-000123');
  });

  it('réponse : dates de l’acte, des personnes et des mentions vérifiées aussi', () => {
    const r = construireReponse(reponseExemple());
    const e = erreurDe(() => lireReponse(r.replace(/<dateActe>[^<]*</, '<dateActe>1987-02-30<')));
    expect(e.message).toContain('date impossible');
  });
});

describe('lecteur : coût borné (3)', () => {
  it('54 000 puis 30 000 éléments imbriqués avec déclarations d’espace de noms : refusés vite', () => {
    for (const hostile of [
      '<x xmlns:p="u">'.repeat(54_000) + '</x>'.repeat(54_000),
      Array.from({ length: 30_000 }, (_, i) => `<x xmlns:q${i}="u">`).join('') + '</x>'.repeat(30_000),
    ]) {
      const debut = performance.now();
      const e = refus(hostile);
      expect(e.details.motif).toBe('trop_complexe');
      expect(performance.now() - debut).toBeLessThan(200);
    }
  });
});

describe('lecteur : espaces de noms (4)', () => {
  it('un blanc dans l’espace de noms : refusé (un URI n’en a pas)', () => {
    const e = refus(xml().replace('xmlns="urn:registre:comedec:2"', 'xmlns="urn:registre:comedec:2 "'));
    expect(e.details.motif).toBe('xml_mal_forme');
  });

  it.each([
    'urn:registre:comedec:02',
    'urn:registre:comedec:0002',
    'URN:registre:comedec:2',
    'urn:registre:comedec:2/',
  ])('« %s » n’est pas la version 2', (ns) => {
    const e = refus(xml().replace('xmlns="urn:registre:comedec:2"', `xmlns="${ns}"`));
    expect(e.code).toBe('format_inconnu');
  });

  it('xmlns:xml lié à autre chose que l’espace de noms XML : refusé', () => {
    const e = refus(xml().replace('<demande ', '<demande xmlns:xml="urn:x" '));
    expect(e.details.motif).toBe('xml_mal_forme');
    expect(e.message).toContain('préfixe xml');
  });
});

describe('lecteur : mal formé mais accepté jusqu’ici (5)', () => {
  it('« & » seul, instruction de traitement dans une valeur, attribut de 900 000 caractères', () => {
    expect(refus(xml().replace('<nom>N’DIAYE', '<nom>A & B')).details.motif).toBe('xml_mal_forme');
    expect(refus(xml().replace('<nom>N’DIAYE', '<nom>ND<?pi x?>IAYE')).message).toContain('instruction de traitement');
    const long = refus(xml().replace('libelle="MAIRIE-81-AUSSILLON"', `libelle="${'A'.repeat(900_000)}"`));
    expect(long.details.motif).toBe('trop_complexe');
    expect(long.message.length).toBeLessThan(300);
  });

  it('chaque champ est borné, destinataire/@libelle compris', () => {
    const e = refus(xml().replace('libelle="MAIRIE-81-AUSSILLON"', `libelle="MAIRIE-81-${'A'.repeat(5000)}"`));
    expect(e.details.motif).toBe('schema');
    expect(e.details.champ).toBe('destinataire.libelle');
    expect(refus(xml().replace('<nom>N’DIAYE', `<nom>${'N'.repeat(100_000)}`)).details.champ).toBe('personne.nom');
  });
});

describe('lecteur : messages sans écho de l’attaquant (6)', () => {
  const propre = (message: string) => {
    expect(message.length).toBeLessThan(400);
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  };

  it('nom d’élément ou d’attribut de 500 000 caractères : message court', () => {
    propre(refus(xml().replace('<typeActe>', `<${'t'.repeat(500_000)}/><typeActe>`)).message);
    propre(refus(xml().replace('<typeActe>', `<typeActe ${'a'.repeat(500_000)}="1">`)).message);
  });

  it('espace de noms inconnu de 900 000 (puis 9 000) caractères : refusé, cité en court extrait', () => {
    const geant = refus(xml().replace('urn:registre:comedec:2', `urn:x:${'y'.repeat(900_000)}`));
    expect(geant.details.motif).toBe('trop_complexe');
    propre(geant.message);
    const e = refus(xml().replace('urn:registre:comedec:2', `urn:x:${'y'.repeat(9_000)}`));
    expect(e.code).toBe('format_inconnu');
    propre(e.message);
    expect(e.message).toContain('(9006 caractères)');
  });

  it('codes de terminal et fausse ligne dans un espace de noms : jamais écrits', () => {
    const escapes = refus(
      xml().replace('urn:registre:comedec:2', 'urn:registre:comedec:&#x1B;[2J&#x1B;[31mPIRATE&#x1B;[0m'),
    );
    propre(escapes.message);
    const ligne = refus(xml().replace('urn:registre:comedec:2', 'urn:x&#10;registre : Document accepté&#10;'));
    propre(ligne.message);
    const brut = refus(xml().replace('urn:registre:comedec:2', 'urn:x\nregistre : Document accepté\n'));
    expect(brut.details.motif).toBe('xml_mal_forme');
    propre(brut.message);
  });

  it('élément inconnu au nom piégé (séparateur de ligne, bidi) : cité échappé', () => {
    const e = refus(xml().replace('<typeActe>', '<x\u2028y\u202e/><typeActe>'));
    propre(e.message);
  });

  it('XML mal formé : raison française d’abord, texte du parseur en détail borné', () => {
    const e = refus(xml().replace('</typeActe>', '</typeActe'));
    expect(e.message).toMatch(/^Document COMEDEC invalide \(demande\) : /);
    const parseur = refus(`<demande xmlns="urn:registre:comedec:2" version="2"><a:b/></demande>`);
    expect(parseur.message).toMatch(/XML mal formé \(détail : /);
    expect(String(parseur.details.detail).length).toBeLessThan(200);
  });
});

describe('lecteur : CDATA et balisage (7)', () => {
  it('« <!ENTITY » dans une section CDATA d’un document légal : accepté', () => {
    const d = lireDemande(
      xml().replace('Étude de Maître Lefèvre, Castres', '<![CDATA[Étude <!ENTITY x "y"> Lefèvre]]>'),
    );
    expect(d.demandeur.libelle).toBe('Étude <!ENTITY x "y"> Lefèvre');
  });

  it('commentaire ou instruction avant la racine : refusés (hors de la signature)', () => {
    const rep = construireReponse(reponseExemple());
    const style = rep.replace('<reponse', '<?xml-stylesheet href="x"?><reponse');
    expect(erreurDe(() => lireReponse(style)).details.motif).toBe('xml_mal_forme');
    expect(erreurDe(() => identifierDocument(rep.replace('<reponse', '<!-- x --><reponse'))).details.motif).toBe(
      'xml_mal_forme',
    );
  });

  it('BOM UTF-8 en tête : accepté ; répété : refusé', () => {
    expect(lireDemande(`\uFEFF${xml()}`).id).toBe('DEM-2024-000123');
    const octets = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml())]);
    expect(lireDemande(octets).id).toBe('DEM-2024-000123');
    expect(refus(`\uFEFF\uFEFF${xml()}`).details.motif).toBe('encodage_invalide');
  });
});

import { describe, expect, it } from 'vitest';
import { construireDemande, lireDemande, CHAMPS_VERSION_2 } from '../../../electron/comedec/format';
import { demandeExemple, erreurDe } from './exemples';

describe('format d’échange : demande', () => {
  it('version 2 : aller-retour sans perte, espace de noms urn:registre:comedec:2', () => {
    const xml = construireDemande(demandeExemple(2));
    expect(xml).toContain('xmlns="urn:registre:comedec:2"');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const d = lireDemande(xml);
    expect(d.version).toBe(2);
    expect(d.demandeur).toEqual({
      type: 'notaire',
      libelle: 'Étude de Maître Lefèvre, Castres',
      reference: 'ET-2024/0457',
      typeReference: 'reference_etude',
    });
    expect(d.dates.echeanceProcedure).toBe('2024-03-15');
    expect(d.personne.prenoms).toEqual(['Marie-Hélène', 'Zoé']);
    expect(d.personne.nom).toBe('N’DIAYE');
    expect(d.personne.nomUsage).toBe('ROUSSEL');
    expect(d.personne.lieuNaissance).toEqual({
      commune: 'Aussillon',
      codeInsee: '81021',
      departement: '81',
      pays: null,
    });
    expect(d.mere).toEqual({ nom: 'CAZALS', prenoms: ['Françoise', 'Élise'] });
    expect(d.conjoint).toBeNull();
    // Reading then writing again gives the same document.
    expect(construireDemande(d)).toBe(xml);
  });

  it('version 1 : les champs propres à la version 2 ne sont pas écrits et se relisent à null', () => {
    const xml = construireDemande(demandeExemple(1));
    expect(xml).toContain('xmlns="urn:registre:comedec:1"');
    expect(xml).not.toContain('echeanceProcedure');
    expect(xml).not.toContain('reference_etude');
    const d = lireDemande(xml);
    expect(d.version).toBe(1);
    expect(d.demandeur.typeReference).toBeNull();
    expect(d.dates.echeanceProcedure).toBeNull();
    expect(d.demandeur.reference).toBe('ET-2024/0457');
    expect(CHAMPS_VERSION_2.demande).toEqual(['dates.echeanceProcedure', 'demandeur.typeReference']);
  });

  it('version 1 : un document qui porte un champ de la version 2 est refusé en nommant le champ', () => {
    const xml = construireDemande(demandeExemple(1));
    const e1 = erreurDe(() => lireDemande(xml.replace('<reference>', '<reference type="reference_etude">')));
    expect(e1.code).toBe('saisie_invalide');
    expect(e1.details.champ).toBe('demandeur.reference');
    expect(e1.message).toContain('inconnu dans cette version');
    const e2 = erreurDe(() => lireDemande(xml.replace('purge="', 'echeanceProcedure="2024-03-15" purge="')));
    expect(e2.details.champ).toBe('dates.echeanceProcedure');
  });

  it('demande de mariage : conjoint et événement (date, lieu à l’étranger)', () => {
    const d = {
      ...demandeExemple(2),
      typeActe: 'mariage' as const,
      demandeur: {
        type: 'commune' as const,
        libelle: 'MAIRIE-31-TOULOUSE',
        reference: 'M-12',
        typeReference: 'dossier_mariage' as const,
      },
      conjoint: { nom: 'ROUSSEL', prenoms: ['Paul'] },
      evenement: { date: '2012-06-30', lieu: { commune: 'Dakar', pays: 'Sénégal' } },
    };
    const lu = lireDemande(construireDemande(d));
    expect(lu.typeActe).toBe('mariage');
    expect(lu.conjoint).toEqual({ nom: 'ROUSSEL', prenoms: ['Paul'] });
    expect(lu.evenement).toEqual({
      date: '2012-06-30',
      lieu: { commune: 'Dakar', codeInsee: null, departement: null, pays: 'Sénégal' },
    });
  });

  it('demande spécimen', () => {
    const lu = lireDemande(construireDemande({ ...demandeExemple(), specimen: true }));
    expect(lu.specimen).toBe(true);
  });

  it('données déclarées incomplètes acceptées (un prénom manquant, pas de date, pas de parents)', () => {
    const d = demandeExemple();
    const lu = lireDemande(
      construireDemande({ ...d, personne: { nom: 'DUPONT', prenoms: [] }, pere: null, mere: null }),
    );
    expect(lu.personne).toEqual({
      nom: 'DUPONT',
      nomUsage: null,
      prenoms: [],
      sexe: null,
      dateNaissance: null,
      lieuNaissance: null,
    });
  });

  it.each([
    ['id manquant', (x: string) => x.replace(' id="DEM-2024-000123"', ''), 'id'],
    ['destinataire manquant', (x: string) => x.replace(/<destinataire[^>]*\/>/, ''), 'destinataire'],
    [
      'nom manquant',
      (x: string) => x.replace(/<personne sexe="F"><nom>[^<]*<\/nom>/, '<personne sexe="F">'),
      'personne.nom',
    ],
    ['nom vide', (x: string) => x.replace(/<nom>N’DIAYE<\/nom>/, '<nom>  </nom>'), 'personne.nom'],
    ['type d’acte inconnu', (x: string) => x.replace('<typeActe>naissance', '<typeActe>bapteme'), 'typeActe'],
    ['demandeur inconnu', (x: string) => x.replace('type="notaire"', 'type="huissier"'), 'demandeur.type'],
    [
      'date impossible à lire',
      (x: string) => x.replace('<dateNaissance>1987-03-12', '<dateNaissance>12/03/1987'),
      'personne.dateNaissance',
    ],
    [
      'instant sans fuseau',
      (x: string) => x.replace('miseADisposition="2024-03-01T08:00:00.000Z"', 'miseADisposition="2024-03-01 08:00"'),
      'dates.miseADisposition',
    ],
    ['sexe inconnu', (x: string) => x.replace('sexe="F"', 'sexe="X"'), 'personne.sexe'],
    ['specimen non booléen', (x: string) => x.replace('specimen="false"', 'specimen="oui"'), 'specimen'],
    [
      'code INSEE faux',
      (x: string) => x.replace('codeInsee="81021" libelle', 'codeInsee="8102" libelle'),
      'destinataire.codeInsee',
    ],
    [
      'libellé de commune faux',
      (x: string) => x.replace('libelle="MAIRIE-81-AUSSILLON"', 'libelle="Mairie d’Aussillon"'),
      'destinataire.libelle',
    ],
    ['élément inconnu', (x: string) => x.replace('<typeActe>', '<surnom>Mimi</surnom><typeActe>'), 'surnom'],
    [
      'élément répété',
      (x: string) =>
        x.replace('<typeActe>naissance</typeActe>', '<typeActe>naissance</typeActe><typeActe>deces</typeActe>'),
      'typeActe',
    ],
    ['texte parasite', (x: string) => x.replace('<typeActe>', 'bonjour<typeActe>'), 'document'],
    [
      'élément dans une valeur',
      (x: string) => x.replace('<typeActe>naissance</typeActe>', '<typeActe><b>naissance</b></typeActe>'),
      'typeActe',
    ],
    ['attribut version absent', (x: string) => x.replace(' version="2"', ''), 'version'],
    ['attribut version en désaccord', (x: string) => x.replace(' version="2"', ' version="1"'), 'version'],
  ])('refus avec le champ en cause : %s', (_cas, alterer, champ) => {
    const e = erreurDe(() => lireDemande(alterer(construireDemande(demandeExemple()))));
    expect(e.code).toBe('saisie_invalide');
    expect(e.details.document).toBe('demande');
    expect(e.details.champ).toBe(champ);
    expect(e.message).toMatch(/^Document COMEDEC invalide \(demande\) : /);
  });

  it('refuse de construire une demande invalide, avec le champ', () => {
    const e = erreurDe(() => construireDemande({ ...demandeExemple(), id: '12 espaces' }));
    expect(e.details.champ).toBe('id');
    const e2 = erreurDe(() => construireDemande({ ...demandeExemple(), personne: { nom: 'A\u0001B', prenoms: [] } }));
    expect(e2.code).toBe('saisie_invalide');
  });

  it('les caractères spéciaux sont échappés et relus à l’identique', () => {
    const nom = `O'BRIEN <&> "DUPONT" ]]> ﬁ 𝔄`;
    const lu = lireDemande(construireDemande({ ...demandeExemple(), personne: { nom, prenoms: ['Ève'] } }));
    expect(lu.personne.nom).toBe(nom);
  });

  it('accepte les octets UTF-8 (avec ou sans BOM) comme le texte', () => {
    const xml = construireDemande(demandeExemple());
    const octets = new TextEncoder().encode(xml);
    expect(lireDemande(octets)).toEqual(lireDemande(xml));
    const avecBom = new Uint8Array([0xef, 0xbb, 0xbf, ...octets]);
    expect(lireDemande(avecBom).personne.prenoms).toEqual(['Marie-Hélène', 'Zoé']);
  });

  it('accepte un préfixe d’espace de noms et des commentaires', () => {
    const xml = construireDemande(demandeExemple())
      .replace(/<(\/?)(\w)/g, '<$1c:$2')
      .replace('xmlns="urn:registre:comedec:2"', 'xmlns:c="urn:registre:comedec:2"')
      .replace('<c:typeActe>', '<!-- note --><c:typeActe>');
    expect(lireDemande(xml).id).toBe('DEM-2024-000123');
  });
});

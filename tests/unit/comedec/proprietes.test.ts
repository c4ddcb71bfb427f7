import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccuseSchema,
  DemandeEmiseSchema,
  DemandeSchema,
  MotifsDocumentInvalide,
  MotifsRejet,
  ReponseSchema,
  RejetSchema,
  TypesDemandeur,
  TypesReference,
  construireAccuse,
  construireDemande,
  construireDemandeEmise,
  construireRejet,
  construireReponse,
  lireAccuse,
  lireDemande,
  lireDemandeEmise,
  lireRejet,
  lireReponse,
} from '../../../electron/comedec/format';
import { Roles, TypesActe, TypesMention } from '../../../shared/domain/acte';
import { RegistreError } from '../../../shared/errors';
import { demandeExemple, reponseExemple } from './exemples';

// Properties of the format: what the writer builds the reader reads back identical, for any
// object the schemas allow; and whatever a document becomes, the reader answers with the object
// or a typed refusal whose message is short and clean.

// Characters that test the escaping: markup, quotes, `]]>`, accents, apostrophes, astral.
const unites = [...'aZéÉœ’\'"&<>;#=/?!-_ .', ']]>', '&amp;', '<!--', '&#0;', '😀', 'ß'];
const ligne = fc.constantFrom(...unites);
const texteLibre = (max: number, blancs = false) =>
  fc.string({
    unit: blancs ? fc.oneof(ligne, fc.constantFrom('\n', '\t')) : ligne,
    maxLength: Math.min(max, 30),
  });
/** A `Texte(n)` of the schemas: trimmed, not empty. */
const texte = (max: number) =>
  texteLibre(max)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max);
const option = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const jour = fc
  .date({ min: new Date('1792-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const identifiant = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9._-]{0,30}$/);
const codeInsee = fc.stringMatching(/^(\d{5}|2[AB]\d{3})$/);
const commune = fc.record({
  codeInsee,
  libelle: fc.stringMatching(/^MAIRIE-(\d{2,3}|2[AB])-[A-Z0-9][A-Z0-9-]{0,20}$/),
});
const lieu = fc.record({
  commune: texteLibre(200),
  codeInsee: option(codeInsee),
  departement: option(fc.stringMatching(/^\d{2,3}$/)),
  pays: option(texteLibre(100)),
});
const sexe = option(fc.constantFrom('M' as const, 'F' as const));
const prenoms = fc.array(texte(100), { maxLength: 4 });

const donneesDeclarees = {
  typeActe: fc.constantFrom(...TypesActe),
  personne: fc.record({
    nom: texte(200),
    nomUsage: option(texte(200)),
    prenoms,
    sexe,
    dateNaissance: option(jour),
    lieuNaissance: option(lieu),
  }),
  pere: option(fc.record({ nom: texte(200), prenoms })),
  mere: option(fc.record({ nom: texte(200), prenoms })),
  conjoint: option(fc.record({ nom: texte(200), prenoms })),
  evenement: option(fc.record({ date: option(jour), lieu: option(lieu) })),
};

const version = fc.constantFrom(1 as const, 2 as const);

const demande = fc
  .record({
    version,
    id: identifiant,
    specimen: fc.boolean(),
    destinataire: commune,
    demandeur: fc.record({
      type: fc.constantFrom(...TypesDemandeur),
      libelle: texte(200),
      reference: texte(100),
      typeReference: option(fc.constantFrom(...TypesReference)),
    }),
    ...donneesDeclarees,
    dates: fc.record({ miseADisposition: instant, echeance: instant, purge: instant, echeanceProcedure: option(jour) }),
  })
  // Version 1 has neither field: what the writer drops, the reader gives as null.
  .map((d) =>
    d.version === 1
      ? {
          ...d,
          demandeur: { ...d.demandeur, typeReference: null },
          dates: { ...d.dates, echeanceProcedure: null },
        }
      : d,
  );

const personneActe = fc.record({
  role: fc.constantFrom(...Roles),
  nom: texteLibre(200),
  prenoms: fc.array(texteLibre(100), { maxLength: 3 }),
  sexe,
  dateNaissance: option(jour),
  lieuNaissance: option(lieu),
  profession: option(texteLibre(200)),
});
const mention = fc.record({
  type: fc.constantFrom(...TypesMention),
  date: option(jour),
  texte: texteLibre(4000, true),
});
const reponse = fc.record({
  version,
  id: identifiant,
  demandeId: identifiant,
  commune,
  emiseLe: instant,
  resultat: fc.oneof(
    fc.record({
      nature: fc.constant('positive' as const),
      forme: fc.constantFrom('extrait_avec_filiation' as const, 'copie_integrale' as const),
      acte: fc.record({
        type: fc.constantFrom(...TypesActe),
        annee: fc.integer({ min: 1792, max: 9999 }),
        numero: fc.integer({ min: 1, max: 999_999_999 }),
        dateActe: option(jour),
        dateEvenement: option(jour),
        lieuEvenement: option(lieu),
        personnes: fc.array(personneActe, { maxLength: 4 }),
        mentions: fc.array(mention, { maxLength: 3 }),
      }),
    }),
    fc.record({
      nature: fc.constant('negative' as const),
      motif: fc.constantFrom('acte_non_detenu' as const, 'donnees_insuffisantes' as const),
      commentaire: option(texte(1000)),
    }),
  ),
});
const accuse = fc.record({
  version,
  numero: identifiant,
  objet: fc.constantFrom('reponse' as const, 'demande_emise' as const),
  demandeId: identifiant,
  documentId: identifiant,
  cleIdempotence: texte(200),
  recuLe: instant,
  empreinte: fc.stringMatching(/^[0-9a-f]{64}$/),
});
const rejet = fc.record({
  version,
  motif: fc.constantFrom(...MotifsRejet),
  message: texte(2000),
  horodatage: instant,
  demandeId: option(identifiant),
  cleIdempotence: option(texte(200)),
  champ: option(texte(200)),
});
const demandeEmise = fc
  .record({
    version,
    id: identifiant,
    emettrice: commune,
    destinataire: fc.record({ codeInsee }),
    motif: fc.constantFrom('dossier_mariage' as const, 'dossier_pacs' as const),
    reference: texte(100),
    typeReference: option(fc.constantFrom(...TypesReference)),
    echeanceProcedure: option(jour),
    emiseLe: instant,
    ...donneesDeclarees,
  })
  .map((d) => (d.version === 1 ? { ...d, typeReference: null, echeanceProcedure: null } : d));

const parametres = { numRuns: 100, seed: 14 };
/** Property runs take seconds on a loaded 2-core machine: more than the default 5 s. */
const DELAI = 60_000;

describe('propriétés du format : lire(construire(x)) = x', () => {
  it('fins de ligne : écrites comme XML les lit (\\r\\n et \\r deviennent \\n)', () => {
    const r = reponseExemple();
    const acte = r.resultat.nature === 'positive' ? r.resultat.acte : null;
    const mentions = [{ type: 'mariage' as const, date: null, texte: 'Ligne 1\r\nLigne 2\rLigne 3' }];
    const relu = lireReponse(
      construireReponse({ ...r, resultat: { ...r.resultat, acte: { ...acte!, mentions } } as never }),
    );
    expect(relu.resultat.nature === 'positive' && relu.resultat.acte.mentions[0].texte).toBe(
      'Ligne 1\nLigne 2\nLigne 3',
    );
  });

  it(
    'demande (versions 1 et 2)',
    () => {
      fc.assert(
        fc.property(demande, (d) => {
          expect(lireDemande(construireDemande(d))).toEqual(DemandeSchema.parse(d));
        }),
        parametres,
      );
    },
    DELAI,
  );
  it(
    'réponse positive ou négative',
    () => {
      fc.assert(
        fc.property(reponse, (r) => {
          expect(lireReponse(construireReponse(r))).toEqual(ReponseSchema.parse(r));
        }),
        parametres,
      );
    },
    DELAI,
  );
  it(
    'accusé de réception',
    () => {
      fc.assert(
        fc.property(accuse, (a) => {
          expect(lireAccuse(construireAccuse(a))).toEqual(AccuseSchema.parse(a));
        }),
        parametres,
      );
    },
    DELAI,
  );
  it(
    'rejet',
    () => {
      fc.assert(
        fc.property(rejet, (r) => {
          expect(lireRejet(construireRejet(r))).toEqual(RejetSchema.parse(r));
        }),
        parametres,
      );
    },
    DELAI,
  );
  it(
    'demande émise',
    () => {
      fc.assert(
        fc.property(demandeEmise, (d) => {
          expect(lireDemandeEmise(construireDemandeEmise(d))).toEqual(DemandeEmiseSchema.parse(d));
        }),
        parametres,
      );
    },
    DELAI,
  );
});

/** The reader's answer to anything: the object, or a typed refusal, short and clean. */
function refusPropreOuObjet(lire: () => unknown): void {
  try {
    lire();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistreError);
    const err = e as RegistreError;
    expect(['saisie_invalide', 'format_inconnu']).toContain(err.code);
    if (err.code === 'saisie_invalide') expect(MotifsDocumentInvalide).toContain(err.details?.motif);
    expect(err.message.length).toBeLessThanOrEqual(400);
    expect(err.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  }
}

const morceau = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ...'<>&;#x"\'=/?![]-: \n\t',
      '<!DOCTYPE',
      '<!ENTITY',
      '<![CDATA[',
      ']]>',
      '<?',
      '?>',
      'xmlns',
      '&#',
      'urn:registre:comedec:',
    ),
    fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 12,
});

describe('propriétés du format : tout refus est typé, avec un message borné', () => {
  const demandeXml = construireDemande(demandeExemple());
  const reponseXml = construireReponse(reponseExemple());

  it(
    'morceau hostile inséré n’importe où dans une demande ou une réponse',
    () => {
      fc.assert(
        fc.property(fc.boolean(), fc.nat(), morceau, fc.boolean(), (estDemande, position, insere, remplace) => {
          const base = estDemande ? demandeXml : reponseXml;
          const i = position % (base.length + 1);
          const texte = base.slice(0, i) + insere + base.slice(remplace ? i + insere.length : i);
          refusPropreOuObjet(() => (estDemande ? lireDemande(texte) : lireReponse(texte)));
        }),
        { numRuns: 1000, seed: 14 },
      );
    },
    DELAI,
  );

  it(
    'octets quelconques',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (octets) => {
          refusPropreOuObjet(() => lireDemande(octets));
        }),
        { numRuns: 500, seed: 14 },
      );
    },
    DELAI,
  );
});

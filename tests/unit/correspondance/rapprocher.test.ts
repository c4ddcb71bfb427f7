import { describe, expect, it } from 'vitest';
import { rapprocher, type ComparaisonChamp, type ResultatRapprochement } from '../../../shared/domain/correspondance';
import { acteDeces, acteMariage, acteNaissance, demandeNaissance } from './fabrique';

const champ = (r: ResultatRapprochement, nom: ComparaisonChamp['champ'], i = 0) =>
  r.candidats[i].comparaisons.find((c) => c.champ === nom);

describe('rapprochement : issue « sûr »', () => {
  it('tout identique', () => {
    const acte = acteNaissance();
    const r = rapprocher(demandeNaissance(), [acte]);
    expect(r.issue).toBe('sur');
    expect(r.candidats).toHaveLength(1);
    expect(r.candidats[0]).toMatchObject({ acteId: acte.id, score: 100, concordant: true });
    expect(r.explication).toContain('Un seul acte correspond');
    expect(r.explication).toContain('n° 42 de 1987');
  });

  it('accents, casse, tirets et espaces ne l’empêchent pas, et sont nommés', () => {
    const r = rapprocher(demandeNaissance({}, { nom: 'Lefevre', prenoms: ['marie hélène'] }), [acteNaissance()]);
    expect(r.issue).toBe('sur');
    expect(champ(r, 'nom')).toMatchObject({ verdict: 'variante', natures: ['graphie'] });
    expect(r.explication).toContain('écriture');
  });

  it('un second prénom manquant ne l’empêche pas', () => {
    const r = rapprocher(demandeNaissance({}, { prenoms: ['Marie'] }), [acteNaissance()]);
    expect(r.issue).toBe('sur');
    expect(champ(r, 'prenoms')?.natures).toEqual(['prenom_manquant']);
  });

  it('les parents non déclarés ne sont pas comparés (absents)', () => {
    const r = rapprocher(demandeNaissance({ pere: null, mere: null }), [acteNaissance()]);
    expect(r.issue).toBe('sur');
    expect(champ(r, 'pere.nom')?.verdict).toBe('absent');
  });
});

describe('rapprochement : issue « à vérifier », champs en cause nommés', () => {
  it.each([
    ['nom phonétique', demandeNaissance({}, { nom: 'LEFEBVRE' }), 'nom', 'phonetique'],
    [
      'faute de frappe dans un prénom',
      demandeNaissance({}, { prenoms: ['Mraie', 'Hélène'] }),
      'prenoms',
      'faute_de_frappe',
    ],
    [
      'jour et mois inversés',
      demandeNaissance({}, { dateNaissance: '1987-05-03' }),
      'dateNaissance',
      'jour_mois_inverses',
    ],
    [
      'un chiffre de la date faux',
      demandeNaissance({}, { dateNaissance: '1987-03-15' }),
      'dateNaissance',
      'faute_de_frappe',
    ],
    ['premier prénom absent', demandeNaissance({}, { prenoms: ['Hélène'] }), 'prenoms', 'ordre_prenoms'],
  ] as const)('%s', (_cas, demande, nomChamp, nature) => {
    const r = rapprocher(demande, [acteNaissance()]);
    expect(r.issue).toBe('a_verifier');
    expect(champ(r, nomChamp)?.natures).toContain(nature);
    expect(r.explication).toContain(champ(r, nomChamp)!.libelle);
  });

  it('nom d’usage (nom de l’époux lu dans la mention de mariage)', () => {
    const acte = acteNaissance({
      mentions: [{ type: 'mariage', date: '2012-06-02', texte: 'Mariée à Albi le 2 juin 2012 avec Pierre GARNIER.' }],
    });
    const r = rapprocher(demandeNaissance({}, { nom: 'Garnier' }), [acte]);
    expect(r.issue).toBe('a_verifier');
    expect(champ(r, 'nom')?.natures).toEqual(['nom_usage']);
    expect(r.explication).toContain('nom d’usage');
  });

  it('nom d’usage sans mention : nom différent, mais l’acte reste candidat par les autres champs', () => {
    const r = rapprocher(demandeNaissance({}, { nom: 'GARNIER' }), [acteNaissance()]);
    expect(r.issue).toBe('a_verifier');
    expect(champ(r, 'nom')?.verdict).toBe('different');
  });

  it('mère déclarée sous son nom d’épouse (celui du père)', () => {
    const r = rapprocher(demandeNaissance({ mere: { nom: 'LEFEVRE', prenoms: ['Sophie'] } }), [acteNaissance()]);
    expect(champ(r, 'mere.nom')?.natures).toEqual(['nom_usage']);
    expect(r.issue).toBe('a_verifier');
  });

  it('demande sans date de naissance : jamais « sûr »', () => {
    const r = rapprocher(demandeNaissance({}, { dateNaissance: null, lieuNaissance: null }), [acteNaissance()]);
    expect(r.issue).toBe('a_verifier');
    expect(r.candidats[0].concordant).toBe(false);
    expect(r.explication).toContain('ne donne pas');
  });
});

describe('rapprochement : ne jamais dire « sûr » quand un champ clé diffère', () => {
  it('même nom et même date, autres parents', () => {
    const autre = acteNaissance({
      personnes: [
        { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Marie', 'Hélène'], sexe: 'F' },
        { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Albert'] },
        { role: 'mere', nom: 'COLIN', prenoms: ['Odette'] },
      ],
    });
    const r = rapprocher(demandeNaissance(), [autre]);
    expect(r.issue).not.toBe('sur');
    if (r.candidats.length) {
      expect(champ(r, 'mere.nom')?.verdict).toBe('different');
      expect(r.explication).toContain('Nom de la mère');
    }
  });

  it('jumeaux aux prénoms entièrement différents : « sûr » pour l’acte identique en tout, le jumeau nommé (issue 17)', () => {
    const marie = acteNaissance({ numero: 42 });
    const paul = acteNaissance({
      numero: 43,
      personnes: [
        { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Paul'], sexe: 'M' },
        { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Jean'] },
        { role: 'mere', nom: 'DURAND', prenoms: ['Sophie'] },
      ],
    });
    // Before issue 17: "à vérifier" with both acts proposed.
    const r = rapprocher(demandeNaissance(), [paul, marie]);
    expect(r.issue).toBe('sur');
    expect(r.candidats.map((c) => c.acteId)).toEqual([marie.id]);
    expect(r.explication).toContain('n° 43 de 1987');
    expect(r.explication).toContain('« Paul »');
    expect(r.explication).toContain('jumeau');
    // Only the twin not asked for is held: never "sûr", the given names differ.
    const seul = rapprocher(demandeNaissance(), [paul]);
    expect(seul.issue).toBe('a_verifier');
    expect(champ(seul, 'prenoms')?.verdict).toBe('different');
    expect(champ(seul, 'sexe')?.verdict).toBe('different');
  });

  it('jumeaux, mais l’acte demandé n’est pas identique en tout (un prénom manquant) : à vérifier', () => {
    const marie = acteNaissance({ numero: 42 });
    const paul = acteNaissance({
      numero: 43,
      personnes: [
        { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Paul'], sexe: 'M' },
        { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Jean'] },
        { role: 'mere', nom: 'DURAND', prenoms: ['Sophie'] },
      ],
    });
    const r = rapprocher(demandeNaissance({}, { prenoms: ['Marie'] }), [paul, marie]);
    expect(r.issue).toBe('a_verifier');
    expect(r.candidats.map((c) => c.acteId)).toEqual([marie.id, paul.id]);
    expect(r.explication).toContain('jumeaux');
  });

  it('un jumeau qui partage un prénom avec la demande bloque encore « sûr »', () => {
    const marie = acteNaissance({ numero: 42 });
    const marieLouise = acteNaissance({
      numero: 44,
      personnes: [
        { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Louise', 'Hélène'], sexe: 'F' },
        { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Jean'] },
        { role: 'mere', nom: 'DURAND', prenoms: ['Sophie'] },
      ],
    });
    const r = rapprocher(demandeNaissance(), [marie, marieLouise]);
    expect(r.issue).toBe('a_verifier');
    expect(r.candidats).toHaveLength(2);
  });

  it('jumelles au même premier prénom, second prénom non déclaré : à vérifier', () => {
    const a = acteNaissance({
      numero: 50,
      personnes: [{ role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Marie', 'Anne'], sexe: 'F' }],
    });
    const b = acteNaissance({
      numero: 51,
      personnes: [{ role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Marie', 'Louise'], sexe: 'F' }],
    });
    const r = rapprocher(demandeNaissance({ pere: null, mere: null }, { prenoms: ['Marie'] }), [a, b]);
    expect(r.issue).toBe('a_verifier');
    expect(r.candidats).toHaveLength(2);
    expect(r.explication).toContain('2 actes concordent');
  });

  it('deux actes de la même personne (acte en double) : à vérifier', () => {
    const r = rapprocher(demandeNaissance(), [
      acteNaissance({ numero: 42 }),
      acteNaissance({ annee: 1988, numero: 3 }),
    ]);
    expect(r.issue).toBe('a_verifier');
    expect(r.explication).toMatch(/en double/);
  });
});

describe('rapprochement : issue « aucun »', () => {
  it('un frère (autres prénoms, autre date) n’est pas candidat', () => {
    const frere = acteNaissance({
      dateEvenement: '1990-10-01',
      personnes: [
        { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Louis'], sexe: 'M' },
        { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Jean'] },
        { role: 'mere', nom: 'DURAND', prenoms: ['Sophie'] },
      ],
    });
    const r = rapprocher(demandeNaissance(), [frere]);
    expect(r).toMatchObject({ issue: 'aucun', candidats: [] });
  });

  it('un acte d’un autre type n’est jamais candidat', () => {
    expect(rapprocher(demandeNaissance(), [acteDeces()]).issue).toBe('aucun');
  });

  it('l’explication parle des actes non indexés', () => {
    const r = rapprocher(demandeNaissance(), [], { nonIndexes: { annee: 1987, nombre: 12 } });
    expect(r.explication).toContain('12 actes de naissance de 1987 ne sont pas encore indexés');
    const complet = rapprocher(demandeNaissance(), [], { nonIndexes: { annee: 1987, nombre: 0 } });
    expect(complet.explication).toContain('Tous les actes de naissance de 1987 sont indexés');
  });
});

describe('rapprochement : mariage et décès', () => {
  it('mariage : la demande concerne l’un ou l’autre époux, sous son nom d’usage', () => {
    const acte = acteMariage();
    const demande = {
      typeActe: 'mariage' as const,
      personne: {
        nom: 'MARTIN',
        nomUsage: null,
        prenoms: ['Claire'],
        sexe: 'F' as const,
        dateNaissance: '1982-11-02',
        lieuNaissance: null,
      },
      pere: { nom: 'BERNARD', prenoms: ['Luc'] },
      mere: null,
      conjoint: { nom: 'MARTIN', prenoms: ['Paul'] },
      evenement: {
        date: '2010-06-12',
        lieu: { commune: 'Aussillon', codeInsee: '81021', departement: '81', pays: null },
      },
    };
    const r = rapprocher(demande, [acte]);
    expect(r.issue).toBe('a_verifier');
    expect(champ(r, 'nom')).toMatchObject({ registre: 'BERNARD', natures: ['nom_usage'] });
    expect(champ(r, 'prenoms')?.natures).toEqual(['prenom_manquant']);
    expect(champ(r, 'conjoint.nom')?.verdict).toBe('identique');
    const sousSonNom = rapprocher({ ...demande, personne: { ...demande.personne, nom: 'BERNARD' } }, [acte]);
    expect(sousSonNom.issue).toBe('sur');
    expect(sousSonNom.explication).toContain('mariage');
  });

  it('décès : nom d’usage de la défunte (celui du conjoint), date du décès comparée', () => {
    const demande = {
      typeActe: 'deces' as const,
      personne: {
        nom: 'GARNIER',
        nomUsage: null,
        prenoms: ['Jeanne'],
        sexe: 'F' as const,
        dateNaissance: '1931-07-08',
        lieuNaissance: null,
      },
      pere: null,
      mere: null,
      conjoint: null,
      evenement: { date: '2020-02-14', lieu: null },
    };
    const r = rapprocher(demande, [acteDeces()]);
    expect(r.issue).toBe('a_verifier');
    expect(champ(r, 'nom')?.natures).toEqual(['nom_usage']);
    expect(champ(r, 'dateEvenement')?.libelle).toBe('Date du décès');
    const exacte = rapprocher({ ...demande, personne: { ...demande.personne, nom: 'Rousseau' } }, [acteDeces()]);
    expect(exacte.issue).toBe('sur');
  });

  it('nom de naissance mis dans la case du nom d’usage', () => {
    const r = rapprocher(demandeNaissance({}, { nom: 'GARNIER', nomUsage: 'Lefèvre' }), [acteNaissance()]);
    expect(champ(r, 'nom')?.natures).toEqual(['nom_usage']);
  });
});

describe('rapprochement : à côté d’un acte concordant, seuls comptent les actes qu’une seule erreur expliquerait', () => {
  const frere = (modifs: Parameters<typeof acteNaissance>[0]) =>
    acteNaissance({
      numero: 77,
      personnes: [
        { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Louise'], sexe: 'F' },
        { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Jean'] },
        { role: 'mere', nom: 'DURAND', prenoms: ['Sophie'] },
      ],
      ...modifs,
    });

  it('une sœur née un jour voisin (autre prénom) n’empêche pas « sûr »', () => {
    const r = rapprocher(demandeNaissance(), [acteNaissance(), frere({ dateEvenement: '1987-03-06' })]);
    expect(r.issue).toBe('sur');
    expect(r.candidats).toHaveLength(1);
  });

  it('une homonyme née le même jour, d’autres parents, n’empêche pas « sûr » quand la demande donne les parents', () => {
    const homonyme = acteNaissance({
      numero: 78,
      personnes: [
        { role: 'titulaire', nom: 'LEFÈVRE', prenoms: ['Marie'], sexe: 'F' },
        { role: 'pere', nom: 'LEFÈVRE', prenoms: ['Albert'] },
        { role: 'mere', nom: 'COLIN', prenoms: ['Odette'] },
      ],
    });
    expect(rapprocher(demandeNaissance(), [acteNaissance(), homonyme]).issue).toBe('sur');
    // Without the parents, nothing tells them apart: the officer looks.
    const sansParents = rapprocher(demandeNaissance({ pere: null, mere: null }), [acteNaissance(), homonyme]);
    expect(sansParents.issue).toBe('a_verifier');
    expect(sansParents.candidats).toHaveLength(2);
  });

  it('une homonyme dont la date diffère d’une faute de frappe, parents non déclarés : à vérifier', () => {
    const homonyme = acteNaissance({ numero: 79, dateEvenement: '1987-03-15' });
    const r = rapprocher(demandeNaissance({ pere: null, mere: null }), [acteNaissance(), homonyme]);
    expect(r.issue).toBe('a_verifier');
  });
});

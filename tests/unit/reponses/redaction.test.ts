import { describe, expect, it } from 'vitest';
import { DemandeSchema, lireReponse, MotifsRejet, type Demande } from '../../../electron/comedec/format';
import {
  garderNegative,
  redigerNegative,
  redigerPositive,
  designationCandidat,
} from '../../../electron/demandes/reponses';
import { ActeSchema, type Acte } from '../../../shared/domain/acte';
import { rapprocher, type ResultatRapprochement } from '../../../shared/domain/correspondance';
import {
  ACTIONS_REPONSE,
  EtatsReponse,
  exigerActionReponse,
  transitionReponsePermise,
} from '../../../shared/domain/cycle-reponse';
import { RAISONS_REJET_REPONSE } from '../../../shared/labels-reponses.fr';
import { RegistreError } from '../../../shared/errors';
import { acteConnu, demandeConnue } from '../../integration/rapprochement/outils';

/** The drafting rules, pure: the act of the register, the request as received, matching's result. */

const acte: Acte = ActeSchema.parse({
  ...acteConnu,
  id: 41,
  personnes: [
    ...(acteConnu.personnes ?? []).map((p) => (p.role === 'pere' ? { ...p, profession: 'boulanger' } : p)),
    { role: 'conjoint', nom: 'TREGUER', prenoms: ['Paul'] },
  ],
  mentions: [
    ...(acteConnu.mentions ?? []),
    { type: 'divorce', date: '2019-02-01', texte: 'Divorcée de Paul TREGUER par jugement du 1er février 2019.' },
  ],
});

function demande(
  type: Demande['demandeur']['type'],
  modifs: Parameters<typeof demandeConnue>[1] = {},
  specimen = false,
): Demande {
  const d = DemandeSchema.parse(demandeConnue(2, modifs));
  return { ...d, specimen, demandeur: { ...d.demandeur, type, typeReference: null } };
}

const commun = (d: Demande) => ({
  demande: d,
  commune: { codeInsee: '81004', libelle: 'MAIRIE-81-ALBI' },
  id: 'REP-essai-1',
  emiseLe: '2025-03-04T09:00:00.000Z',
  extrait: { commune: { nom: 'Albi', departement: '81' }, dateDelivrance: '2025-03-04' },
});

const resultatDe = (d: Demande, ...actes: Acte[]): ResultatRapprochement =>
  rapprocher(
    d,
    actes.map((a) => ({
      id: a.id ?? 0,
      type: a.type,
      annee: a.annee,
      numero: a.numero,
      dateEvenement: a.dateEvenement,
      lieuEvenement: a.lieuEvenement,
      personnes: a.personnes,
      mentions: a.mentions,
    })),
  );

function erreurDe(f: () => unknown): RegistreError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegistreError) return e;
    throw e;
  }
  throw new Error('aucune erreur');
}

describe('réponse positive : rédigée depuis l’acte du registre', () => {
  it('un notaire reçoit la copie intégrale : toutes les personnes, professions, mentions à jour', () => {
    const d = demande('notaire');
    const r = redigerPositive({ ...commun(d), acte, resultat: resultatDe(d, acte) });
    expect(r.forme).toBe('copie_integrale');
    const lue = lireReponse(r.xml);
    expect(lue.demandeId).toBe(d.id);
    if (lue.resultat.nature !== 'positive') throw new Error('positive attendue');
    expect(lue.resultat.forme).toBe('copie_integrale');
    expect(lue.resultat.acte.personnes.map((p) => p.role)).toEqual(['titulaire', 'pere', 'mere', 'conjoint']);
    expect(lue.resultat.acte.personnes.find((p) => p.role === 'pere')?.profession).toBe('boulanger');
    expect(lue.resultat.acte.mentions.map((m) => m.type)).toEqual(['mariage', 'divorce']);
    expect(r.texte).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
    expect(r.texte).toContain('boulanger');
    expect(r.texte).toContain('Divorcée de Paul TREGUER');
  });

  it('le ministère de l’Intérieur et les autres organismes reçoivent l’extrait avec filiation : ni profession ni autre personne', () => {
    for (const type of ['interieur', 'autre'] as const) {
      const d = demande(type);
      const r = redigerPositive({ ...commun(d), acte, resultat: resultatDe(d, acte) });
      expect(r.forme).toBe('extrait_avec_filiation');
      const lue = lireReponse(r.xml);
      if (lue.resultat.nature !== 'positive') throw new Error('positive attendue');
      expect(lue.resultat.acte.personnes.map((p) => p.role)).toEqual(['titulaire', 'pere', 'mere']);
      expect(lue.resultat.acte.personnes.every((p) => p.profession === null)).toBe(true);
      expect(lue.resultat.acte.mentions).toHaveLength(2);
      expect(r.texte).toContain('EXTRAIT D’ACTE DE NAISSANCE AVEC FILIATION');
      expect(r.texte).not.toContain('boulanger');
      expect(r.texte).not.toContain('TREGUER Paul');
    }
  });

  it('une commune (dossier de mariage) reçoit la copie intégrale', () => {
    expect(
      redigerPositive({ ...commun(demande('commune')), acte, resultat: resultatDe(demande('commune'), acte) }).forme,
    ).toBe('copie_integrale');
  });

  it('les données viennent de l’acte, jamais de la déclaration ; les différences sont celles du rapprochement', () => {
    const d = demande('notaire', { nom: 'QUERE VASSEUR', prenoms: ['Eloise'], dateNaissance: '1987-03-21' });
    const resultat = resultatDe(d, acte);
    const r = redigerPositive({ ...commun(d), acte, resultat });
    expect(r.xml).toContain('QUÉRÉ-VASSEUR');
    expect(r.xml).toContain('<prenom>Éloïse</prenom><prenom>Marthe</prenom>');
    expect(r.xml).not.toContain('QUERE VASSEUR');
    expect(r.xml).not.toContain('1987-03-21');
    expect(r.xml).not.toContain('>Eloise<');
    expect(r.horsCandidats).toBe(false);
    expect(r.differences).toEqual(resultat.candidats[0].comparaisons);
    const date = r.differences.find((c) => c.champ === 'dateNaissance');
    expect(date).toMatchObject({
      demande: expect.stringContaining('21'),
      verdict: expect.stringMatching(/variante|different/),
    });
  });

  it('un acte choisi hors des candidats : ses différences sont calculées pour lui', () => {
    const d = demande('notaire');
    const r = redigerPositive({ ...commun(d), acte, resultat: { issue: 'aucun', explication: '', candidats: [] } });
    expect(r.horsCandidats).toBe(true);
    expect(r.differences.find((c) => c.champ === 'nom')?.verdict).toBe('identique');
  });

  it('refuse un acte non indexé ou d’un autre type', () => {
    const d = demande('notaire');
    expect(
      erreurDe(() => redigerPositive({ ...commun(d), acte: { ...acte, indexe: false }, resultat: resultatDe(d, acte) }))
        .message,
    ).toMatch(/indexez/);
    expect(
      erreurDe(() => redigerPositive({ ...commun(d), acte: { ...acte, type: 'deces' }, resultat: resultatDe(d, acte) }))
        .code,
    ).toBe('saisie_invalide');
  });

  it('une demande spécimen : la réponse est marquée comme telle, le XML le même', () => {
    const d = demande('interieur', {}, true);
    const r = redigerPositive({ ...commun(d), acte, resultat: resultatDe(d, acte) });
    expect(r.texte.split('\n')[0]).toMatch(/^DEMANDE SPÉCIMEN/);
    expect(lireReponse(r.xml).resultat.nature).toBe('positive');
  });
});

describe('réponse négative et sa garde', () => {
  it('un motif et un commentaire, rien du registre', () => {
    const d = demande('notaire');
    const r = redigerNegative({ ...commun(d), motif: 'donnees_insuffisantes', commentaire: '  Prénoms illisibles.  ' });
    expect(lireReponse(r.xml).resultat).toEqual({
      nature: 'negative',
      motif: 'donnees_insuffisantes',
      commentaire: 'Prénoms illisibles.',
    });
    expect(r.texte).toContain('Motif : données insuffisantes');
    expect(r.texte).toContain('Commentaire : Prénoms illisibles.');
    expect(r.xml).not.toContain('QUÉRÉ');
  });

  it('aucun candidat, aucun acte à indexer : rien à confirmer', () => {
    const d = demande('notaire');
    expect(
      garderNegative({
        demandeId: 1,
        resultat: resultatDe(d),
        nonIndexes: { libelle: '', actes: [] },
        confirmes: null,
      }),
    ).toEqual([]);
  });

  it('un candidat « sûr » : confirmation requise, qui nomme l’acte (type, année, numéro, noms)', () => {
    const d = demande('notaire');
    const resultat = resultatDe(d, acte);
    expect(resultat.issue).toBe('sur');
    const e = erreurDe(() =>
      garderNegative({ demandeId: 7, resultat, nonIndexes: { libelle: '', actes: [] }, confirmes: null }),
    );
    expect(e.code).toBe('confirmation_requise');
    expect(e.message).toContain('acte de naissance n° 9001 de 1987 (Éloïse Marthe QUÉRÉ-VASSEUR)');
    expect(e.details).toMatchObject({
      demandeId: 7,
      candidats: [{ acteId: 41, type: 'naissance', annee: 1987, numero: 9001, issue: 'sur' }],
    });
    // naming another act does not confirm this one
    expect(
      erreurDe(() =>
        garderNegative({ demandeId: 7, resultat, nonIndexes: { libelle: '', actes: [] }, confirmes: [40] }),
      ).code,
    ).toBe('confirmation_requise');
    const confirmes = garderNegative({
      demandeId: 7,
      resultat,
      nonIndexes: { libelle: '', actes: [] },
      confirmes: [41],
    });
    expect(confirmes.map((c) => c.designation)).toEqual([designationCandidat(resultat.candidats[0])]);
  });

  it('plusieurs candidats « à vérifier » : chacun doit être nommé', () => {
    const jumelle = ActeSchema.parse({
      ...acte,
      id: 42,
      numero: 9002,
      personnes: acte.personnes.map((p) => (p.role === 'titulaire' ? { ...p, prenoms: ['Éloïse', 'Jeanne'] } : p)),
    });
    const d = demande('notaire', { prenoms: ['Éloïse'] });
    const resultat = resultatDe(d, acte, jumelle);
    expect(resultat.issue).toBe('a_verifier');
    expect(resultat.candidats.length).toBe(2);
    const e = erreurDe(() =>
      garderNegative({ demandeId: 8, resultat, nonIndexes: { libelle: '', actes: [] }, confirmes: [41] }),
    );
    expect(e.code).toBe('confirmation_requise');
    expect((e.details?.candidats as unknown[]).length).toBe(2);
    expect(
      garderNegative({ demandeId: 8, resultat, nonIndexes: { libelle: '', actes: [] }, confirmes: [42, 41] }),
    ).toHaveLength(2);
  });

  it('un acte de l’année connu seulement par son numéro bloque la réponse négative, même confirmée : « indexez l’acte »', () => {
    const d = demande('notaire');
    const e = erreurDe(() =>
      garderNegative({
        demandeId: 9,
        resultat: resultatDe(d),
        nonIndexes: {
          libelle: 'le registre des naissances de 1987',
          actes: [{ acteId: 77, type: 'naissance', annee: 1987, numero: 12 }],
        },
        confirmes: [77],
      }),
    );
    expect(e.code).toBe('acte_a_indexer');
    expect(e.message).toMatch(
      /^Indexez l’acte : le registre des naissances de 1987 compte un acte connu seulement par son numéro/,
    );
    expect(e.details).toEqual({ demandeId: 9, actes: [{ acteId: 77, type: 'naissance', annee: 1987, numero: 12 }] });
  });
});

describe('cycle de vie d’une réponse', () => {
  it('un brouillon se modifie ou s’abandonne ; signée, envoyée, accusée ou rejetée, jamais', () => {
    expect(() => exigerActionReponse('brouillon', 'modifier')).not.toThrow();
    expect(() => exigerActionReponse('brouillon', 'abandonner')).not.toThrow();
    for (const etat of EtatsReponse.filter((e) => e !== 'brouillon')) {
      for (const action of Object.keys(ACTIONS_REPONSE) as (keyof typeof ACTIONS_REPONSE)[]) {
        const e = erreurDe(() => exigerActionReponse(etat, action));
        expect(e.code).toBe('transition_refusee');
        expect(e.details).toEqual({ de: etat, vers: ACTIONS_REPONSE[action] });
      }
    }
    expect(erreurDe(() => exigerActionReponse('signee', 'modifier')).message).toBe(
      'Cette réponse est signée : elle ne peut plus être modifiée.',
    );
    expect(transitionReponsePermise('signee', 'brouillon')).toBe(false);
    expect(transitionReponsePermise('envoyee', 'acceptee')).toBe(true);
  });

  it('chaque motif de rejet de la plateforme a sa raison et ce qu’il faut faire, en français', () => {
    for (const m of MotifsRejet) {
      expect(RAISONS_REJET_REPONSE[m]?.raison, m).toBeTruthy();
      expect(RAISONS_REJET_REPONSE[m]?.quoiFaire, m).toMatch(/\.$/);
    }
    expect(RAISONS_REJET_REPONSE.demande_purgee.raison).toBe('demande purgée : la réponse ne compte plus');
  });
});

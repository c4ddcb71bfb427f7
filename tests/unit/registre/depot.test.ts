import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { MoteurRecherche } from '../../../electron/registre/recherche';
import { clePhonetique } from '../../../shared/domain/phonetique';
import { RegistreError } from '../../../shared/errors';
import { acte, mariage, naissance } from './actes-exemples';

const T1 = '2025-01-01T10:00:00.000Z';
const T2 = '2025-02-01T10:00:00.000Z';

describe('DepotActes', () => {
  let db: Base;
  let depot: DepotActes;
  const ids = (texte: string) => new MoteurRecherche(db).rechercher({ texte, limite: 50 }).resultats.map((r) => r.id);

  beforeEach(() => {
    db = ouvrirBase(':memory:');
    depot = new DepotActes(db);
  });
  afterEach(() => db.close());

  it('ajoute un acte et le relit à l’identique (avec id et horodatages)', () => {
    const a = naissance(
      1987,
      42,
      { nom: 'N’Diaye', prenoms: ['Marie-Hélène', 'Awa'] },
      { pere: ['N’DIAYE', ['Moussa']], mere: ['Sow', ['Fatou']] },
    );
    a.mentions = [{ type: 'mariage', date: '2010-06-05', texte: 'Mariée à Albi le 5 juin 2010.' }];
    const { id, effet } = depot.enregistrer(a, T1);
    expect(effet).toBe('ajoute');
    expect(depot.lire(id)).toEqual({ ...a, id, creeLe: T1, modifieLe: T1 });
    expect(depot.parCle('naissance', 1987, 42)?.id).toBe(id);
    expect(depot.parCle('deces', 1987, 42)).toBeUndefined();
    expect(depot.lire(id + 1)).toBeUndefined();
  });

  it('garde les valeurs nulles et les lieux à l’étranger', () => {
    const a = acte({
      type: 'deces',
      annee: 1950,
      numero: 3,
      dateEvenement: '1950-01-02',
      lieuEvenement: { commune: 'Casablanca', pays: 'Maroc' },
      personnes: [
        {
          role: 'titulaire',
          nom: 'X',
          prenoms: [],
          lieuNaissance: { commune: 'Oran', pays: 'Algérie' },
          profession: 'boulanger',
        },
      ],
    });
    const { id } = depot.enregistrer(a, T1);
    expect(depot.lire(id)).toMatchObject({
      dateActe: null,
      lieuEvenement: { commune: 'Casablanca', codeInsee: null, departement: null, pays: 'Maroc' },
    });
    expect(depot.lire(id)!.personnes[0]).toEqual({
      role: 'titulaire',
      nom: 'X',
      prenoms: [],
      sexe: null,
      dateNaissance: null,
      lieuNaissance: { commune: 'Oran', codeInsee: null, departement: null, pays: 'Algérie' },
      profession: 'boulanger',
    });
  });

  it('enregistrer deux fois le même acte ne change rien, pas même modifie_le', () => {
    const a = naissance(1987, 42, { nom: 'Dupont', prenoms: ['Jean'] });
    const premier = depot.enregistrer(a, T1);
    const second = depot.enregistrer(structuredClone(a), T2);
    expect(second).toEqual({ id: premier.id, effet: 'inchange' });
    expect(depot.lire(premier.id)!.modifieLe).toBe(T1);
    expect(depot.statistiques().total).toBe(1);
  });

  it('un acte de même clé au contenu différent est modifié, garde son id, sa date de création et son origine', () => {
    const a = naissance(1987, 42, { nom: 'Dupont', prenoms: ['Jean'] });
    const { id } = depot.enregistrer({ ...a, origine: 'saisie' }, T1);
    const corrige = naissance(1987, 42, { nom: 'Dupond', prenoms: ['Jean', 'Louis'] });
    expect(depot.enregistrer({ ...corrige, origine: 'import' }, T2)).toEqual({ id, effet: 'modifie' });
    const relu = depot.lire(id)!;
    expect(relu).toMatchObject({ creeLe: T1, modifieLe: T2, origine: 'saisie' });
    expect(relu.personnes[0].prenoms).toEqual(['Jean', 'Louis']);
  });

  it('la modification remplace l’entrée de l’index : l’ancien nom ne trouve plus l’acte', () => {
    const { id } = depot.enregistrer(naissance(1987, 42, { nom: 'Dupont', prenoms: ['Jean'] }), T1);
    expect(ids('dupont ')).toEqual([id]);
    depot.enregistrer(naissance(1987, 42, { nom: 'Lagarde', prenoms: ['Jean'] }), T2);
    expect(ids('lagarde ')).toEqual([id]);
    expect(ids('dupont jean ')).toEqual([]);
  });

  it('modifier par id garde l’id, même si la clé change', () => {
    const { id } = depot.enregistrer(naissance(1987, 42, { nom: 'Dupont', prenoms: ['Jean'] }), T1);
    const deplace = { ...depot.lire(id)!, numero: 43 };
    expect(depot.enregistrer(deplace, T2)).toEqual({ id, effet: 'modifie' });
    expect(depot.parCle('naissance', 1987, 43)?.id).toBe(id);
    expect(depot.parCle('naissance', 1987, 42)).toBeUndefined();
  });

  it('refuse de déplacer un acte sur la clé d’un autre acte (conflit), sans rien écrire', () => {
    const a = depot.enregistrer(naissance(1987, 42, { nom: 'Dupont', prenoms: ['Jean'] }), T1);
    const b = depot.enregistrer(naissance(1987, 43, { nom: 'Martin', prenoms: ['Paul'] }), T1);
    const avant = depot.lire(b.id);
    let erreur: unknown;
    try {
      depot.enregistrer({ ...depot.lire(b.id)!, numero: 42 }, T2);
    } catch (e) {
      erreur = e;
    }
    expect(erreur).toBeInstanceOf(RegistreError);
    expect((erreur as RegistreError).code).toBe('conflit');
    expect((erreur as RegistreError).message).toMatch(/acte de naissance n° 42 de 1987 existe déjà/);
    expect(depot.lire(b.id)).toEqual(avant);
    expect(depot.lire(a.id)!.personnes[0].nom).toBe('Dupont');
  });

  it('modifier un id inconnu est refusé (introuvable)', () => {
    expect(() => depot.enregistrer({ ...naissance(1987, 1, { nom: 'A', prenoms: ['B'] }), id: 999 }, T1)).toThrow(
      /introuvable/,
    );
  });

  it('s’exécute dans la transaction de l’appelant : un rollback efface l’acte, son index et ses mots', () => {
    const lot = db.transaction(() => {
      depot.enregistrer(naissance(1987, 1, { nom: 'Zylberstein', prenoms: ['Ada'] }), T1);
      throw new Error('échec du lot');
    });
    expect(lot).toThrow('échec du lot');
    expect(depot.statistiques().total).toBe(0);
    expect(db.prepare("SELECT count(*) FROM vocabulaire WHERE mot = 'zylberstein'").pluck().get()).toBe(0);
    // The vocabulary's memory must not believe the word is still there.
    const { id } = depot.enregistrer(naissance(1987, 2, { nom: 'Zylberstein', prenoms: ['Ada'] }), T1);
    expect(db.prepare("SELECT count(*) FROM vocabulaire WHERE mot = 'zylberstein'").pluck().get()).toBe(1);
    expect(ids('zylbersten ')).toEqual([id]);
  });

  it('tient le vocabulaire : mots, clés phonétiques, variantes', () => {
    depot.enregistrer(mariage(2001, 7, ['Lefebvre', ['Jean-Pierre']], ['de La Fontaine', ['Anne']]), T1);
    const mots = db.prepare('SELECT mot FROM vocabulaire ORDER BY mot').pluck().all();
    expect(mots).toEqual(['anne', 'de', 'delafontaine', 'fontaine', 'jean', 'la', 'lefebvre', 'pierre']);
    expect(db.prepare("SELECT cle_phonetique FROM vocabulaire WHERE mot = 'lefebvre'").pluck().get()).toBe(
      clePhonetique('lefevre'),
    );
    expect(
      db
        .prepare(
          "SELECT count(*) FROM vocabulaire_variantes x JOIN vocabulaire v ON v.id = x.mot_id WHERE v.mot = 'lefebvre'",
        )
        .pluck()
        .get(),
    ).toBe(8);
  });

  it('les index plein texte restent cohérents après ajouts, modifications et déplacements', () => {
    const { id } = depot.enregistrer(naissance(1987, 42, { nom: 'Dupont', prenoms: ['Jean'] }), T1);
    depot.enregistrer(naissance(1987, 42, { nom: 'Lagarde', prenoms: ['Jeanne'] }), T2);
    depot.enregistrer({ ...depot.lire(id)!, numero: 44 }, T2);
    depot.enregistrer(mariage(1990, 1, ['D’Almeida', ['Rui']], ['de La Fontaine', ['Ana']]), T1);
    for (const table of ['actes_recherche', 'vocabulaire_trigrammes']) {
      expect(() => db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run(), table).not.toThrow();
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('statistiques par type, et actes non indexés', () => {
    depot.enregistrer(naissance(1987, 1, { nom: 'A', prenoms: ['B'] }), T1);
    depot.enregistrer(naissance(1987, 2, { nom: 'C', prenoms: ['D'] }), T1);
    depot.enregistrer(mariage(1987, 1, ['E', ['F']], ['G', ['H']]), T1);
    depot.enregistrer(acte({ type: 'deces', annee: 1901, numero: 5, indexe: false }), T1);
    expect(depot.statistiques()).toEqual({ total: 4, naissance: 2, mariage: 1, deces: 1, nonIndexes: 1 });
  });

  it('un acte non indexé se trouve par son type et son année', () => {
    const { id } = depot.enregistrer(acte({ type: 'deces', annee: 1901, numero: 5, indexe: false }), T1);
    expect(ids('deces 1901 ')).toEqual([id]);
    expect(ids('1901/5 ')).toEqual([id]);
  });
});

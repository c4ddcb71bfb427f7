import { afterEach, describe, expect, it } from 'vitest';
import { enregistrerLot, livraisonsAAccuser, marquerAccusees } from '../../../electron/demandes';
import { commencer } from '../../../electron/sync/stockage/synchros';
import { validerLivraison } from '../../../electron/sync/validation';
import type { Base } from '../../../electron/db/connexion';
import { baseDeTest, xmlDemande } from '../sync/outils/fabrique';

let db: Base;
afterEach(() => db?.close());
const T = new Date('2026-01-12T10:00:00Z');
const P = 'registre-bac-a-sable:essai';

function lot(ids: string[], xmlPour = (id: string) => xmlDemande(id)) {
  const acceptees = [];
  const refusees = [];
  for (const id of ids) {
    const v = validerLivraison({ id, livraison: 1, xml: xmlPour(id) }, '81021');
    if ('acceptee' in v) acceptees.push(v.acceptee);
    else refusees.push(v.refusee);
  }
  return { acceptees, refusees };
}

describe('stockage d’un lot reçu', () => {
  it('stocke chaque demande une fois, même livrée deux fois (dans le lot ou plus tard)', () => {
    db = baseDeTest();
    const s = commencer(db, 'manuel', T);
    const a = lot(['DEM-1', 'DEM-2', 'DEM-1']);
    const b1 = enregistrerLot(db, P, s, T, a.acceptees, a.refusees);
    expect(b1).toMatchObject({ recues: 2, doublons: 1, quarantaine: 0 });
    expect(b1.nouvelles.map((n) => n.demande.id)).toEqual(['DEM-1', 'DEM-2']);
    const b = lot(['DEM-2', 'DEM-3']);
    expect(enregistrerLot(db, P, s, T, b.acceptees, b.refusees)).toMatchObject({ recues: 1, doublons: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM demandes').get()).toEqual({ n: 3 });
  });

  it('garde le document tel que reçu, ses données lues et ses échéances de Paris', () => {
    db = baseDeTest();
    const a = lot(['DEM-1']);
    enregistrerLot(db, P, commencer(db, 'manuel', T), T, a.acceptees, []);
    const l = db.prepare('SELECT * FROM demandes').get() as Record<string, string | number>;
    expect(l.document).toBe(xmlDemande('DEM-1'));
    expect(JSON.parse(String(l.donnees)).personne.nom).toBe('CAZALS');
    expect(l).toMatchObject({
      jour_limite: '2026-01-30',
      retard_des: '2026-01-30T23:00:00.000Z',
      cycle: 'recue',
      accusee_le: null,
    });
  });

  it('met en quarantaine un document invalide une fois par livraison, avec sa raison et ses octets', () => {
    db = baseDeTest();
    const s = commencer(db, 'manuel', T);
    const mauvais = lot(['DEM-X'], () => '<demande>pas fini');
    expect(enregistrerLot(db, P, s, T, [], mauvais.refusees)).toMatchObject({ quarantaine: 1 });
    expect(enregistrerLot(db, P, s, T, [], mauvais.refusees)).toMatchObject({ quarantaine: 0, doublons: 1 });
    const q = db.prepare('SELECT livraison, motif, raison, document FROM quarantaine').get() as {
      livraison: string;
      motif: string;
      raison: string;
      document: Buffer;
    };
    expect(q).toMatchObject({ livraison: 'DEM-X', motif: 'xml_mal_forme' });
    expect(q.raison).toMatch(/XML mal formé/);
    expect(q.document.toString()).toBe('<demande>pas fini');
  });

  it('un lot est tout ou rien : une erreur au milieu ne laisse rien', () => {
    db = baseDeTest();
    const s = commencer(db, 'manuel', T);
    const a = lot(['DEM-1', 'DEM-2']);
    db.exec(
      `CREATE TRIGGER panne BEFORE INSERT ON demandes WHEN NEW.id_plateforme = 'DEM-2' BEGIN SELECT RAISE(ABORT, 'panne'); END`,
    );
    expect(() => enregistrerLot(db, P, s, T, a.acceptees, [])).toThrow(/panne/);
    expect(db.prepare('SELECT count(*) AS n FROM demandes').get()).toEqual({ n: 0 });
  });

  it('retient ce qui reste à acquitter, et l’oublie une fois acquitté', () => {
    db = baseDeTest();
    const s = commencer(db, 'manuel', T);
    const a = lot(['DEM-1', 'DEM-2']);
    const q = lot(['DEM-Q'], () => 'x');
    enregistrerLot(db, P, s, T, a.acceptees, q.refusees);
    expect(livraisonsAAccuser(db, P).sort()).toEqual(['DEM-1', 'DEM-2', 'DEM-Q']);
    marquerAccusees(db, P, ['DEM-1', 'DEM-Q'], T);
    expect(livraisonsAAccuser(db, P)).toEqual(['DEM-2']);
  });

  it('deux plateformes qui numérotent toutes deux depuis 1 : aucune demande de l’une n’est un doublon de l’autre', () => {
    db = baseDeTest();
    const s = commencer(db, 'manuel', T);
    const formation = lot(['DEM-1', 'DEM-2'], (id) =>
      xmlDemande(id, { personne: { nom: 'FORMATION', prenoms: ['Zoé'], sexe: 'F', dateNaissance: '1990-01-01' } }),
    );
    expect(enregistrerLot(db, 'registre-bac-a-sable:formation', s, T, formation.acceptees, [])).toMatchObject({
      recues: 2,
      doublons: 0,
    });
    const reelle = lot(['DEM-1', 'DEM-2']);
    expect(enregistrerLot(db, P, s, T, reelle.acceptees, [])).toMatchObject({ recues: 2, doublons: 0, quarantaine: 0 });
    expect(db.prepare('SELECT count(*) FROM demandes').pluck().get()).toBe(4);
    // Acknowledgements stay per platform: the real platform is never told of training ids.
    expect(livraisonsAAccuser(db, P).sort()).toEqual(['DEM-1', 'DEM-2']);
    marquerAccusees(db, P, ['DEM-1', 'DEM-2'], T);
    expect(livraisonsAAccuser(db, P)).toEqual([]);
    expect(livraisonsAAccuser(db, 'registre-bac-a-sable:formation').sort()).toEqual(['DEM-1', 'DEM-2']);
  });

  it('un autre document sous un identifiant déjà connu de la même plateforme va en quarantaine, jamais écarté', () => {
    db = baseDeTest();
    const s = commencer(db, 'manuel', T);
    enregistrerLot(db, P, s, T, lot(['DEM-1']).acceptees, []);
    const autre = lot(['DEM-1'], (id) =>
      xmlDemande(id, { personne: { nom: 'AUTRE', prenoms: ['Paul'], sexe: 'M', dateNaissance: '1950-02-02' } }),
    );
    expect(enregistrerLot(db, P, s, T, autre.acceptees, [])).toMatchObject({ recues: 0, doublons: 0, quarantaine: 1 });
    // The same conflicting document again is kept once; the request first stored is untouched.
    expect(enregistrerLot(db, P, s, T, autre.acceptees, [])).toMatchObject({ recues: 0, doublons: 1, quarantaine: 0 });
    const q = db.prepare('SELECT motif, raison, id_plateforme, document FROM quarantaine').get() as {
      motif: string;
      raison: string;
      id_plateforme: string;
      document: Buffer;
    };
    expect(q).toMatchObject({ motif: 'conflit_identifiant', id_plateforme: 'DEM-1' });
    expect(q.raison).toMatch(/autre document/);
    expect(q.document.toString()).toMatch(/AUTRE/);
    expect(JSON.parse(db.prepare('SELECT donnees FROM demandes').pluck().get() as string).personne.nom).toBe('CAZALS');
    expect(livraisonsAAccuser(db, P)).toEqual(['DEM-1']);
  });

  it('une demande enregistrée avant que la plateforme soit notée : même contenu, doublon ; autre contenu, nouvelle demande', () => {
    db = baseDeTest();
    const s = commencer(db, 'manuel', T);
    enregistrerLot(db, '', s, T, lot(['DEM-1']).acceptees, []);
    expect(enregistrerLot(db, P, s, T, lot(['DEM-1']).acceptees, [])).toMatchObject({ recues: 0, doublons: 1 });
    const autre = lot(['DEM-1'], (id) =>
      xmlDemande(id, { personne: { nom: 'AUTRE', prenoms: ['Paul'], sexe: 'M', dateNaissance: '1950-02-02' } }),
    );
    expect(enregistrerLot(db, P, s, T, autre.acceptees, [])).toMatchObject({ recues: 1, doublons: 0, quarantaine: 0 });
  });
});

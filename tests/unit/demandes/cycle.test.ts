import { afterEach, describe, expect, it } from 'vitest';
import { CyclesDemande, TRANSITIONS_CYCLE, transition, transitionPermise } from '../../../shared/domain/cycle-demande';
import { RegistreError } from '../../../shared/errors';
import {
  enregistrerLot,
  idPlateformeDe,
  reponseAccusee,
  reponsePartie,
  reponsePreparee,
  reponseRejetee,
} from '../../../electron/demandes';
import { commencer } from '../../../electron/sync/stockage/synchros';
import { validerLivraison } from '../../../electron/sync/validation';
import type { Base } from '../../../electron/db/connexion';
import { baseDeTest, PLATEFORME_ESSAI, xmlDemande } from '../sync/outils/fabrique';

let db: Base;
afterEach(() => db?.close());
const T = new Date('2026-01-12T10:00:00Z');

function stockee(): number {
  const v = validerLivraison({ id: 'DEM-1', livraison: 1, xml: xmlDemande('DEM-1') }, '81021');
  if (!('acceptee' in v)) throw new Error('demande refusée');
  return enregistrerLot(db, PLATEFORME_ESSAI, commencer(db, 'manuel', T), T, [v.acceptee], []).nouvelles[0].id;
}

const etat = (id: number) => db.prepare('SELECT cycle, sens_reponse AS sens FROM demandes WHERE id = ?').get(id);

function erreurDe(f: () => void): RegistreError {
  try {
    f();
  } catch (e) {
    return e as RegistreError;
  }
  throw new Error('aucune erreur');
}

describe('cycle de vie d’une demande (règle du domaine)', () => {
  it('chaque état a ses suites ; accusée est définitive', () => {
    expect(Object.keys(TRANSITIONS_CYCLE).sort()).toEqual([...CyclesDemande].sort());
    expect(TRANSITIONS_CYCLE.accusee).toEqual([]);
    expect(transitionPermise('repondue', 'en_cours')).toBe(true);
    expect(transitionPermise('en_cours', 'recue')).toBe(false);
    expect(transition('repondue', 'repondue')).toBe('rien');
    expect(transition('recue', 'en_cours')).toBe('passer');
  });

  it('une transition refusée est une erreur typée, en français, avec les deux états', () => {
    const e = erreurDe(() => transition('accusee', 'en_cours'));
    expect(e).toBeInstanceOf(RegistreError);
    expect(e.code).toBe('transition_refusee');
    expect(e.details).toEqual({ de: 'accusee', vers: 'en_cours' });
    expect(e.message).toBe('Cette demande est déjà accusée : elle ne peut pas redevenir en cours.');
  });
});

describe('cycle de vie d’une demande stockée', () => {
  it('brouillon, départ, rejet, nouveau départ, accusé ; renvoyer ne change rien', () => {
    db = baseDeTest();
    const id = stockee();
    expect(etat(id)).toEqual({ cycle: 'recue', sens: null });
    reponsePreparee(db, id);
    expect(etat(id)).toEqual({ cycle: 'en_cours', sens: null });
    reponsePartie(db, id, 'positive');
    reponsePartie(db, id, 'negative');
    expect(etat(id)).toEqual({ cycle: 'repondue', sens: 'positive' });
    reponseRejetee(db, id);
    expect(etat(id)).toEqual({ cycle: 'en_cours', sens: null });
    reponsePreparee(db, id);
    reponsePartie(db, id, 'negative');
    reponseAccusee(db, id);
    expect(etat(id)).toEqual({ cycle: 'accusee', sens: 'negative' });
  });

  it('une demande accusée ne se rouvre pas ; rien n’est écrit ; une demande inconnue est introuvable', () => {
    db = baseDeTest();
    const id = stockee();
    reponsePartie(db, id, 'positive');
    reponseAccusee(db, id);
    expect(erreurDe(() => reponseRejetee(db, id)).code).toBe('transition_refusee');
    expect(erreurDe(() => reponsePreparee(db, id)).code).toBe('transition_refusee');
    expect(etat(id)).toEqual({ cycle: 'accusee', sens: 'positive' });
    expect(erreurDe(() => reponseAccusee(db, 999)).code).toBe('introuvable');
    expect(idPlateformeDe(db, id)).toBe('DEM-1');
    expect(idPlateformeDe(db, 999)).toBeNull();
  });
});

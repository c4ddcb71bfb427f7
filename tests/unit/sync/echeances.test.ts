import { describe, expect, it } from 'vitest';
import {
  echeancesDe,
  etatDemande,
  jourFrancais,
  jourParis,
  joursRestants,
  type CycleDemande,
} from '../../../shared/domain/echeances';

const d = (iso: string) => new Date(iso);
const etat = (dispo: string, maintenant: string, cycle: CycleDemande = 'recue', jourLimiteDemandeur?: string) =>
  etatDemande({ cycle, misADispositionLe: dispo, jourLimiteDemandeur }, d(maintenant));

describe('échéances : jour limite à 20 jours, purge à 23 jours (Europe/Paris)', () => {
  it('compte 20 jours de calendrier parisien', () => {
    // 10 janvier 2026 à 10 h à Paris (UTC+1)
    const e = echeancesDe('2026-01-10T09:00:00Z');
    expect(e.jourLimite).toBe('2026-01-30');
    expect(e.retardDes.toISOString()).toBe('2026-01-30T23:00:00.000Z'); // 31/01 00:00 Paris
    expect(e.purgeLe.toISOString()).toBe('2026-02-02T09:00:00.000Z');
  });

  it('une mise à disposition tard le soir compte au jour parisien, pas au jour UTC', () => {
    // 23:30 UTC le 14 janvier = 00:30 le 15 à Paris
    expect(echeancesDe('2026-01-14T23:30:00Z').jourLimite).toBe('2026-02-04');
    expect(jourParis('2026-01-14T23:30:00Z')).toBe('2026-01-15');
  });

  it('passage à l’heure d’été (29 mars 2026) : ni jour perdu ni jour gagné', () => {
    // 9 mars 2026 23:30 Paris (UTC+1) ; + 20 × 24 h tomberait le 30 à 00:30 (UTC+2)
    const e = echeancesDe('2026-03-09T22:30:00Z');
    expect(e.jourLimite).toBe('2026-03-29');
    expect(e.retardDes.toISOString()).toBe('2026-03-29T22:00:00.000Z'); // 30/03 00:00 heure d’été
    // la purge garde l’heure murale : 1er avril 23:30 Paris = 21:30 UTC
    expect(e.purgeLe.toISOString()).toBe('2026-04-01T21:30:00.000Z');
  });

  it('passage à l’heure d’hiver (25 octobre 2026) : ni jour perdu ni jour gagné', () => {
    // 10 octobre 2026 00:30 Paris (UTC+2) ; + 20 × 24 h tomberait le 29 à 23:30 (UTC+1)
    const e = echeancesDe('2026-10-09T22:30:00Z');
    expect(e.jourLimite).toBe('2026-10-30');
    expect(e.retardDes.toISOString()).toBe('2026-10-30T23:00:00.000Z');
    expect(e.purgeLe.toISOString()).toBe('2026-11-01T23:30:00.000Z'); // 2/11 00:30 Paris
  });

  it('la demande mise à disposition le jour même du changement d’heure', () => {
    // 29 mars 2026 03:30 Paris (heure d’été, 01:30 UTC)
    const e = echeancesDe('2026-03-29T01:30:00Z');
    expect(e.jourLimite).toBe('2026-04-18');
    expect(e.purgeLe.toISOString()).toBe('2026-04-21T01:30:00.000Z');
  });

  it('le délai du demandeur, plus court, l’emporte ; un délai plus long est ignoré', () => {
    expect(echeancesDe('2026-01-10T09:00:00Z', '2026-01-20').jourLimite).toBe('2026-01-20');
    expect(echeancesDe('2026-01-10T09:00:00Z', '2026-03-01').jourLimite).toBe('2026-01-30');
    expect(echeancesDe('2026-01-10T09:00:00Z', 'n’importe quoi').jourLimite).toBe('2026-01-30');
    expect(echeancesDe('2026-01-10T09:00:00Z', null).jourLimite).toBe('2026-01-30');
  });

  it('une année bissextile : 20 jours après le 15 février 2028', () => {
    expect(echeancesDe('2028-02-15T10:00:00Z').jourLimite).toBe('2028-03-06');
    expect(echeancesDe('2026-02-15T10:00:00Z').jourLimite).toBe('2026-03-07');
  });

  it('refuse une date illisible', () => {
    expect(() => echeancesDe('pas une date')).toThrow(RangeError);
  });
});

describe('jours restants (calendrier parisien)', () => {
  it('compte en jours de Paris même quand UTC est encore la veille', () => {
    // 29 mars 23:30 UTC = 30 mars 01:30 Paris
    expect(joursRestants('2026-04-01', d('2026-03-29T23:30:00Z'))).toBe(2);
    expect(joursRestants('2026-04-01', d('2026-03-29T21:30:00Z'))).toBe(3);
    expect(joursRestants('2026-04-01', d('2026-04-02T10:00:00Z'))).toBe(-1);
  });
});

describe('état affiché d’une demande', () => {
  const dispo = '2026-01-10T09:00:00Z'; // jour limite 30/01, retard dès 31/01 00:00 Paris, purge 02/02 10:00 Paris
  it('reçue puis en cours tant que l’échéance est loin', () => {
    expect(etat(dispo, '2026-01-12T09:00:00Z')).toMatchObject({ etat: 'recue', alerte: null, joursRestants: 18 });
    expect(etat(dispo, '2026-01-12T09:00:00Z', 'en_cours')).toMatchObject({ etat: 'en_cours', alerte: null });
  });

  it('J-5 à partir du 25 janvier (Paris), J-2 à partir du 28, jour limite compris', () => {
    expect(etat(dispo, '2026-01-24T22:59:00Z').alerte).toBeNull(); // 24/01 23:59 Paris
    expect(etat(dispo, '2026-01-24T23:00:00Z')).toMatchObject({ etat: 'a_echeance', alerte: 'J-5', joursRestants: 5 });
    expect(etat(dispo, '2026-01-27T22:59:00Z')).toMatchObject({ alerte: 'J-5', joursRestants: 3 });
    expect(etat(dispo, '2026-01-27T23:00:00Z')).toMatchObject({ alerte: 'J-2', joursRestants: 2 });
    expect(etat(dispo, '2026-01-30T22:59:59Z')).toMatchObject({ etat: 'a_echeance', alerte: 'J-2', joursRestants: 0 });
    expect(etat(dispo, '2026-01-27T23:00:00Z', 'en_cours')).toMatchObject({ etat: 'a_echeance', alerte: 'J-2' });
  });

  it('en retard dès minuit à Paris après le jour limite, purgée à 23 jours', () => {
    expect(etat(dispo, '2026-01-30T23:00:00Z')).toMatchObject({ etat: 'en_retard', joursRestants: -1 });
    expect(etat(dispo, '2026-02-02T08:59:59Z')).toMatchObject({ etat: 'en_retard' });
    expect(etat(dispo, '2026-02-02T09:00:00Z')).toMatchObject({ etat: 'purgee', alerte: null });
    expect(etat(dispo, '2026-05-01T09:00:00Z', 'en_cours').etat).toBe('purgee');
  });

  it('une demande répondue ou accusée garde son état, quelle que soit l’heure', () => {
    expect(etat(dispo, '2026-01-29T09:00:00Z', 'repondue')).toMatchObject({ etat: 'repondue', alerte: null });
    expect(etat(dispo, '2026-02-10T09:00:00Z', 'accusee')).toMatchObject({ etat: 'accusee', alerte: null });
  });

  it('J-2 un jour de changement d’heure', () => {
    // jour limite 29/03/2026 (dimanche du passage à l’heure d’été)
    const dispoMars = '2026-03-09T10:00:00Z';
    expect(etat(dispoMars, '2026-03-26T22:59:00Z').alerte).toBe('J-5'); // 26/03 23:59 Paris : J-3
    expect(etat(dispoMars, '2026-03-26T23:00:00Z').alerte).toBe('J-2'); // 27/03 00:00 Paris
    expect(etat(dispoMars, '2026-03-29T21:59:00Z').etat).toBe('a_echeance'); // 29/03 23:59 heure d’été
    expect(etat(dispoMars, '2026-03-29T22:00:00Z').etat).toBe('en_retard'); // 30/03 00:00 heure d’été
  });

  it('un délai de demandeur court fait passer plus tôt en J-2 et en retard', () => {
    expect(etat(dispo, '2026-01-12T09:00:00Z', 'recue', '2026-01-14')).toMatchObject({
      etat: 'a_echeance',
      alerte: 'J-2',
    });
    expect(etat(dispo, '2026-01-15T09:00:00Z', 'recue', '2026-01-14').etat).toBe('en_retard');
    // la purge reste celle de la plateforme
    expect(etat(dispo, '2026-01-30T09:00:00Z', 'recue', '2026-01-14').etat).toBe('en_retard');
  });
});

describe('affichage', () => {
  it('écrit le jour à la française', () => {
    expect(jourFrancais('2026-04-12')).toBe('12/04/2026');
  });
});

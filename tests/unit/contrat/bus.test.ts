import { describe, expect, it } from 'vitest';
import { BusEvenements } from '../../../electron/contrat/bus';
import { Rappels } from '../../../electron/rappels';

describe('bus des événements (pour l’interface)', () => {
  it('abonner par nom : seule la charge de cet événement, typée ; se désabonner', () => {
    const bus = new BusEvenements();
    const raisons: string[] = [];
    const desabonner = bus.abonner('registre.modifie', (charge) => raisons.push(charge.raison));
    bus.emettre('demandes.nouvelles', { nombre: 1, specimens: 0, quarantaine: 0, jourLimitePlusProche: null });
    bus.emettre('registre.modifie', { raison: 'import' });
    desabonner();
    bus.emettre('registre.modifie', { raison: 'saisie' });
    expect(raisons).toEqual(['import']);
  });

  it('un transport reçoit tous les événements ; un abonné en panne n’arrête pas les autres', () => {
    const bus = new BusEvenements();
    const recus: string[] = [];
    bus.abonner(() => {
      throw new Error('fenêtre fermée');
    });
    bus.abonner((nom) => recus.push(nom));
    bus.emettre('registre.modifie', { raison: 'import' });
    bus.emettre('rapprochement.modifie', { demandeIds: [1] });
    expect(recus).toEqual(['registre.modifie', 'rapprochement.modifie']);
  });
});

describe('rappels entre pièces (câblés par app.ts)', () => {
  it('chaque rappel est appelé avec ses arguments ; un rappel en échec n’arrête pas les suivants', () => {
    const rappels = new Rappels<[number]>();
    const vus: number[] = [];
    rappels.ajouter(() => {
      throw new Error('panne');
    });
    const retirer = rappels.ajouter((n) => vus.push(n));
    rappels.appeler(1);
    retirer();
    rappels.appeler(2);
    expect(vus).toEqual([1]);
  });
});

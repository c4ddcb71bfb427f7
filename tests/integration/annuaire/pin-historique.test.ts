import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appAvecCartes, type AppCartes } from '../signature/outils';
import { annuaireAvecAgent } from './outils';

/**
 * "PIN changé" and "PIN débloqué" are steps of an activated card's life: done on "Ma carte" (the
 * card's own operations), they are written in the card's history and the journal of rights, by
 * whoever did them; a card not activated yet has no such step, and its PIN still changes.
 * Real SoftHSM2 cards, through the contract.
 */
let t: AppCartes;
const NOUVEAU = '246813';

beforeAll(async () => {
  t = await appAvecCartes({ seulement: ['officier', 'agent'] });
});
afterAll(() => t?.detruire());

const carteDe = async (nom: string) =>
  (await t.appeler('annuaire.listerAgents', {})).find((a) => a.nom === nom)!.cartes[0];

describe('PIN changé et PIN débloqué, dans la vie de la carte', () => {
  it('sans annuaire, le PIN change comme avant', async () => {
    const officier = t.cartes.cartes.officier;
    const jetonId = await t.jetonId(officier.label);
    await expect(
      t.appeler('carte.changerPin', { jetonId, ancienPin: officier.pin, nouveauPin: NOUVEAU }),
    ).resolves.toEqual({ ok: true });
    await t.appeler('carte.changerPin', { jetonId, ancienPin: NOUVEAU, nouveauPin: officier.pin });
  });

  it('avec l’annuaire : le titulaire change son PIN, le responsable cartes le débloque ; l’historique et le journal le disent', async () => {
    const officier = t.cartes.cartes.officier;
    const jetonId = await t.jetonId(officier.label);
    await t.appeler('carte.connecter', { jetonId, pin: officier.pin });
    await annuaireAvecAgent(t);
    const martin = await carteDe('MARTIN');
    expect(martin.etat).toBe('activee');

    await t.appeler('carte.changerPin', { jetonId, ancienPin: officier.pin, nouveauPin: NOUVEAU });
    await t.appeler('carte.debloquerPin', { jetonId, codeDeblocage: officier.soPin, nouveauPin: officier.pin });
    const historique = await t.appeler('annuaire.historiqueCarte', { carteId: martin.id });
    expect(historique.slice(-2)).toMatchObject([
      { action: 'changer_pin', de: 'activee', vers: 'activee', par: 'Jeanne MARTIN' },
      { action: 'debloquer_pin', de: 'activee', vers: 'activee', par: 'Jeanne MARTIN' },
    ]);
    const journal = await t.appeler('annuaire.journal', { limite: 2 });
    expect(journal.map((j) => j.quoi).sort()).toEqual([
      `Carte n° ${martin.id} : PIN changé`,
      `Carte n° ${martin.id} : PIN débloqué`,
    ]);
    // the unblocking ended the session (the PUK needs the card to itself): the new PIN opens it
    await t.appeler('carte.connecter', { jetonId, pin: officier.pin });
  });

  it('une carte remise mais pas encore activée : son PIN change, rien n’est inventé dans sa vie', async () => {
    const agent = t.cartes.cartes.agent;
    const durand = await carteDe('DURAND');
    expect(durand.etat).toBe('remise');
    const avant = await t.appeler('annuaire.historiqueCarte', { carteId: durand.id });
    const jetonId = await t.jetonId(agent.label);
    await expect(t.appeler('carte.changerPin', { jetonId, ancienPin: agent.pin, nouveauPin: '1357' })).resolves.toEqual(
      { ok: true },
    );
    expect(await t.appeler('annuaire.historiqueCarte', { carteId: durand.id })).toEqual(avant);
    await t.appeler('carte.changerPin', { jetonId, ancienPin: '1357', nouveauPin: agent.pin });
  });
});

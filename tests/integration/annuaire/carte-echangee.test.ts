import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InjectionPkcs11 } from '../../fixtures/cartes/injection';
import { appAvecCartes, reponseXml, type AppCartes } from '../signature/outils';
import { annuaireAvecAgent } from './outils';

// The officer's card is pulled out mid-batch (injected at the pkcs11js binding: SoftHSM2 never
// loses a token); the agent's card, a real SoftHSM2 token, is the one left in the reader.
const injection = new InjectionPkcs11().installer();
let t: AppCartes;

beforeAll(async () => {
  t = await appAvecCartes({ seulement: ['officier', 'agent'] });
});
afterAll(() => {
  t?.detruire();
  injection.desinstaller();
});

/**
 * A batch started by the officer, and the card swapped for the agent's mid-batch: the batch stops
 * with what it signed; the agent's session opens (he prepares), but the rest of the batch is
 * refused to his card by the directory, naming the check, whether or not the screen passes the
 * certificate the batch began with; back in the officer's hands, the rest is signed.
 */
describe('lot commencé par l’officier, carte échangée contre celle d’un agent en plein lot', () => {
  it('le lot s’arrête, la carte de l’agent est refusée pour la suite, l’officier la signe', async () => {
    const officier = t.cartes.cartes.officier;
    const agent = t.cartes.cartes.agent;
    const idOfficier = await t.jetonId(officier.label);
    await t.appeler('carte.connecter', { jetonId: idOfficier, pin: officier.pin });
    await annuaireAvecAgent(t);
    const etat = await t.appeler('carte.etat', {});
    const empreinte = etat.session!.certificats.find((c) => c.usage === 'signature')!.empreinte;
    const { ids } = await t.appeler('signature.ajouter', {
      documents: [1, 2, 3, 4].map((n) => ({
        reference: `echange:${n}`,
        nature: 'reponse' as const,
        xml: reponseXml(n),
      })),
    });

    injection.retirerApres('C_SignAsync', 1, officier.label);
    const lot = await t.appeler('signature.signerLot', { ids, pin: officier.pin, certificatAttendu: empreinte });
    expect(lot).toMatchObject({ signes: 1, enAttente: 3, interrompu: true, erreur: { code: 'carte_retiree' } });
    expect((await t.appeler('carte.etat', {})).session).toBeNull();

    // The agent's card: its session opens (he may prepare), the batch's rest is refused to it.
    await t.appeler('carte.connecter', { jetonId: await t.jetonId(agent.label), pin: agent.pin });
    for (const entree of [
      { ids, pin: agent.pin, certificatAttendu: empreinte },
      { ids, pin: agent.pin },
    ])
      await expect(t.appeler('signature.signerLot', entree)).rejects.toMatchObject({
        code: 'droits_insuffisants',
        details: { controle: 'officier' },
        message: expect.stringMatching(/^Signature non autorisée : Paul DURAND n’est pas officier/),
      });
    const etats = await Promise.all(ids.map((id) => t.appeler('signature.lire', { id })));
    expect(etats.map((d) => d.etat)).toEqual(['signe', 'a_signer', 'a_signer', 'a_signer']);

    // The officer's card back: the rest is signed, nothing twice.
    injection.inserer(officier.label);
    await t.appeler('carte.connecter', { jetonId: idOfficier, pin: officier.pin });
    const suite = await t.appeler('signature.signerLot', { ids, pin: officier.pin, certificatAttendu: empreinte });
    expect(suite).toMatchObject({ total: 3, signes: 3, enAttente: 0, interrompu: false });
  });
});

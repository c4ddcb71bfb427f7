import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appAvecCartes, type AppCartes } from '../signature/outils';
import { annuaireAvecAgent } from './outils';

/**
 * Unblocking a PIN with the PUK is the card manager's once the directory exists: refused to an
 * agent (a typed French error naming the check), allowed to the card manager; before the
 * directory, nothing is refused. Real SoftHSM2 cards, through the contract.
 */
let t: AppCartes;

async function connecter(carte: 'officier' | 'agent') {
  const c = t.cartes.cartes[carte];
  await t.appeler('carte.connecter', { jetonId: await t.jetonId(c.label), pin: c.pin });
}

const debloquer = async (carte: 'officier' | 'agent', nouveauPin: string) =>
  t.appeler('carte.debloquerPin', {
    jetonId: await t.jetonId(t.cartes.cartes[carte].label),
    codeDeblocage: t.cartes.cartes[carte].soPin,
    nouveauPin,
  });

beforeAll(async () => {
  t = await appAvecCartes({ seulement: ['officier', 'agent'] });
});
afterAll(() => t?.detruire());

describe('déblocage du PIN réservé au responsable cartes', () => {
  it('sans annuaire, rien n’est refusé (premier démarrage)', async () => {
    await expect(debloquer('agent', t.cartes.cartes.agent.pin)).resolves.toEqual({ ok: true });
  });

  it('avec l’annuaire : refusé sans session, et à un agent qui n’est pas responsable cartes', async () => {
    await connecter('officier');
    await annuaireAvecAgent(t);
    await t.appeler('carte.deconnecter', {});
    await expect(debloquer('agent', '7777')).rejects.toMatchObject({ code: 'session_requise' });

    await connecter('agent');
    const refus = await debloquer('officier', '7777').catch((e: unknown) => e);
    expect(refus).toMatchObject({
      code: 'droits_insuffisants',
      details: { controle: 'responsable_cartes' },
    });
    expect((refus as Error).message).toBe(
      'Déblocage du code PIN non autorisé : Paul DURAND n’est ni responsable cartes ni son délégué. Seul le responsable cartes ou son délégué, depuis sa propre session de carte, débloque un code PIN.',
    );
    // nothing reached the card: its PIN is unchanged
    await t.appeler('carte.deconnecter', {});
    await connecter('officier');
  });

  it('le responsable cartes débloque la carte d’un agent', async () => {
    await expect(debloquer('agent', '8888')).resolves.toEqual({ ok: true });
    await t.appeler('carte.deconnecter', {});
    await t.appeler('carte.connecter', { jetonId: await t.jetonId('AGENT-0002'), pin: '8888' });
  });

  it('le délégué du responsable cartes débloque aussi', async () => {
    const durand = (await t.appeler('annuaire.listerAgents', {})).find((a) => a.nom === 'DURAND')!;
    await t.appeler('carte.deconnecter', {});
    await connecter('officier');
    await t.appeler('annuaire.definirRoles', { agentId: durand.id, roles: ['agent', 'delegue'], delegation: null });
    await t.appeler('carte.deconnecter', {});
    await t.appeler('carte.connecter', { jetonId: await t.jetonId('AGENT-0002'), pin: '8888' });
    await expect(debloquer('officier', t.cartes.cartes.officier.pin)).resolves.toEqual({ ok: true });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appAvecCartes, reponseXml, type AppCartes } from '../signature/outils';

/**
 * The directory with real SoftHSM2 cards, through the contract as the renderer calls it: the
 * first officer creates the directory from their card session; an unknown card is refused
 * before its PIN; an agent without delegation cannot sign; a revoked card opens no session;
 * the right to sign is checked again before each signature of a batch.
 */
let t: AppCartes;
const MARTIN = {
  nom: 'MARTIN',
  prenoms: 'Jeanne',
  dateNaissance: '1968-03-14',
  fonction: 'Maire adjointe',
  email: null,
};
const DELEGATION = {
  qualite: 'adjoint',
  arreteLe: '2026-01-05',
  reference: 'A-2026-03',
  portee: 'état civil',
  fin: null,
} as const;

async function connecter(carte: 'officier' | 'agent' | 'officierEc', pin?: string) {
  const c = t.cartes.cartes[carte];
  return t.appeler('carte.connecter', { jetonId: await t.jetonId(c.label), pin: pin ?? c.pin });
}

async function documents(n: number, prefixe: string): Promise<number[]> {
  const { ids } = await t.appeler('signature.ajouter', {
    documents: Array.from({ length: n }, (_, i) => ({
      reference: `${prefixe}:${i}`,
      nature: 'reponse' as const,
      xml: reponseXml(100 + i),
    })),
  });
  return ids;
}

beforeAll(async () => {
  t = await appAvecCartes();
});
afterAll(() => t?.detruire());

describe('annuaire et cartes SoftHSM2 (par le contrat)', () => {
  it('premier démarrage : la session du premier officier crée l’annuaire, et il signe', async () => {
    expect((await t.appeler('annuaire.etat', {})).poste.etat).toBe('consultation');
    await connecter('officier');
    expect(await t.appeler('annuaire.etat', {})).toMatchObject({
      existe: false,
      poste: { etat: 'sans_annuaire', peutCreerAnnuaire: true, peutSigner: true },
    });
    const martin = await t.appeler('annuaire.creer', { agent: MARTIN, delegation: DELEGATION });
    expect(martin.roles).toEqual(['officier', 'responsable_cartes']);
    expect(martin.cartes[0]).toMatchObject({ etat: 'activee', titulaire: 'Jeanne MARTIN' });
    expect(martin.cartes[0].authentification?.sujet).toContain('CN=Jeanne MARTIN');
    expect((await t.appeler('annuaire.etat', {})).poste).toMatchObject({
      etat: 'agent',
      peutSigner: true,
      peutGererAnnuaire: true,
    });
    const ids = await documents(2, 'officier');
    expect(await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin })).toMatchObject({
      signes: 2,
      erreur: null,
    });
  });

  it('une carte inconnue de l’annuaire est refusée avant même son PIN, avec le message qui dit quoi faire', async () => {
    // what the card panel asks before showing the PIN dialog
    await expect(
      t.appeler('annuaire.verifierCarte', { jetonId: await t.jetonId(t.cartes.cartes.officierEc.label) }),
    ).rejects.toMatchObject({ code: 'carte_inconnue' });
    expect(
      await t.appeler('annuaire.verifierCarte', { jetonId: await t.jetonId(t.cartes.cartes.officier.label) }),
    ).toEqual({
      ok: true,
    });
    await expect(connecter('officierEc', '000000')).rejects.toMatchObject({
      code: 'carte_inconnue',
      message: 'Carte inconnue de l’annuaire : demandez au responsable cartes de l’enregistrer.',
    });
  });

  it('un agent sans délégation ouvre sa session et prépare, mais ne signe pas', async () => {
    await connecter('officier');
    const agents = [
      await t.appeler('annuaire.enregistrerAgent', {
        nom: 'DURAND',
        prenoms: 'Paul',
        dateNaissance: '1990-11-02',
        fonction: 'Agent d’accueil',
        email: null,
      }),
      await t.appeler('annuaire.enregistrerAgent', {
        nom: 'PETIT',
        prenoms: 'Marc',
        dateNaissance: '1985-06-20',
        fonction: 'Agent',
        email: null,
      }),
    ];
    // the card manager registers the cards present in the readers (public certificates, no PIN)
    await t.appeler('annuaire.enregistrerCarte', {
      agentId: agents[0].id,
      jetonId: await t.jetonId(t.cartes.cartes.agent.label),
    });
    const petit = await t.appeler('annuaire.enregistrerCarte', {
      agentId: agents[1].id,
      jetonId: await t.jetonId(t.cartes.cartes.officierEc.label),
    });
    expect(petit.signature).not.toBeNull();
    const ids = await documents(1, 'agent');
    for (const carte of ['agent', 'officierEc'] as const) {
      await connecter(carte);
      expect((await t.appeler('annuaire.etat', {})).poste).toMatchObject({
        etat: 'agent',
        peutSigner: false,
        refusSignature: { controle: 'officier' },
      });
      await expect(t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes[carte].pin })).rejects.toMatchObject({
        code: 'droits_insuffisants',
        details: { controle: 'officier' },
      });
    }
    expect((await t.appeler('signature.lire', { id: ids[0] })).etat).toBe('a_signer');
    // nor may he change the directory
    await expect(t.appeler('annuaire.commanderCarte', { agentId: agents[1].id, motif: 'perte' })).rejects.toMatchObject(
      {
        details: { controle: 'responsable_cartes' },
      },
    );
  });

  it('une carte révoquée ne peut plus ouvrir de session', async () => {
    await connecter('officier');
    const petit = (await t.appeler('annuaire.listerAgents', {})).find((a) => a.nom === 'PETIT')!;
    await t.appeler('annuaire.changerEtatCarte', { carteId: petit.cartes[0].id, action: 'revoquer', motif: 'vol' });
    await expect(connecter('officierEc')).rejects.toMatchObject({
      code: 'droits_insuffisants',
      details: { controle: 'carte_en_service' },
    });
    expect((await t.appeler('annuaire.journal', { limite: 1 }))[0]).toMatchObject({
      par: 'Jeanne MARTIN',
      agent: 'Marc PETIT',
    });
  });

  it('le droit est vérifié de nouveau avant chaque signature : la délégation retirée en cours de lot l’arrête', async () => {
    await connecter('officier');
    const martin = (await t.appeler('annuaire.listerAgents', {})).find((a) => a.nom === 'MARTIN')!;
    const ids = await documents(3, 'lot');
    let retiree: Promise<unknown> | null = null;
    const debrancher = t.app.bus.abonner((nom) => {
      if (nom !== 'signature.progression' || retiree) return;
      retiree = t.appeler('annuaire.definirRoles', {
        agentId: martin.id,
        roles: ['officier', 'responsable_cartes'],
        delegation: { ...DELEGATION, fin: '2026-01-06' },
      });
    });
    const rapport = await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin });
    debrancher();
    await retiree;
    expect(rapport).toMatchObject({
      signes: 1,
      interrompu: true,
      enAttente: 2,
      erreur: { code: 'droits_insuffisants', details: { controle: 'delegation_en_cours' } },
    });
  });
});

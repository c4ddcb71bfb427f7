import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pkcs11js } from '../../../electron/signature/liaison';
import { InjectionPkcs11 } from '../../fixtures/cartes/injection';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';
import { appAvecCartes, reponseXml, type AppCartes } from './outils';

// SoftHSM2 never locks a PIN nor loses a token: those states are injected at the binding;
// everything else is the real SoftHSM2 token.
const injection = new InjectionPkcs11().installer();
let t: AppCartes;
const OFFICIER = 'OFFICIER-0001';

beforeAll(async () => {
  t = await appAvecCartes();
});
afterEach(async () => {
  injection.reinitialiser();
  await t.appeler('carte.deconnecter', {});
});
afterAll(() => {
  t?.detruire();
  injection.desinstaller();
});

async function attendre<T>(condition: () => T | undefined | false, ms = 10_000): Promise<T> {
  const fin = Date.now() + ms;
  for (;;) {
    const v = condition();
    if (v) return v;
    if (Date.now() > fin) throw new Error('délai dépassé');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('états de la carte que SoftHSM2 ne produit pas (injectés à la liaison pkcs11js)', () => {
  it('PIN bloqué', async () => {
    const id = await t.jetonId(OFFICIER);
    injection.injecter('C_Login', pkcs11js.CKR_PIN_LOCKED);
    await expect(
      t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin }),
    ).rejects.toMatchObject({
      code: 'pin_bloque',
      message: expect.stringMatching(/débloquer/),
    });
    injection.drapeaux(OFFICIER, pkcs11js.CKF_USER_PIN_LOCKED);
    const etat = await t.appeler('carte.etat', {});
    expect(etat.lecteurs.find((l) => l.carte?.id === id)!.carte!.etatPin).toBe('bloque');
  });

  it('essais bas puis dernier essai : annoncés avant la saisie et dans l’erreur ; jamais de nouvel essai automatique', async () => {
    const id = await t.jetonId(OFFICIER);
    injection.drapeaux(OFFICIER, pkcs11js.CKF_USER_PIN_FINAL_TRY | pkcs11js.CKF_USER_PIN_COUNT_LOW);
    const etat = await t.appeler('carte.etat', {});
    expect(etat.lecteurs.find((l) => l.carte?.id === id)!.carte!.etatPin).toBe('dernier_essai');
    await expect(t.appeler('carte.connecter', { jetonId: id, pin: '000000' })).rejects.toMatchObject({
      code: 'pin_incorrect',
      details: { essaisRestants: 1, dernierEssai: true },
      message: expect.stringMatching(/dernier essai/),
    });
    expect(injection.appels.filter((a) => a.methode === 'C_Login')).toHaveLength(1);
  });

  it('annulation et carte non reconnue', async () => {
    const id = await t.jetonId(OFFICIER);
    injection.injecter('C_Login', pkcs11js.CKR_FUNCTION_CANCELED);
    await expect(
      t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin }),
    ).rejects.toMatchObject({
      code: 'operation_annulee',
    });
    injection.injecter('C_OpenSession', pkcs11js.CKR_TOKEN_NOT_RECOGNIZED);
    await expect(
      t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin }),
    ).rejects.toMatchObject({
      code: 'carte_inconnue',
    });
  });

  it('lecteur à clavier : aucun PIN saisi dans Registre, ni pour la session ni pour signer', async () => {
    injection.clavierLecteur(OFFICIER, t.cartes.cartes.officier.pin);
    const id = await t.jetonId(OFFICIER);
    expect((await t.appeler('carte.etat', {})).lecteurs.find((l) => l.carte?.id === id)!.carte!.cheminProtege).toBe(
      true,
    );
    const etat = await t.appeler('carte.connecter', { jetonId: id });
    expect(etat.session?.peutSigner).toBe(true);
    const { ids } = await t.appeler('signature.ajouter', {
      documents: [{ reference: 'clavier:1', nature: 'reponse', xml: reponseXml(300) }],
    });
    expect(await t.appeler('signature.signerLot', { ids })).toMatchObject({ signes: 1 });
    expect(
      verifierAvecXmlsec((await t.appeler('signature.lire', { id: ids[0] })).xmlSigne!, t.cartes.caFichier).ok,
    ).toBe(true);
  });

  it('connexion sans PIN quand la carte ne demande pas d’authentification', async () => {
    injection.drapeaux(OFFICIER, 0, pkcs11js.CKF_LOGIN_REQUIRED);
    const id = await t.jetonId(OFFICIER);
    const etat = await t.appeler('carte.connecter', { jetonId: id });
    expect(etat.session?.certificats.length).toBe(3);
    expect(injection.appels.filter((a) => a.methode === 'C_Login')).toEqual([]);
  });

  it('retrait détecté par la surveillance (≈ 1 s) : session fermée aussitôt ; réinsertion annoncée', async () => {
    const id = await t.jetonId(OFFICIER);
    await t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin });
    const avant = t.de('carte.retiree').length;
    injection.retirer(OFFICIER);
    const retrait = await attendre(() =>
      t
        .de('carte.retiree')
        .slice(avant)
        .find((e) => e.jetonId === id),
    );
    expect(retrait.sessionFermee).toBe(true);
    expect(t.de('carte.etatModifie').at(-1)).toMatchObject({ raison: 'retrait', etat: { session: null } });
    expect(injection.appels.some((a) => a.methode === 'C_CloseSession')).toBe(true);
    await expect(
      t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin }),
    ).rejects.toMatchObject({ code: 'carte_absente' });
    const inseresAvant = t.de('carte.inseree').length;
    injection.inserer(OFFICIER);
    await attendre(() =>
      t
        .de('carte.inseree')
        .slice(inseresAvant)
        .find((e) => e.jetonId === id),
    );
    const etat = await t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin });
    expect(etat.session?.jetonId).toBe(id);
  });

  it('carte retirée en plein lot : ce qui est signé le reste, le reste attend, rien n’est signé deux fois', async () => {
    const id = await t.jetonId(OFFICIER);
    await t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin });
    const { ids } = await t.appeler('signature.ajouter', {
      documents: [1, 2, 3, 4, 5].map((n) => ({
        reference: `retrait:${n}`,
        nature: 'reponse' as const,
        xml: reponseXml(100 + n),
      })),
    });
    injection.retirerApres('C_SignAsync', 2, OFFICIER);
    const rapport = await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin });
    expect(rapport).toMatchObject({
      total: 5,
      signes: 2,
      echecs: 0,
      enAttente: 3,
      interrompu: true,
      erreur: { code: 'carte_retiree' },
    });
    const etats = await Promise.all(ids.map((id) => t.appeler('signature.lire', { id })));
    expect(etats.map((d) => d.etat)).toEqual(['signe', 'signe', 'a_signer', 'a_signer', 'a_signer']);
    const signesAvant = etats.slice(0, 2).map((d) => d.xmlSigne);
    for (const x of signesAvant) expect(verifierAvecXmlsec(x!, t.cartes.caFichier).ok).toBe(true);
    expect((await t.appeler('carte.etat', {})).session).toBeNull();

    injection.inserer(OFFICIER);
    await t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin });
    const signaturesAvant = injection.appels.filter((a) => a.methode === 'C_SignAsync' && a.code === null).length;
    const suite = await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin });
    expect(suite).toMatchObject({ total: 3, signes: 3, enAttente: 0, interrompu: false });
    expect(
      injection.appels.filter((a) => a.methode === 'C_SignAsync' && a.code === null).length - signaturesAvant,
    ).toBe(3);
    const apres = await Promise.all(ids.map((id) => t.appeler('signature.lire', { id })));
    expect(apres.every((d) => d.etat === 'signe')).toBe(true);
    for (const d of apres.slice(2)) expect(verifierAvecXmlsec(d.xmlSigne!, t.cartes.caFichier).ok).toBe(true);
    expect(apres.slice(0, 2).map((d) => d.xmlSigne)).toEqual(signesAvant);
  });
});

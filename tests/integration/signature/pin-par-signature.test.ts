import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pkcs11js } from '../../../electron/signature/liaison';
import { listerLecteurs } from '../../../electron/signature/jetons';
import { SessionCarte } from '../../../electron/signature/session-carte';
import { CodePin } from '../../../electron/signature/pin';
import { analyserCertificat } from '../../../electron/signature/certificats';
import { chargerBibliotheque } from '../../../electron/signature/liaison';
import { InjectionPkcs11 } from '../../fixtures/cartes/injection';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';
import { appAvecCartes, RACINE_REPONSE, reponseXml, type AppCartes } from './outils';

/**
 * The card decides how often the PIN is asked. OFFICIER-0001's signature key signs a batch after
 * one login; OFFICIER-QS-0005's key carries CKA_ALWAYS_AUTHENTICATE: every C_Sign needs a
 * C_Login(CKU_CONTEXT_SPECIFIC) with a PIN typed for it. SoftHSM2 enforces that login
 * (CKR_USER_NOT_LOGGED_IN without it) but never counts tries down and has no PIN pad: those
 * paths go through the wrapper that injects return codes at the binding (the rest is the real
 * SoftHSM2 token).
 */
const injection = new InjectionPkcs11().installer();
let t: AppCartes;
const SIMPLE = 'OFFICIER-0001';
const QS = 'OFFICIER-QS-0005';
let numero = 500;

beforeAll(async () => {
  t = await appAvecCartes({ seulement: ['officier', 'officierQs'] });
});
afterEach(async () => {
  injection.reinitialiser();
  await t.appeler('carte.deconnecter', {});
});
afterAll(() => {
  t?.detruire();
  injection.desinstaller();
});

const pinQs = () => t.cartes.cartes.officierQs!.pin;
const loginsContexte = () =>
  injection.appels.filter((a) => a.methode === 'C_Login' && a.utilisateur === pkcs11js.CKU_CONTEXT_SPECIFIC);
const loginsUtilisateur = () =>
  injection.appels.filter((a) => a.methode === 'C_Login' && a.utilisateur === pkcs11js.CKU_USER);

async function ouvrir(label: string, pin: string) {
  const jetonId = await t.jetonId(label);
  const etat = await t.appeler('carte.connecter', { jetonId, pin });
  const empreinte = etat.session!.certificats.find((c) => c.usage === 'signature')!.empreinte;
  return { jetonId, etat, empreinte };
}

async function documents(n: number, prefixe: string): Promise<number[]> {
  const { ids } = await t.appeler('signature.ajouter', {
    documents: Array.from({ length: n }, () => {
      numero++;
      return { reference: `${prefixe}:${numero}`, nature: 'reponse' as const, xml: reponseXml(numero) };
    }),
  });
  return ids;
}

async function etats(ids: number[]) {
  return (await Promise.all(ids.map((id) => t.appeler('signature.lire', { id })))).map((d) => d.etat);
}

async function etatPin(label: string) {
  const etat = await t.appeler('carte.etat', {});
  return etat.lecteurs.find((l) => l.carte?.label === label)!.carte!.etatPin;
}

describe('la carte décide combien de fois le PIN est demandé', () => {
  it('la session dit si la clé de signature demande le PIN à chaque signature, et si le lecteur a un clavier', async () => {
    expect((await ouvrir(SIMPLE, t.cartes.cartes.officier.pin)).etat.session).toMatchObject({
      pinParSignature: false,
      lecteurAClavier: false,
    });
    expect((await ouvrir(QS, pinQs())).etat.session).toMatchObject({
      pinParSignature: true,
      lecteurAClavier: false,
      certificats: expect.arrayContaining([expect.objectContaining({ usage: 'signature', titulaire: 'Claire ROUX' })]),
    });
  });

  it('carte simple : trois documents d’une seule saisie, le PIN du lot vérifié par la carte une fois', async () => {
    const { empreinte } = await ouvrir(SIMPLE, t.cartes.cartes.officier.pin);
    const ids = await documents(3, 'simple');
    injection.appels.length = 0;
    const rapport = await t.appeler('signature.signerLot', {
      ids,
      pin: t.cartes.cartes.officier.pin,
      certificatAttendu: empreinte,
    });
    expect(rapport).toMatchObject({ total: 3, signes: 3, enAttente: 0, interrompu: false });
    expect(loginsUtilisateur()).toHaveLength(1);
    expect(loginsContexte()).toEqual([]);
    for (const id of ids)
      expect(verifierAvecXmlsec((await t.appeler('signature.lire', { id })).xmlSigne!, t.cartes.caFichier).ok).toBe(
        true,
      );
  });

  it('carte simple : un PIN de lot faux arrête tout, n’est présenté qu’une fois et ferme la session', async () => {
    await ouvrir(SIMPLE, t.cartes.cartes.officier.pin);
    const ids = await documents(3, 'simple-faux');
    injection.appels.length = 0;
    await expect(t.appeler('signature.signerLot', { ids, pin: '000000' })).rejects.toMatchObject({
      code: 'pin_incorrect',
    });
    expect(loginsUtilisateur()).toHaveLength(1);
    expect(await etats(ids)).toEqual(['a_signer', 'a_signer', 'a_signer']);
    // the card logged the session out: the holder opens it again with the right PIN
    expect((await t.appeler('carte.etat', {})).session).toBeNull();
  });

  it('carte qualifiée : un PIN par signature, chaque appel signe un document, le reste attend', async () => {
    const { empreinte } = await ouvrir(QS, pinQs());
    const ids = await documents(3, 'qs');
    injection.appels.length = 0;
    const restes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.appeler('signature.signerLot', { ids, pin: pinQs(), certificatAttendu: empreinte });
      expect(r).toMatchObject({ total: 1, signes: 1, interrompu: false });
      restes.push(r.enAttente);
    }
    expect(restes).toEqual([2, 1, 0]);
    // one context-specific login per signature, and no login of the session itself
    expect(loginsContexte()).toHaveLength(3);
    expect(loginsUtilisateur()).toEqual([]);
    for (const id of ids) {
      const xml = (await t.appeler('signature.lire', { id })).xmlSigne!;
      expect(verifierAvecXmlsec(xml, t.cartes.caFichier).ok).toBe(true);
      expect(await t.appeler('signature.verifier', { xml, racineAttendue: RACINE_REPONSE })).toMatchObject({
        valide: true,
        signataire: { titulaire: 'Claire ROUX' },
      });
    }
  });

  it('carte qualifiée : sans son PIN, une signature est refusée (erreur typée) ; SoftHSM2 l’exige aussi', async () => {
    await ouvrir(QS, pinQs());
    const ids = await documents(1, 'qs-sans');
    await expect(t.appeler('signature.signerLot', { ids })).rejects.toMatchObject({
      code: 'pin_requis',
      message: expect.stringMatching(/à chaque signature/),
    });
    expect(await etats(ids)).toEqual(['a_signer']);

    // The card itself: C_Sign without the context-specific login is refused (CKR_USER_NOT_LOGGED_IN).
    const { liaison } = chargerBibliotheque(t.cartes.bibliotheque);
    const jeton = listerLecteurs(liaison, t.cartes.bibliotheque).find((l) => l.carte?.label === QS)!.carte!;
    const brute = liaison.C_OpenSession(jeton.slot, pkcs11js.CKF_SERIAL_SESSION);
    try {
      liaison.C_FindObjectsInit(brute, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_LABEL, value: 'Signature' },
      ]);
      const [cle] = liaison.C_FindObjects(brute, 1);
      liaison.C_FindObjectsFinal(brute);
      liaison.C_SignInit(brute, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, cle);
      expect(() => liaison.C_Sign(brute, Buffer.from('x'), Buffer.alloc(256))).toThrow(
        expect.objectContaining({ code: pkcs11js.CKR_USER_NOT_LOGGED_IN }),
      );
    } finally {
      liaison.C_CloseSession(brute);
    }
  });

  it('carte qualifiée : le PIN d’une signature est effacé après son seul usage, jamais gardé pour la suivante', async () => {
    await ouvrir(QS, pinQs());
    const { liaison } = chargerBibliotheque(t.cartes.bibliotheque);
    const jeton = listerLecteurs(liaison, t.cartes.bibliotheque).find((l) => l.carte?.label === QS)!.carte!;
    const session = SessionCarte.ouvrir(liaison, jeton);
    try {
      const sig = session.certificats().find((c) => analyserCertificat(c.der).usage === 'signature')!;
      const cle = session.cle(sig.id!);
      const pin = CodePin.depuisTexte(pinQs());
      expect((await session.signer(cle, Buffer.from('une'), pin)).length).toBe(256);
      expect(pin.efface).toBe(true);
      await expect(session.signer(cle, Buffer.from('deux'), pin)).rejects.toMatchObject({ code: 'pin_requis' });
    } finally {
      session.fermer();
    }
  });

  it('carte qualifiée : le premier PIN faux arrête le lot sans être rejoué ; ce qui est signé le reste', async () => {
    const { empreinte } = await ouvrir(QS, pinQs());
    const ids = await documents(3, 'qs-faux');
    expect(await t.appeler('signature.signerLot', { ids, pin: pinQs(), certificatAttendu: empreinte })).toMatchObject({
      signes: 1,
      enAttente: 2,
    });
    injection.appels.length = 0;
    await expect(
      t.appeler('signature.signerLot', { ids, pin: '000000', certificatAttendu: empreinte }),
    ).rejects.toMatchObject({ code: 'pin_incorrect' });
    expect(loginsContexte()).toHaveLength(1);
    expect(injection.appels.filter((a) => a.methode === 'C_SignAsync')).toEqual([]);
    // SoftHSM2 counts nothing down but flags the low count: shown before the next entry
    expect(await etatPin(QS)).toBe('essais_bas');
    expect(await etats(ids)).toEqual(['signe', 'a_signer', 'a_signer']);
    // the session stays open: the next document takes its own, right PIN
    expect(await t.appeler('signature.signerLot', { ids, pin: pinQs(), certificatAttendu: empreinte })).toMatchObject({
      signes: 1,
      enAttente: 1,
    });
  });

  it('essais restants connus avant la première saisie ; le dernier essai est dit dans l’erreur (injecté)', async () => {
    const { empreinte } = await ouvrir(QS, pinQs());
    injection.drapeaux(QS, pkcs11js.CKF_USER_PIN_FINAL_TRY | pkcs11js.CKF_USER_PIN_COUNT_LOW);
    expect(await etatPin(QS)).toBe('dernier_essai');
    const ids = await documents(2, 'qs-dernier');
    await expect(
      t.appeler('signature.signerLot', { ids, pin: '000000', certificatAttendu: empreinte }),
    ).rejects.toMatchObject({ code: 'pin_incorrect', details: { essaisRestants: 1, dernierEssai: true } });
    expect(await etats(ids)).toEqual(['a_signer', 'a_signer']);
  });

  it('carte retirée en plein lot : « carte retirée », jamais compté comme un PIN faux', async () => {
    const { jetonId, empreinte } = await ouvrir(QS, pinQs());
    const avant = await etatPin(QS);
    const ids = await documents(3, 'qs-retrait');
    expect(await t.appeler('signature.signerLot', { ids, pin: pinQs(), certificatAttendu: empreinte })).toMatchObject({
      signes: 1,
    });
    // pulled out while the reader takes the next PIN: the PIN never reaches the card
    injection.retirerApres('C_Login', 0, QS);
    injection.appels.length = 0;
    await expect(
      t.appeler('signature.signerLot', { ids, pin: pinQs(), certificatAttendu: empreinte }),
    ).rejects.toMatchObject({ code: 'carte_retiree' });
    expect(injection.appels.filter((a) => a.methode === 'C_Login').map((a) => a.code)).toEqual([
      pkcs11js.CKR_DEVICE_REMOVED,
    ]);
    expect(await etats(ids)).toEqual(['signe', 'a_signer', 'a_signer']);
    expect((await t.appeler('carte.etat', {})).session).toBeNull();
    injection.inserer(QS);
    expect(await etatPin(QS)).toBe(avant);
    await t.appeler('carte.connecter', { jetonId, pin: pinQs() });
    expect(await t.appeler('signature.signerLot', { ids, pin: pinQs(), certificatAttendu: empreinte })).toMatchObject({
      signes: 1,
      enAttente: 1,
    });
  });

  it('la carte ou le certificat ne change pas pendant un lot : une autre carte est refusée (erreur typée)', async () => {
    const { empreinte } = await ouvrir(QS, pinQs());
    const ids = await documents(2, 'qs-change');
    await t.appeler('signature.signerLot', { ids, pin: pinQs(), certificatAttendu: empreinte });
    await t.appeler('carte.deconnecter', {});
    await ouvrir(SIMPLE, t.cartes.cartes.officier.pin);
    injection.appels.length = 0;
    await expect(
      t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin, certificatAttendu: empreinte }),
    ).rejects.toMatchObject({
      code: 'carte_changee_pendant_lot',
      message: expect.stringMatching(/a changé pendant le lot/),
    });
    // refused before any PIN reaches the card
    expect(injection.appels.filter((a) => a.methode === 'C_Login')).toEqual([]);
    expect(await etats(ids)).toEqual(['signe', 'a_signer']);
  });

  it('lecteur à clavier (injecté, SoftHSM2 n’en a pas) : le lot va d’un trait, le lecteur demande le PIN à chaque signature', async () => {
    injection.clavierLecteur(QS, pinQs());
    const jetonId = await t.jetonId(QS);
    const etat = await t.appeler('carte.connecter', { jetonId });
    expect(etat.session).toMatchObject({ pinParSignature: true, lecteurAClavier: true });
    const empreinte = etat.session!.certificats.find((c) => c.usage === 'signature')!.empreinte;
    const ids = await documents(3, 'qs-clavier');
    injection.appels.length = 0;
    expect(await t.appeler('signature.signerLot', { ids, certificatAttendu: empreinte })).toMatchObject({
      total: 3,
      signes: 3,
      enAttente: 0,
    });
    expect(loginsContexte()).toHaveLength(3);
    expect(await etats(ids)).toEqual(['signe', 'signe', 'signe']);
  });
});

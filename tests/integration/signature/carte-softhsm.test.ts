import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';
import { appAvecCartes, RACINE_REPONSE, reponseXml, type AppCartes } from './outils';

let t: AppCartes;
const journaux: string[] = [];

beforeAll(async () => {
  process.env.REGISTRE_JOURNAL = 'debug';
  const ecrire = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((morceau: string | Uint8Array, ...reste: unknown[]) => {
    journaux.push(String(morceau));
    return (ecrire as (...a: unknown[]) => boolean)(morceau, ...reste);
  });
  t = await appAvecCartes();
});
afterAll(() => {
  t?.detruire();
  vi.restoreAllMocks();
  delete process.env.REGISTRE_JOURNAL;
});

describe('carte agent sur jetons SoftHSM2 (par le contrat)', () => {
  it('liste les lecteurs et les cartes de la bibliothèque réglée', async () => {
    const etat = await t.appeler('carte.etat', {});
    expect(etat.bibliotheques).toEqual([
      expect.objectContaining({ chemin: t.cartes.bibliotheque, chargee: true, source: 'parametre' }),
    ]);
    const labels = etat.lecteurs
      .map((l) => l.carte?.label)
      .filter(Boolean)
      .sort();
    expect(labels).toEqual(['AGENT-0002', 'EXPIREE-0003', 'OFFICIER-0001', 'OFFICIER-EC-0004']);
    const officier = etat.lecteurs.find((l) => l.carte?.label === 'OFFICIER-0001')!.carte!;
    expect(officier).toMatchObject({ pinRequis: true, cheminProtege: false, etatPin: 'normal', nature: 'carte' });
    expect(etat.session).toBeNull();
    // starting with cards already inserted announces them
    expect(
      t
        .de('carte.inseree')
        .map((e) => e.label)
        .sort(),
    ).toEqual(labels);
  });

  it('PIN faux : erreur typée, jamais de PIN dans l’erreur ni les journaux ; PIN trop court : refusé avant la carte', async () => {
    const id = await t.jetonId('OFFICIER-0001');
    await expect(t.appeler('carte.connecter', { jetonId: id, pin: '918273' })).rejects.toMatchObject({
      code: 'pin_incorrect',
    });
    try {
      await t.appeler('carte.connecter', { jetonId: id, pin: '918273' });
    } catch (e) {
      expect(JSON.stringify(e)).not.toContain('918273');
      expect((e as Error).message).not.toContain('918273');
    }
    // SoftHSM2 sets CKF_USER_PIN_COUNT_LOW after a wrong PIN: the panel shows it
    const etat = await t.appeler('carte.etat', {});
    expect(etat.lecteurs.find((l) => l.carte?.id === id)!.carte!.etatPin).toBe('essais_bas');
    await expect(t.appeler('carte.connecter', { jetonId: id, pin: '12' })).rejects.toMatchObject({
      code: 'pin_longueur',
    });
  });

  it('connexion : certificats lus, triés par usage, titulaire, validité ; la carte peut signer', async () => {
    const id = await t.jetonId('OFFICIER-0001');
    const etat = await t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officier.pin });
    const s = etat.session!;
    expect(s.jetonId).toBe(id);
    expect(s.certificats.map((c) => c.usage).sort()).toEqual(['authentification', 'autorite', 'signature']);
    const sig = s.certificats.find((c) => c.usage === 'signature')!;
    expect(sig).toMatchObject({
      titulaire: 'Jeanne MARTIN',
      organisation: 'MAIRIE-81-AUSSILLON',
      uniteOrganisation: '81021',
      validite: 'valide',
    });
    expect(s.peutSigner).toBe(true);
    expect(s.avertissements).toEqual([]);
    expect(t.de('carte.etatModifie').some((e) => e.raison === 'connexion')).toBe(true);
  });

  it('signe un lot avec une seule saisie du PIN ; xmlsec1 et notre vérificateur acceptent chaque signature', async () => {
    const { ids } = await t.appeler('signature.ajouter', {
      documents: [1, 2, 3].map((n) => ({ reference: `reponse:${n}`, nature: 'reponse' as const, xml: reponseXml(n) })),
    });
    const rapport = await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin });
    expect(rapport).toMatchObject({ total: 3, signes: 3, echecs: 0, enAttente: 0, interrompu: false, erreur: null });
    expect(t.de('signature.progression').map((p) => p.faits)).toEqual([1, 2, 3]);
    for (const id of ids) {
      const doc = await t.appeler('signature.lire', { id });
      expect(doc.etat).toBe('signe');
      const xml = doc.xmlSigne!;
      expect(xml).toContain('SigningCertificateV2');
      expect(xml).toContain('xml-exc-c14n');
      expect(verifierAvecXmlsec(xml, t.cartes.caFichier)).toMatchObject({ ok: true });
      const v = await t.appeler('signature.verifier', { xml, racineAttendue: RACINE_REPONSE });
      expect(v).toMatchObject({
        valide: true,
        nature: 'carte',
        signataire: { titulaire: 'Jeanne MARTIN', usage: 'signature' },
      });
    }
    // signing again signs nothing twice
    const encore = await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin });
    expect(encore).toMatchObject({ total: 0, signes: 0 });
  });

  it('le lot peut être arrêté : ce qui est signé le reste, le reste attend ; la session ne se ferme pas pendant le lot', async () => {
    const { ids } = await t.appeler('signature.ajouter', {
      documents: [1, 2, 3, 4, 5, 6].map((n) => ({
        reference: `arret:${n}`,
        nature: 'reponse' as const,
        xml: reponseXml(60 + n),
      })),
    });
    const refus: Promise<unknown>[] = [];
    const debrancher = t.app.bus.abonner((nom) => {
      if (nom !== 'signature.progression' || refus.length) return;
      refus.push(t.appeler('carte.deconnecter', {}).catch((e) => e));
      void t.app.repartir('signature.arreterLot', {});
    });
    const rapport = await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin });
    debrancher();
    expect(rapport).toMatchObject({
      total: 6,
      signes: 1,
      interrompu: true,
      enAttente: 5,
      erreur: { code: 'operation_annulee' },
    });
    expect(await refus[0]).toMatchObject({ code: 'conflit' });
    const etat = await t.appeler('carte.etat', {});
    expect(etat).toMatchObject({ signatureEnCours: false, session: { peutSigner: true } });
    expect(
      verifierAvecXmlsec((await t.appeler('signature.lire', { id: ids[0] })).xmlSigne!, t.cartes.caFichier).ok,
    ).toBe(true);
    expect(await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officier.pin })).toMatchObject({
      signes: 5,
    });
    for (const id of ids.slice(1)) {
      expect(verifierAvecXmlsec((await t.appeler('signature.lire', { id })).xmlSigne!, t.cartes.caFichier).ok).toBe(
        true,
      );
    }
  });

  it('toute altération des données ou de l’heure de signature fait échouer xmlsec1 et notre vérificateur', async () => {
    const [doc] = await t.appeler('signature.lister', { etat: 'signe', limite: 1 });
    const xml = (await t.appeler('signature.lire', { id: doc.id })).xmlSigne!;
    const alterations = {
      donnees: xml.replace('<rep:Nom>DUPONT</rep:Nom>', '<rep:Nom>DURAND</rep:Nom>'),
      heure: xml.replace(/<xades:SigningTime>(\d{4})/, (_m, a: string) => `<xades:SigningTime>${Number(a) - 1}`),
    };
    for (const [quoi, altere] of Object.entries(alterations)) {
      expect(altere, quoi).not.toBe(xml);
      expect(verifierAvecXmlsec(altere, t.cartes.caFichier).ok, quoi).toBe(false);
      const v = await t.appeler('signature.verifier', { xml: altere, racineAttendue: RACINE_REPONSE });
      expect(v.valide, quoi).toBe(false);
      expect(v.raison, quoi).toMatch(quoi === 'donnees' ? /contenu du document a été modifié/ : /propriétés signées/);
    }
  });

  it('carte ECDSA : signature ecdsa-sha256 acceptée par xmlsec1', async () => {
    const id = await t.jetonId('OFFICIER-EC-0004');
    await t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.officierEc.pin });
    const { ids } = await t.appeler('signature.ajouter', {
      documents: [{ reference: 'reponse:ec', nature: 'reponse', xml: reponseXml(40) }],
    });
    await t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.officierEc.pin });
    const xml = (await t.appeler('signature.lire', { id: ids[0] })).xmlSigne!;
    expect(xml).toContain('ecdsa-sha256');
    expect(verifierAvecXmlsec(xml, t.cartes.caFichier).ok).toBe(true);
    expect((await t.appeler('signature.verifier', { xml, racineAttendue: RACINE_REPONSE })).valide).toBe(true);
  });

  it('agent sans délégation : connecté, mais ne peut pas signer', async () => {
    const id = await t.jetonId('AGENT-0002');
    const etat = await t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.agent.pin });
    expect(etat.session).toMatchObject({
      peutSigner: false,
      raisonSansSignature: expect.stringMatching(/pas de certificat de signature/),
    });
    const { ids } = await t.appeler('signature.ajouter', {
      documents: [{ reference: 'reponse:agent', nature: 'reponse', xml: reponseXml(50) }],
    });
    await expect(t.appeler('signature.signerLot', { ids, pin: t.cartes.cartes.agent.pin })).rejects.toMatchObject({
      code: 'droits_insuffisants',
    });
    expect((await t.appeler('signature.lire', { id: ids[0] })).etat).toBe('a_signer');
  });

  it('carte expirée : refusée avant que le PIN soit demandé ou présenté', async () => {
    const id = await t.jetonId('EXPIREE-0003');
    // Known from the public certificates: the screen says it next to the card, before any PIN.
    const etat = await t.appeler('carte.etat', {});
    const vues = etat.lecteurs.flatMap((l) => (l.carte ? [l.carte] : []));
    expect(vues.find((c) => c.id === id)!.refus).toMatch(/a expiré le/);
    expect(vues.filter((c) => c.id !== id).every((c) => c.refus === null)).toBe(true);
    // Even a wrong PIN gets the expiry, not a PIN error: the PIN never reached the card.
    await expect(t.appeler('carte.connecter', { jetonId: id, pin: '0000' })).rejects.toMatchObject({
      code: 'certificat_invalide',
    });
    await expect(t.appeler('carte.connecter', { jetonId: id, pin: t.cartes.cartes.expiree.pin })).rejects.toMatchObject(
      {
        code: 'certificat_invalide',
        message: expect.stringMatching(/a expiré le/),
      },
    );
    expect((await t.appeler('carte.etat', {})).session).toBeNull();
  });

  it('change le PIN (C_SetPIN) et le débloque avec le code de déblocage (C_InitPIN en session SO)', async () => {
    const id = await t.jetonId('AGENT-0002');
    const { pin, soPin } = t.cartes.cartes.agent;
    await expect(
      t.appeler('carte.changerPin', { jetonId: id, ancienPin: '0000', nouveauPin: '5555' }),
    ).rejects.toMatchObject({ code: 'pin_incorrect' });
    await expect(
      t.appeler('carte.changerPin', { jetonId: id, ancienPin: pin, nouveauPin: '55' }),
    ).rejects.toMatchObject({ code: 'pin_longueur' });
    await t.appeler('carte.changerPin', { jetonId: id, ancienPin: pin, nouveauPin: '5555' });
    await expect(t.appeler('carte.connecter', { jetonId: id, pin })).rejects.toMatchObject({ code: 'pin_incorrect' });
    await t.appeler('carte.connecter', { jetonId: id, pin: '5555' });
    // A wrong PUK is said to be the unblocking code, not the PIN.
    const puk = await t
      .appeler('carte.debloquerPin', { jetonId: id, codeDeblocage: '99999999', nouveauPin: '6666' })
      .catch((e: unknown) => e);
    expect(puk).toMatchObject({ code: 'code_deblocage_incorrect' });
    expect((puk as Error).message).toMatch(
      /^Code de déblocage incorrect\. (Il reste \d essais|Le nombre d’essais restants est limité)\.$/,
    );
    await t.appeler('carte.debloquerPin', { jetonId: id, codeDeblocage: soPin, nouveauPin: '6666' });
    // unblocking needs the card to itself: the session was ended
    expect((await t.appeler('carte.etat', {})).session).toBeNull();
    await t.appeler('carte.connecter', { jetonId: id, pin: '6666' });
    await t.appeler('carte.deconnecter', {});
  });

  it('aucun PIN, PUK ni nouveau PIN de ces essais dans les journaux', () => {
    const tout = journaux.join('');
    expect(tout.length).toBeGreaterThan(0);
    for (const secret of [
      t.cartes.cartes.officier.pin,
      '918273',
      t.cartes.cartes.agent.soPin,
      '5555',
      '6666',
      '99999999',
    ]) {
      expect(tout).not.toContain(secret);
    }
  });
});

import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lireDemande } from '../../../electron/comedec/format';
import { CarteFormation } from '../../../electron/signature/formation';
import { CodePin } from '../../../electron/signature/pin';
import { SignateurXades } from '../../../electron/signature/xades-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyserCertificat } from '../../../electron/signature/certificats';
import { emettreCarteFormation } from '../../../electron/signature/formation-emission';
import { demarrerPlateformeFormation } from '../../../sandbox';
import { creerRacine, emettreCertificat } from '../../fixtures/cartes/autorite';
import {
  boite,
  demandeVue,
  deposer,
  envoyer,
  identiteCarte,
  monterBanc,
  pem,
  reponsePour,
  sessionAvec,
  tenterSession,
  type Banc,
  type Identite,
} from './outils';

/** A training card's authentication identity (software key, training CA, training policy). */
async function identiteFormation(): Promise<{ id: Identite; caPem: string; certificatsPem: string[] }> {
  const e = await emettreCarteFormation(
    { prenom: 'Alice', nom: 'ESSAI', libelleCommune: 'MAIRIE-81-AUSSILLON', codeInsee: '81021' },
    new Date(),
  );
  const cle = await webcrypto.subtle.importKey(
    'pkcs8',
    e.authentification.pkcs8,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const certificat = analyserCertificat(new Uint8Array(e.authentification.certificat.rawData));
  return {
    id: {
      certificat,
      chaine: [],
      signer: async (d) => new Uint8Array(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', cle, d)),
    },
    caPem: e.ca.toString('pem'),
    certificatsPem: [e.authentification.certificat.toString('pem'), e.signature.certificat.toString('pem')],
  };
}

describe('plateforme bac à sable : authentification par la carte agent (SoftHSM2)', () => {
  let b: Banc;
  beforeAll(async () => {
    b = await monterBanc('sandbox-auth');
  });
  afterAll(async () => {
    await b?.arreter();
  });

  it('GET /v1/etat : versions 2 et 1, délais, pas en formation', async () => {
    const r = await envoyer(b.p.url, '/v1/etat');
    expect(r.statut).toBe(200);
    expect(r.json).toMatchObject({
      formation: false,
      versionsFormat: [2, 1],
      versionCourante: 2,
      delais: { reponseJours: 20, purgeJours: 23 },
    });
  });

  it('carte d’officier : défi signé avec la clé d’authentification de la carte -> session de sa commune', async () => {
    const r = await tenterSession(b.p.url, identiteCarte(b.ouvertes.officier!));
    expect(r.statut).toBe(200);
    expect(r.json).toMatchObject({
      commune: { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' },
      agent: { nom: 'Jeanne MARTIN', delegation: true },
    });
    const jeton = (r.json as { jeton: string }).jeton;
    expect((await envoyer(b.p.url, '/v1/boite/demandes', { jeton })).statut).toBe(200);
  });

  it('carte EC (P-256, signature r||s) : session ouverte', async () => {
    const r = await tenterSession(b.p.url, identiteCarte(b.ouvertes.officierEc!));
    expect(r.statut).toBe(200);
    expect(r.json).toMatchObject({ commune: { codeInsee: '81004' } });
  });

  it('agent sans délégation : peut ouvrir une session et consulter la boîte', async () => {
    const r = await tenterSession(b.p.url, identiteCarte(b.ouvertes.agent!));
    expect(r.statut).toBe(200);
    expect(r.json).toMatchObject({ agent: { nom: 'Paul DURAND', delegation: false } });
    expect(await boite(b, (r.json as { jeton: string }).jeton)).toEqual([]);
  });

  it('carte expirée : refusée (certificat_invalide, « expiré »)', async () => {
    const r = await tenterSession(b.p.url, identiteCarte(b.ouvertes.expiree!));
    expect(r.statut).toBe(401);
    expect(r.motif).toBe('certificat_invalide');
    expect(r.message).toContain('expiré');
  });

  it('signature du défi sur d’autres données : signature_invalide', async () => {
    const r = await tenterSession(b.p.url, identiteCarte(b.ouvertes.officier!), (d) => `${d}x`);
    expect(r.motif).toBe('signature_invalide');
  });

  it('défi rejoué : defi_invalide', async () => {
    const id = identiteCarte(b.ouvertes.officier!);
    const { defi } = (await (await fetch(`${b.p.url}/v1/session/defi`, { method: 'POST' })).json()) as { defi: string };
    const sig = Buffer.from(
      await id.signer(new TextEncoder().encode(`registre-comedec-authentification:${defi}`)),
    ).toString('base64');
    const corps = { defi, certificat: pem(id.certificat), chaine: id.chaine.map(pem), signature: sig };
    expect((await envoyer(b.p.url, '/v1/session', { json: corps })).statut).toBe(200);
    const rejeu = await envoyer(b.p.url, '/v1/session', { json: corps });
    expect(rejeu.motif).toBe('defi_invalide');
  });

  it('défi expiré (plus de 2 minutes) : defi_invalide', async () => {
    const id = identiteCarte(b.ouvertes.officier!);
    const { defi } = (await (await fetch(`${b.p.url}/v1/session/defi`, { method: 'POST' })).json()) as { defi: string };
    b.horloge.avancer(3 * 60 * 1000);
    const sig = Buffer.from(
      await id.signer(new TextEncoder().encode(`registre-comedec-authentification:${defi}`)),
    ).toString('base64');
    const r = await envoyer(b.p.url, '/v1/session', { json: { defi, certificat: pem(id.certificat), signature: sig } });
    expect(r.motif).toBe('defi_invalide');
  });

  it('carte émise par une autre autorité : certificat_invalide', async () => {
    const maintenant = new Date();
    const racine = await creerRacine('CN=Autre AC, O=Ailleurs, C=FR', maintenant);
    const cles = (await webcrypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', cles.publicKey));
    const cert = await emettreCertificat(racine, {
      spki,
      sujet: 'CN=Intrus, OU=81021, O=MAIRIE-81-AUSSILLON, C=FR',
      usage: 'authentification',
      notBefore: new Date(maintenant.getTime() - 86400000),
      notAfter: new Date(maintenant.getTime() + 86400000 * 30),
    });
    const id: Identite = {
      certificat: analyserCertificat(new Uint8Array(cert.rawData)),
      chaine: [analyserCertificat(new Uint8Array(racine.certificat.rawData))],
      signer: async (d) => new Uint8Array(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', cles.privateKey, d)),
    };
    const r = await tenterSession(b.p.url, id);
    expect(r.motif).toBe('certificat_invalide');
    expect(r.message).toContain('liste de confiance');
  });

  it('carte de formation sur la plateforme normale : carte_de_formation', async () => {
    const f = await identiteFormation();
    const r = await tenterSession(b.p.url, f.id);
    expect(r.motif).toBe('carte_de_formation');
    expect(r.statut).toBe(403);
  });

  it('certificat valide mais inscrit dans aucune boîte : certificat_non_habilite', async () => {
    // The EC officer's card is removed from commune 81004's mailbox.
    await b.admin('POST', '/v1/admin/communes', { codeInsee: '81004', agents: [] });
    const r = await tenterSession(b.p.url, identiteCarte(b.ouvertes.officierEc!));
    expect(r.motif).toBe('certificat_non_habilite');
    const o = b.ouvertes.officierEc!;
    await b.admin('POST', '/v1/admin/communes', {
      codeInsee: '81004',
      agents: [{ nom: 'Marc PETIT', delegation: true, certificats: [pem(o.auth.analyse), pem(o.signature!.analyse)] }],
    });
  });

  it('sans jeton, jeton inconnu, jeton expiré (15 minutes)', async () => {
    expect((await envoyer(b.p.url, '/v1/boite/demandes')).motif).toBe('authentification_requise');
    expect((await envoyer(b.p.url, '/v1/boite/demandes', { jeton: 'x'.repeat(43) })).motif).toBe(
      'authentification_requise',
    );
    const jeton = await sessionAvec(b, 'officier');
    b.horloge.avancer(16 * 60 * 1000);
    const r = await envoyer(b.p.url, '/v1/boite/demandes', { jeton });
    expect(r.statut).toBe(401);
    expect(r.motif).toBe('session_expiree');
  });

  it('corps JSON illisible : requete_invalide ; adresse inconnue : introuvable', async () => {
    const r = await fetch(`${b.p.url}/v1/session`, {
      method: 'POST',
      body: '{pas du json',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('x-comedec-motif')).toBe('requete_invalide');
    expect((await envoyer(b.p.url, '/v1/nulle-part')).motif).toBe('introuvable');
  });

  it('administration : jeton d’administration exigé', async () => {
    const r = await envoyer(b.p.url, '/v1/admin/pannes', { jeton: 'a'.repeat(30) });
    expect(r.motif).toBe('authentification_requise');
  });

  it('plateforme de formation avec la carte de formation : formation: true, session, réponse signée acceptée ; vraie carte refusée', async () => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-formation-'));
    const carte = new CarteFormation(dossier);
    const pin = CodePin.depuisTexte('4321');
    const puk = CodePin.depuisTexte('87654321');
    await carte.creer(
      pin,
      puk,
      { prenom: 'Alice', nom: 'ESSAI', libelleCommune: 'MAIRIE-81-AUSSILLON', codeInsee: '81021' },
      new Date(),
    );
    const certificats = carte.certificats();
    const p = await demarrerPlateformeFormation({
      commune: { codeInsee: '81021' },
      carte: {
        titulaire: 'Alice ESSAI',
        certificatsPem: certificats.filter((c) => !c.autorite).map(pem),
        caPem: carte.caPem(),
      },
      demandes: 5,
      specimens: 2,
      graine: 3,
    });
    try {
      expect((await envoyer(p.url, '/v1/etat')).json).toMatchObject({ formation: true });
      const ouverte = await carte.ouvrir(CodePin.depuisTexte('4321'));
      const auth = certificats.find((c) => c.usage === 'authentification')!;
      const sig = certificats.find((c) => c.usage === 'signature')!;
      const cleAuth = ouverte.cles.get(auth.empreinte)!;
      const ok = await tenterSession(p.url, {
        certificat: auth,
        chaine: [],
        signer: async (d) => new Uint8Array(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', cleAuth, d)),
      });
      expect(ok.statut).toBe(200);
      const jeton = (ok.json as { jeton: string }).jeton;
      const liste = (await envoyer(p.url, '/v1/boite/demandes', { jeton })).json as {
        demandes: { id: string; specimen: boolean; xml: string }[];
      };
      expect(liste.demandes).toHaveLength(7);
      expect(liste.demandes.filter((d) => d.specimen)).toHaveLength(2);
      // The officer practises: answers a specimen request, signed with the training card.
      const specimen = liste.demandes.find((d) => d.specimen)!;
      const signateur = new SignateurXades({
        nature: 'formation',
        certificat: sig,
        chaine: [],
        cle: ouverte.cles.get(sig.empreinte)!,
      });
      const xml = await signateur.signer(reponsePour(lireDemande(specimen.xml)), { horodatage: new Date() });
      const r = await envoyer(p.url, `/v1/demandes/${specimen.id}/reponse`, { jeton, corps: xml, cle: 'formation-1' });
      expect(r.statut).toBe(201);
      // A training signature is refused by the normal platform, a real card by the training one.
      const jetonReel = await sessionAvec(b, 'officier');
      const id = await deposer(b);
      const signeeFormation = await signateur.signer(reponsePour(await demandeVue(b, jetonReel, id)), {
        horodatage: new Date(),
      });
      const refus = await envoyer(b.p.url, `/v1/demandes/${id}/reponse`, {
        jeton: jetonReel,
        corps: signeeFormation,
        cle: 'formation-ailleurs',
      });
      expect(refus.motif).toBe('carte_de_formation');
      const reelle = await tenterSession(p.url, identiteCarte(b.ouvertes.officier!));
      expect(reelle.motif).toBe('carte_reelle_en_formation');
    } finally {
      await p.arreter();
      pin.effacer();
      puk.effacer();
      fs.rmSync(dossier, { recursive: true, force: true });
    }
  });
});

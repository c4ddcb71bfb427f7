import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { construireDemande, lireAccuse, lireDemande } from '../../../electron/comedec/format';
import { analyserCertificat } from '../../../electron/signature/certificats';
import { SignateurXades } from '../../../electron/signature/xades-signer';
import { emettreCertificat } from '../../fixtures/cartes/autorite';
import {
  boite,
  demandeVue,
  deposer,
  envoyer,
  monterBanc,
  pem,
  reponsePour,
  sessionAvec,
  sha256,
  signer,
  type Banc,
} from './outils';

const JOUR = 24 * 3600 * 1000;

describe('plateforme bac à sable : boîte aux lettres et réponses signées (carte SoftHSM2)', () => {
  let b: Banc;
  let jeton: string;
  beforeAll(async () => {
    b = await monterBanc('sandbox-reponses');
    jeton = await sessionAvec(b, 'officier');
  });
  afterAll(async () => {
    await b?.arreter();
  });

  const poster = (id: string, corps: string | Uint8Array, cle?: string, j = jeton) =>
    envoyer(b.p.url, `/v1/demandes/${id}/reponse`, { jeton: j, corps, cle });

  it('boîte : demandes non acquittées listées (XML lisible, délais 20 / 23 jours), puis acquittées', async () => {
    const id1 = await deposer(b, 'interieur');
    const id2 = await deposer(b, 'notaire');
    const liste = await boite(b, jeton);
    const ids = liste.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([id1, id2]));
    const d = lireDemande(liste.find((e) => e.id === id1)!.xml);
    expect(d.version).toBe(2);
    expect(d.demandeur.type).toBe('interieur');
    const t = new Date(d.dates.miseADisposition).getTime();
    expect(new Date(d.dates.echeance).getTime() - t).toBe(20 * JOUR);
    expect(new Date(d.dates.purge).getTime() - t).toBe(23 * JOUR);
    const ack = await envoyer(b.p.url, '/v1/boite/acquittements', { jeton, json: { ids: [id1, 'DEM-INCONNUE'] } });
    expect(ack.json).toEqual({ acquittees: [id1], inconnues: ['DEM-INCONNUE'] });
    const apres = (await boite(b, jeton)).map((e) => e.id);
    expect(apres).not.toContain(id1);
    expect(apres).toContain(id2);
    // Acknowledging again changes nothing.
    expect((await envoyer(b.p.url, '/v1/boite/acquittements', { jeton, json: { ids: [id1] } })).json).toEqual({
      acquittees: [id1],
      inconnues: [],
    });
  });

  it('les demandes d’une autre commune ne sont ni listées ni acquittables', async () => {
    const autre = await deposer(b, 'notaire', '81004');
    expect((await boite(b, jeton)).map((e) => e.id)).not.toContain(autre);
    expect((await envoyer(b.p.url, '/v1/boite/acquittements', { jeton, json: { ids: [autre] } })).json).toEqual({
      acquittees: [],
      inconnues: [autre],
    });
  });

  it('réponse signée par l’officier délégué : 201 + accusé ; rejeu de la clé : 200 et le MÊME accusé', async () => {
    const id = await deposer(b, 'notaire');
    const xml = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, id)));
    const r = await poster(id, xml, 'cle-001');
    expect(r.statut).toBe(201);
    const accuse = lireAccuse(r.texte);
    expect(accuse).toMatchObject({
      objet: 'reponse',
      demandeId: id,
      cleIdempotence: 'cle-001',
      empreinte: sha256(xml),
    });
    b.horloge.avancer(60_000);
    const rejeu = await poster(id, xml, 'cle-001');
    expect(rejeu.statut).toBe(200);
    expect(rejeu.entetes.get('idempotent-replay')).toBe('true');
    expect(rejeu.texte).toBe(r.texte);
    // Same key, another document: refused. Another key for the same request: already answered.
    const autre = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, await deposer(b))));
    expect((await poster(id, autre, 'cle-001')).motif).toBe('cle_idempotence_reutilisee');
    const bis = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, id)));
    expect((await poster(id, bis, 'cle-002')).motif).toBe('deja_repondu');
  });

  it('versions 1 et 2 acceptées ; boîte en version 1 ; version inconnue refusée avec la version citée', async () => {
    await b.admin('POST', '/v1/admin/communes', { codeInsee: '81021', versionFormat: 1 });
    const id = await deposer(b, 'interieur');
    const e = (await boite(b, jeton)).find((x) => x.id === id)!;
    expect(e.version).toBe(1);
    expect(e.xml).toContain('urn:registre:comedec:1');
    const d = lireDemande(e.xml);
    const v1 = await signer(b, 'officier', reponsePour(d));
    expect(v1).toContain('urn:registre:comedec:1');
    expect((await poster(id, v1, 'v1-a')).statut).toBe(201);
    await b.admin('POST', '/v1/admin/communes', { codeInsee: '81021', versionFormat: 2 });

    const id3 = await deposer(b, 'interieur');
    const d3 = await demandeVue(b, jeton, id3);
    const v3 = reponsePour(d3)
      .replace('urn:registre:comedec:2', 'urn:registre:comedec:3')
      .replace('version="2"', 'version="3"');
    const r = await poster(id3, await signer(b, 'officier', v3), 'v3-a');
    expect(r.statut).toBe(400);
    expect(r.motif).toBe('version_inconnue');
    expect(r.message).toContain('« 3 »');
    expect((await poster(id3, await signer(b, 'officier', reponsePour(d3)), 'v2-a')).statut).toBe(201);
  });

  it('réponse portant sur une autre demande : mauvaise_demande ; demande inconnue : demande_inconnue', async () => {
    const a = await deposer(b);
    const c = await deposer(b);
    const xmlA = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, a)));
    const r = await poster(c, xmlA, 'mauvaise-1');
    expect(r.motif).toBe('mauvaise_demande');
    expect(r.message).toContain(a);
    const fantome = reponsePour({ ...(await demandeVue(b, jeton, a)), id: 'DEM-2099-99999999' });
    expect((await poster('DEM-2099-99999999', await signer(b, 'officier', fantome), 'fantome-1')).motif).toBe(
      'demande_inconnue',
    );
  });

  it('demande d’une autre commune : mauvaise_demande ; réponse qui se dit d’une autre commune : mauvaise_commune', async () => {
    const autre = await deposer(b, 'notaire', '81004');
    const vue = lireDemande(construireDemande({ ...b.p.plateforme.demandes.lire(autre)!.donnees, version: 2 }));
    expect((await poster(autre, await signer(b, 'officier', reponsePour(vue)), 'autre-commune-1')).motif).toBe(
      'mauvaise_demande',
    );
    const id = await deposer(b);
    const xml = reponsePour(await demandeVue(b, jeton, id), { codeInsee: '81004', libelle: 'MAIRIE-81-ALBI' });
    expect((await poster(id, await signer(b, 'officier', xml), 'se-dit-albi')).motif).toBe('mauvaise_commune');
  });

  it('signature fausse : document modifié après signature, document non signé', async () => {
    const id = await deposer(b);
    const xml = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, id)));
    const modifie = xml.replace('<nom>NDIAYE</nom>', '<nom>DUPONT</nom>');
    expect(modifie).not.toBe(xml);
    const r = await poster(id, modifie, 'modifie-1');
    expect(r.statut).toBe(422);
    expect(r.motif).toBe('signature_invalide');
    expect(r.message).toContain('modifié');
    expect((await poster(id, reponsePour(await demandeVue(b, jeton, id)), 'nue-1')).motif).toBe('signature_invalide');
    // The right document still goes through afterwards.
    expect((await poster(id, xml, 'bonne-1')).statut).toBe(201);
  });

  it('signée par l’officier d’une autre commune : certificat_non_habilite', async () => {
    const id = await deposer(b);
    const xml = await signer(b, 'officierEc', reponsePour(await demandeVue(b, jeton, id)));
    const r = await poster(id, xml, 'ec-1');
    expect(r.statut).toBe(403);
    expect(r.motif).toBe('certificat_non_habilite');
  });

  it('signée par un agent sans délégation (certificat de signature émis par l’AC agents) : officier_non_delegue', async () => {
    const ac = b.cartes.autorites.agents;
    const RSA = {
      name: 'RSASSA-PKCS1-v1_5',
      hash: 'SHA-256',
      publicExponent: new Uint8Array([1, 0, 1]),
      modulusLength: 2048,
    };
    const cles = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
    const maintenant = new Date();
    const cert = await emettreCertificat(ac, {
      spki: new Uint8Array(await webcrypto.subtle.exportKey('spki', cles.publicKey)),
      sujet: 'CN=Paul DURAND, SN=DURAND, G=Paul, OU=81021, O=MAIRIE-81-AUSSILLON, C=FR',
      usage: 'signature',
      notBefore: new Date(maintenant.getTime() - JOUR),
      notAfter: new Date(maintenant.getTime() + 365 * JOUR),
    });
    const analyse = analyserCertificat(new Uint8Array(cert.rawData));
    const agent = b.ouvertes.agent!;
    const officier = b.ouvertes.officier!;
    const expiree = b.ouvertes.expiree!;
    await b.admin('POST', '/v1/admin/communes', {
      codeInsee: '81021',
      agents: [
        {
          nom: 'Jeanne MARTIN',
          delegation: true,
          certificats: [pem(officier.auth.analyse), pem(officier.signature!.analyse)],
        },
        { nom: 'Paul DURAND', delegation: false, certificats: [pem(agent.auth.analyse), pem(analyse)] },
        {
          nom: 'Louise BERNARD',
          delegation: true,
          certificats: [pem(expiree.auth.analyse), pem(expiree.signature!.analyse)],
        },
      ],
    });
    const signateur = new SignateurXades({
      nature: 'carte',
      certificat: analyse,
      chaine: [analyserCertificat(new Uint8Array(ac.certificat.rawData))],
      cle: cles.privateKey,
    });
    // New agents list: their sessions end with the old list.
    jeton = await sessionAvec(b, 'officier');
    const id = await deposer(b);
    const xml = await signateur.signer(reponsePour(await demandeVue(b, jeton, id)), {
      horodatage: b.horloge.maintenant(),
    });
    // The agent's own session: an agent may consult, never sign.
    const jetonAgent = await sessionAvec(b, 'agent');
    const r = await poster(id, xml, 'agent-1', jetonAgent);
    expect(r.statut).toBe(403);
    expect(r.motif).toBe('officier_non_delegue');
  });

  it('carte expirée : sa signature est refusée', async () => {
    const id = await deposer(b);
    const xml = await signer(b, 'expiree', reponsePour(await demandeVue(b, jeton, id)));
    const r = await poster(id, xml, 'expiree-1');
    expect(['signature_invalide', 'certificat_invalide']).toContain(r.motif);
    expect(r.message).toMatch(/valide|expir/);
  });

  it('extrait envoyé à un notaire : forme_incorrecte', async () => {
    const id = await deposer(b, 'notaire');
    const d = await demandeVue(b, jeton, id);
    const xml = reponsePour({ ...d, demandeur: { ...d.demandeur, type: 'interieur' } });
    expect((await poster(id, await signer(b, 'officier', xml), 'forme-1')).motif).toBe('forme_incorrecte');
  });

  it('réponse négative acceptée', async () => {
    const id = await deposer(b, 'interieur');
    const d = await demandeVue(b, jeton, id);
    const xml = reponsePour(d, undefined, {
      resultat: { nature: 'negative', motif: 'acte_non_detenu', commentaire: null },
    });
    expect((await poster(id, await signer(b, 'officier', xml), 'neg-1')).statut).toBe(201);
    const stockees = await b.admin<{ reponses: { demandeId: string; nature: string }[] }>(
      'GET',
      '/v1/admin/communes/81021/reponses',
    );
    expect(stockees.reponses.find((x) => x.demandeId === id)?.nature).toBe('negative');
  });

  it('sans clé d’idempotence : requete_invalide', async () => {
    const id = await deposer(b);
    const xml = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, id)));
    expect((await poster(id, xml)).motif).toBe('requete_invalide');
  });

  it('délais : listée à 20 jours, purgée à 23 jours (horloge injectée) ; le rejeu d’avant la purge rend l’accusé original', async () => {
    const a = await deposer(b);
    const c = await deposer(b);
    const xmlA = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, a)));
    const xmlC = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, c)));
    const premier = await poster(a, xmlA, 'purge-a');
    expect(premier.statut).toBe(201);
    b.horloge.avancer(20 * JOUR + 3600_000);
    jeton = await sessionAvec(b, 'officier');
    expect((await boite(b, jeton)).map((e) => e.id)).toContain(c);
    b.horloge.avancer(3 * JOUR);
    jeton = await sessionAvec(b, 'officier');
    expect((await boite(b, jeton)).map((e) => e.id)).not.toContain(c);
    const tard = await poster(c, xmlC, 'purge-c');
    expect(tard.statut).toBe(410);
    expect(tard.motif).toBe('demande_purgee');
    const rejeu = await poster(a, xmlA, 'purge-a');
    expect(rejeu.statut).toBe(200);
    expect(rejeu.texte).toBe(premier.texte);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lireDemande } from '../../../electron/comedec/format';
import { boite, demandeVue, deposer, envoyer, monterBanc, reponsePour, sessionAvec, signer, type Banc } from './outils';

describe('plateforme bac à sable : injection de pannes', () => {
  let b: Banc;
  let jeton: string;
  beforeAll(async () => {
    b = await monterBanc('sandbox-pannes', {}, ['officier']);
    jeton = await sessionAvec(b, 'officier');
  });
  afterEach(async () => {
    await b.admin('PUT', '/v1/admin/pannes', {});
  });
  afterAll(async () => {
    await b?.arreter();
  });

  it('taux de 5xx à 1 : toute route du client répond 5xx, l’administration non ; rien n’est enregistré', async () => {
    await b.admin('PUT', '/v1/admin/pannes', { taux5xx: 1 });
    const id = await deposer(b);
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${b.p.url}/v1/boite/demandes`, { headers: { Authorization: `Bearer ${jeton}` } });
      expect(r.status).toBeGreaterThanOrEqual(500);
      expect(r.headers.get('retry-after')).toBe('1');
    }
    expect((await b.admin<{ taux5xx: number }>('GET', '/v1/admin/pannes')).taux5xx).toBe(1);
    await b.admin('PUT', '/v1/admin/pannes', {});
    expect((await boite(b, jeton)).map((e) => e.id)).toContain(id);
  });

  it('taux de 5xx à 0,5 : un mélange reproductible (même graine, même suite)', async () => {
    const suite = async () => {
      await b.admin('PUT', '/v1/admin/pannes', { taux5xx: 0.5, graine: 42 });
      const statuts: number[] = [];
      for (let i = 0; i < 12; i++) statuts.push((await fetch(`${b.p.url}/v1/etat`)).status);
      return statuts;
    };
    const a = await suite();
    expect(a.some((s) => s === 200)).toBe(true);
    expect(a.some((s) => s >= 500)).toBe(true);
    expect(await suite()).toEqual(a);
  });

  it('latence : la réponse n’arrive pas avant le délai réglé', async () => {
    await b.admin('PUT', '/v1/admin/pannes', { latenceMs: 300 });
    const debut = performance.now();
    expect((await fetch(`${b.p.url}/v1/etat`)).status).toBe(200);
    expect(performance.now() - debut).toBeGreaterThanOrEqual(290);
  });

  it('délai dépassé : la plateforme ne répond pas, le client abandonne ; puis la connexion est coupée', async () => {
    await b.admin('PUT', '/v1/admin/pannes', { tauxDelaiDepasse: 1, delaiDepasseMs: 400 });
    await expect(fetch(`${b.p.url}/v1/etat`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    // Without a client timeout, the platform drops the connection after delaiDepasseMs.
    await expect(fetch(`${b.p.url}/v1/etat`)).rejects.toThrow();
  });

  it('coupure après enregistrement : le client ne reçoit rien, la réponse EST enregistrée ; le rejeu rend l’accusé original', async () => {
    const id = await deposer(b);
    const xml = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, id)));
    await b.admin('PUT', '/v1/admin/pannes', { tauxCoupureApresEnregistrement: 1 });
    await expect(
      envoyer(b.p.url, `/v1/demandes/${id}/reponse`, { jeton, corps: xml, cle: 'coupure-1' }),
    ).rejects.toThrow();
    const stockees = await b.admin<{ reponses: { demandeId: string; accuse: string }[] }>(
      'GET',
      '/v1/admin/communes/81021/reponses',
    );
    const stockee = stockees.reponses.find((r) => r.demandeId === id);
    expect(stockee).toBeDefined();
    await b.admin('PUT', '/v1/admin/pannes', {});
    const rejeu = await envoyer(b.p.url, `/v1/demandes/${id}/reponse`, { jeton, corps: xml, cle: 'coupure-1' });
    expect(rejeu.statut).toBe(200);
    expect(rejeu.entetes.get('idempotent-replay')).toBe('true');
    expect(rejeu.texte).toBe(stockee!.accuse);
  });

  it('livraison dupliquée : chaque demande deux fois dans la liste, et une demande acquittée revient', async () => {
    const id = await deposer(b);
    await b.admin('PUT', '/v1/admin/pannes', { tauxLivraisonDupliquee: 1 });
    const liste = await boite(b, jeton);
    expect(liste.filter((e) => e.id === id)).toHaveLength(2);
    await envoyer(b.p.url, '/v1/boite/acquittements', { jeton, json: { ids: [id] } });
    expect((await boite(b, jeton)).some((e) => e.id === id)).toBe(true);
    await b.admin('PUT', '/v1/admin/pannes', {});
    expect((await boite(b, jeton)).some((e) => e.id === id)).toBe(false);
  });

  it('XML mal formé dans la boîte : chaque document est refusé par le lecteur du format, l’identifiant reste lisible', async () => {
    const id = await deposer(b);
    await b.admin('PUT', '/v1/admin/pannes', { tauxXmlMalForme: 1, graine: 7 });
    const liste = await boite(b, jeton);
    expect(liste.length).toBeGreaterThan(0);
    for (const e of liste) {
      expect(() => lireDemande(e.xml)).toThrow(/Document COMEDEC invalide/);
    }
    expect(liste.some((e) => e.id === id)).toBe(true);
  });

  it('réglage de panne invalide : requete_invalide, réglage inchangé', async () => {
    await b.admin('PUT', '/v1/admin/pannes', { latenceMs: 5 });
    const r = await envoyer(b.p.url, '/v1/admin/pannes', {
      methode: 'PUT',
      jeton: b.p.jetonAdmin,
      json: { taux5xx: 2 },
    });
    expect(r.motif).toBe('requete_invalide');
    expect((await b.admin<{ latenceMs: number }>('GET', '/v1/admin/pannes')).latenceMs).toBe(5);
  });
});

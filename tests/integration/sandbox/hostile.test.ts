import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandeVue, deposer, envoyer, monterBanc, reponsePour, sessionAvec, signer, type Banc } from './outils';

describe('plateforme bac à sable : XML hostile refusé, le serveur continue', () => {
  let b: Banc;
  let jeton: string;
  let id: string;
  let bonne: string;
  beforeAll(async () => {
    b = await monterBanc('sandbox-hostile', {}, ['officier']);
    jeton = await sessionAvec(b, 'officier');
    id = await deposer(b);
    bonne = await signer(b, 'officier', reponsePour(await demandeVue(b, jeton, id)));
  });
  afterAll(async () => {
    await b?.arreter();
  });

  const poster = (corps: string | Uint8Array, cle: string) =>
    envoyer(b.p.url, `/v1/demandes/${id}/reponse`, { jeton, corps, cle });
  const sansDeclaration = () => bonne.replace(/^<\?xml[^>]*\?>\n?/, '');

  it.each([
    [
      'XXE (entité externe)',
      () =>
        `<!DOCTYPE reponse [<!ENTITY x SYSTEM "file:///etc/passwd">]>${sansDeclaration().replace('<emiseLe>', '<emiseLe>&x;')}`,
    ],
    [
      'billion laughs',
      () =>
        `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><r>&d;&d;&d;&d;</r>`,
    ],
    ['DOCTYPE seul', () => `<!DOCTYPE reponse>${sansDeclaration()}`],
    ['encodage déclaré Latin-1', () => bonne.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')],
    ['XML mal formé', () => bonne.slice(0, 300)],
    ['pas du XML', () => '{"reponse": true}'],
  ])('%s : 400 document_invalide', async (_cas, fabriquer) => {
    const r = await poster(fabriquer(), `hostile-${Math.random().toString(36).slice(2)}`);
    expect(r.statut).toBe(400);
    expect(r.motif).toBe('document_invalide');
  });

  it('octets qui ne sont pas de l’UTF-8 : document_invalide', async () => {
    const octets = Buffer.from(bonne, 'utf8');
    const i = octets.indexOf(Buffer.from('é'));
    const faux =
      i >= 0
        ? Buffer.concat([octets.subarray(0, i), Buffer.from([0xe9]), octets.subarray(i + 2)])
        : Buffer.concat([octets, Buffer.from([0xff])]);
    const r = await poster(new Uint8Array(faux), 'latin1-octets');
    expect(r.motif).toBe('document_invalide');
    expect(r.message).toMatch(/UTF-8/);
  });

  it('document de 50 Mo : 413 document_trop_volumineux, sans lire le tout', async () => {
    const gros = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    const r = await poster(gros, 'enorme');
    expect(r.statut).toBe(413);
    expect(r.motif).toBe('document_trop_volumineux');
  });

  it('document de 2 Mo envoyé sans longueur annoncée (flux) : 413 aussi', async () => {
    const morceau = new Uint8Array(64 * 1024).fill(0x20);
    let envoyes = 0;
    const flux = new ReadableStream<Uint8Array>({
      pull(c) {
        if (envoyes >= 2 * 1024 * 1024) return c.close();
        envoyes += morceau.length;
        c.enqueue(morceau);
      },
    });
    const r = await fetch(`${b.p.url}/v1/demandes/${id}/reponse`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jeton}`, 'Idempotency-Key': 'flux-1', 'Content-Type': 'application/xml' },
      body: flux,
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(413);
  });

  it('après tout cela, le serveur répond et la bonne réponse est acceptée', async () => {
    expect((await envoyer(b.p.url, '/v1/etat')).statut).toBe(200);
    const r = await poster(bonne, 'bonne-finale');
    expect(r.statut).toBe(201);
  });
});

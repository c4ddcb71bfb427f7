import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurHarnais, type Harnais } from '../../electron/harness/serveur';
import { appTemporaire } from '../support/app-temporaire';

const app = appTemporaire();
let harnais: Harnais;
beforeAll(async () => {
  const statique = path.join(app.dossier, 'statique');
  fs.mkdirSync(statique, { recursive: true });
  fs.writeFileSync(path.join(statique, 'index.html'), '<!doctype html><title>Registre</title>');
  fs.writeFileSync(path.join(app.dossier, 'secret.txt'), 'ne doit pas sortir');
  harnais = await demarrerServeurHarnais({ app, dossierStatique: statique });
});
afterAll(async () => {
  await harnais.fermer();
  app.detruire();
});

function appeler(nom: string, corps: unknown, entetes: Record<string, string> = {}) {
  return fetch(`${harnais.origine}/api/appel/${nom}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...entetes },
    body: JSON.stringify(corps),
  });
}

/** Raw request, to send a Host header fetch would not let us forge. */
function brut(chemin: string, entetes: Record<string, string>): Promise<number> {
  const { port } = new URL(harnais.origine);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: chemin, method: 'GET', headers: entetes }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('harnais navigateur : sécurité', () => {
  it('écoute sur 127.0.0.1 seulement, avec un jeton aléatoire long', () => {
    expect(harnais.origine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harnais.jeton.length).toBeGreaterThanOrEqual(40);
    expect(harnais.url).toContain(`jeton=${harnais.jeton}`);
  });

  it('refuse un appel sans jeton ou avec un mauvais jeton', async () => {
    expect((await appeler('app.informations', {})).status).toBe(401);
    expect((await appeler('app.informations', {}, { Authorization: 'Bearer faux' })).status).toBe(401);
    const ok = await appeler('app.informations', {}, { Authorization: `Bearer ${harnais.jeton}` });
    expect(ok.status).toBe(200);
    expect((await ok.json()).valeur.transport).toBe('navigateur');
  });

  it('refuse un autre hôte (rebinding DNS) et une autre origine', async () => {
    expect(await brut('/', { Host: 'attaquant.example:80' })).toBe(421);
    const r = await appeler(
      'app.informations',
      {},
      { Authorization: `Bearer ${harnais.jeton}`, Origin: 'http://attaquant.example' },
    );
    expect(r.status).toBe(403);
  });

  it('ne sert aucun fichier hors du dossier de l’interface', async () => {
    const { port } = new URL(harnais.origine);
    expect(await brut('/../secret.txt', { Host: `127.0.0.1:${port}` })).not.toBe(200);
    expect(await brut('/%2e%2e/secret.txt', { Host: `127.0.0.1:${port}` })).not.toBe(200);
    expect(await brut('/..%2fsecret.txt', { Host: `127.0.0.1:${port}` })).not.toBe(200);
    const index = await fetch(`${harnais.origine}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuse un corps qui n’est pas du JSON', async () => {
    const r = await fetch(`${harnais.origine}/api/appel/app.informations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${harnais.jeton}` },
      body: '{pas du json',
    });
    expect(r.status).toBe(400);
  });

  it('pousse les événements du bus par SSE, jeton exigé', async () => {
    expect((await fetch(`${harnais.origine}/api/evenements`)).status).toBe(401);
    const controle = new AbortController();
    const r = await fetch(`${harnais.origine}/api/evenements?jeton=${harnais.jeton}`, { signal: controle.signal });
    expect(r.headers.get('content-type')).toBe('text/event-stream');
    const lecteur = r.body!.getReader();
    await lecteur.read(); // ": ouvert"
    app.bus.emettre('registre.modifie', { raison: 'import' });
    const { value } = await lecteur.read();
    const texte = new TextDecoder().decode(value);
    expect(texte).toContain('"nom":"registre.modifie"');
    expect(JSON.parse(texte.replace(/^data: /, '').trim())).toEqual({
      nom: 'registre.modifie',
      charge: { raison: 'import' },
    });
    controle.abort();
  });
});

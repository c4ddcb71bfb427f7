import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horlogeFixe } from '../../../electron/horloge';
import { demarrerPlateforme } from '../../../sandbox';
import { racine } from '../../support/frontieres';

/** Starts a command, returns its first stdout line (JSON) and a way to stop it. */
function lancer(
  args: string[],
): Promise<{ info: { url: string; jetonAdmin: string; formation: boolean }; arreter: () => Promise<number | null> }> {
  const p = spawn(process.execPath, args, {
    cwd: racine,
    env: { ...process.env, REGISTRE_JOURNAL: 'muet' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let sortie = '';
  let erreurs = '';
  const fin = new Promise<number | null>((ok) => p.on('exit', (code) => ok(code)));
  return new Promise((ok, ko) => {
    const t = setTimeout(() => ko(new Error(`pas de ligne JSON ; stderr : ${erreurs}`)), 60_000);
    p.stderr!.on('data', (d: Buffer) => (erreurs += d.toString()));
    p.stdout!.on('data', (d: Buffer) => {
      sortie += d.toString();
      const ligne = sortie.split('\n')[0];
      if (sortie.includes('\n')) {
        clearTimeout(t);
        ok({ info: JSON.parse(ligne), arreter: () => (p.kill('SIGTERM'), fin) });
      }
    });
    void fin.then((code) => ko(new Error(`terminé (${code}) : ${erreurs}`)));
  });
}

describe('plateforme bac à sable : lancement et persistance', () => {
  let dossier: string;
  beforeAll(() => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-lancement-'));
  });
  afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

  it.each([
    [
      'npm run sandbox (tsx sandbox/start.ts)',
      [path.join(racine, 'node_modules/tsx/dist/cli.mjs'), 'sandbox/start.ts'],
    ],
    ['registre sandbox', ['bin/registre.mjs', 'sandbox']],
  ])('%s : affiche l’URL et le jeton, répond, s’arrête proprement', async (_nom, commande) => {
    const base = path.join(dossier, `${_nom.length}.sqlite`);
    const { info, arreter } = await lancer([...commande, '--port', '0', '--json', '--base', base]);
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(info.formation).toBe(false);
    const etat = (await (await fetch(`${info.url}/etat`)).json()) as { versionsFormat: number[] };
    expect(etat.versionsFormat).toEqual([2, 1]);
    const admin = await fetch(`${info.url}/admin/pannes`, { headers: { Authorization: `Bearer ${info.jetonAdmin}` } });
    expect(admin.status).toBe(200);
    expect(await arreter()).toBe(0);
    expect(fs.existsSync(base)).toBe(true);
  });

  it('registre sandbox --demo : cartes d’essai, commune et officiers inscrits, une journée de demandes, la suite à taper', async () => {
    const cartes = path.join(dossier, 'cartes-demo');
    const { info, arreter } = await lancer([
      'bin/registre.mjs',
      'sandbox',
      '--demo',
      cartes,
      '--demandes',
      '7',
      '--port',
      '0',
      '--json',
      '--base',
      path.join(dossier, 'demo.sqlite'),
    ]);
    const demo = info as unknown as {
      url: string;
      jetonAdmin: string;
      commune: { codeInsee: string };
      softhsm2Conf: string;
      confiance: string;
      cartes: Record<string, { label: string; pin: string; codeDeblocage: string }>;
    };
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.keys(demo.cartes).sort()).toEqual(['agent', 'expiree', 'officier', 'officierEc']);
      expect(fs.existsSync(demo.softhsm2Conf) && fs.readFileSync(demo.confiance, 'utf8')).toMatch(/BEGIN CERTIFICATE/);
      const r = await fetch(`${demo.url}/v1/admin/communes/${demo.commune.codeInsee}/demandes`, {
        headers: { Authorization: `Bearer ${demo.jetonAdmin}` },
      });
      expect(((await r.json()) as { demandes: unknown[] }).demandes).toHaveLength(7);
    } finally {
      expect(await arreter()).toBe(0);
    }
  });

  it('ancre introuvable : message clair, code de sortie non nul', async () => {
    const r = spawn(
      process.execPath,
      ['bin/registre.mjs', 'sandbox', '--port', '0', '--ancre', path.join(dossier, 'absente.pem')],
      { cwd: racine, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let erreurs = '';
    r.stderr!.on('data', (d: Buffer) => (erreurs += d.toString()));
    const code = await new Promise<number | null>((ok) => r.on('exit', ok));
    expect(code).not.toBe(0);
    expect(erreurs).toContain('ancre de confiance introuvable');
  });

  it('redémarrage sur le même fichier : communes, demandes, décalage d’horloge et PKI conservés', async () => {
    const fichierBase = path.join(dossier, 'persistance.sqlite');
    const horloge = horlogeFixe('2024-03-01T08:00:00.000Z');
    const p1 = await demarrerPlateforme({ fichierBase, horloge });
    const entetes = { Authorization: `Bearer ${p1.jetonAdmin}`, 'Content-Type': 'application/json' };
    await fetch(`${p1.url}/v1/admin/communes`, {
      method: 'POST',
      headers: entetes,
      body: JSON.stringify({ codeInsee: '81021' }),
    });
    const { ids } = (await (
      await fetch(`${p1.url}/v1/admin/communes/81021/specimens`, {
        method: 'POST',
        headers: entetes,
        body: '{"nombre":1}',
      })
    ).json()) as { ids: string[] };
    await fetch(`${p1.url}/v1/admin/horloge`, {
      method: 'PUT',
      headers: entetes,
      body: JSON.stringify({ avancerMs: 3600_000 }),
    });
    const autorites1 = await (await fetch(`${p1.url}/v1/autorites`)).json();
    await p1.arreter();
    const p2 = await demarrerPlateforme({ fichierBase, horloge });
    try {
      expect(p2.plateforme.demandes.lire(ids[0])?.specimen).toBe(true);
      expect(p2.plateforme.communes.lire('81021')?.libelle).toBe('MAIRIE-81-AUSSILLON');
      expect(p2.plateforme.horloge.maintenant().toISOString()).toBe('2024-03-01T09:00:00.000Z');
      expect(await (await fetch(`${p2.url}/v1/autorites`)).json()).toEqual(autorites1);
    } finally {
      await p2.arreter();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appels, evenements, nomsAppels, nomsEvenements } from '../../shared/contract';
import { CANAL_APPEL, CANAL_EVENEMENT } from '../../shared/contract/canaux';
import { lierIpc, type IpcMainMinimal } from '../../electron/contrat/liaison-ipc';
import { creerPont } from '../../electron/contrat/pont';
import { demarrerServeurHarnais, type Harnais } from '../../electron/harness/serveur';
import { appTemporaire } from '../support/app-temporaire';
import { fichiersSources, racine } from '../support/frontieres';

// "One contract": every call and event is declared once in shared/contract, and this file
// proves that no call or event exists on one side only (handlers, IPC, harness, preload, renderer).
const app = appTemporaire();
let harnais: Harnais;
beforeAll(async () => {
  fs.mkdirSync(path.join(app.dossier, 'statique'), { recursive: true });
  harnais = await demarrerServeurHarnais({ app, dossierStatique: path.join(app.dossier, 'statique') });
});
afterAll(async () => {
  await harnais.fermer();
  app.detruire();
});

const sources = (zone: string) =>
  fichiersSources(zone)
    .map((f) => fs.readFileSync(path.join(racine, f), 'utf8'))
    .join('\n');
const noms = (texte: string, motif: RegExp) => [...new Set([...texte.matchAll(motif)].map((m) => m[1]))].sort();

describe('un seul contrat', () => {
  it('chaque appel a un gestionnaire, et aucun gestionnaire n’est hors contrat', () => {
    const gestionnaires = Object.keys(app.gestionnaires).sort();
    expect(gestionnaires).toEqual([...nomsAppels].sort());
    for (const nom of nomsAppels) expect(appels[nom].description.length).toBeGreaterThan(5);
  });

  it('le harnais HTTP sert chaque appel du contrat, et valide son argument', async () => {
    for (const nom of nomsAppels) {
      const r = await fetch(`${harnais.origine}/api/appel/${nom}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${harnais.jeton}` },
        body: JSON.stringify('pas un objet'),
      });
      expect(r.status, nom).toBe(200);
      const enveloppe = await r.json();
      expect(enveloppe.ok, nom).toBe(false);
      expect(enveloppe.erreur.code, nom).toBe('saisie_invalide');
      expect(enveloppe.erreur.details.champ, nom).not.toBe('appel');
    }
    const inconnu = await fetch(`${harnais.origine}/api/appel/registre.inexistant`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${harnais.jeton}` },
      body: '{}',
    });
    expect((await inconnu.json()).erreur.details.champ).toBe('appel');
  });

  it('la liaison IPC sert chaque appel du contrat et refuse une origine étrangère', async () => {
    const gestionnaires = new Map<string, (e: { senderFrame?: { url: string } | null }, ...a: unknown[]) => unknown>();
    const ipc: IpcMainMinimal = {
      handle: (c, g) => void gestionnaires.set(c, g),
      removeHandler: (c) => void gestionnaires.delete(c),
    };
    const envoyes: unknown[][] = [];
    const delier = lierIpc(
      ipc,
      app,
      (url) => url.startsWith('registre://app/'),
      () => [{ send: (...a: unknown[]) => void envoyes.push(a), isDestroyed: () => false }],
    );
    const g = gestionnaires.get(CANAL_APPEL)!;
    for (const nom of nomsAppels) {
      const env = (await g({ senderFrame: { url: 'registre://app/index.html' } }, nom, 'pas un objet')) as {
        ok: boolean;
        erreur: { code: string; details: { champ: string } };
      };
      expect(env.ok, nom).toBe(false);
      expect(env.erreur.code, nom).toBe('saisie_invalide');
      expect(env.erreur.details.champ, nom).not.toBe('appel');
    }
    const etranger = (await g({ senderFrame: { url: 'https://exemple.invalid/' } }, 'app.informations', {})) as {
      ok: boolean;
      erreur: { code: string };
    };
    expect(etranger).toMatchObject({ ok: false, erreur: { code: 'droits_insuffisants' } });
    app.bus.emettre('registre.modifie', { raison: 'saisie' });
    expect(envoyes).toEqual([[CANAL_EVENEMENT, 'registre.modifie', { raison: 'saisie' }]]);
    delier();
    expect(gestionnaires.size).toBe(0);
  });

  it('le pont du preload transmet appels et événements par les deux canaux', async () => {
    const invocations: unknown[][] = [];
    const ecouteurs = new Map<string, (e: unknown, ...a: unknown[]) => void>();
    const pont = creerPont({
      invoke: async (...a) => (invocations.push(a), { ok: true, valeur: 1 }),
      on: (c, e) => ecouteurs.set(c, e),
      removeListener: (c) => ecouteurs.delete(c),
    });
    expect(Object.isFrozen(pont)).toBe(true);
    expect(await pont.appeler('app.informations', {})).toEqual({ ok: true, valeur: 1 });
    expect(invocations).toEqual([[CANAL_APPEL, 'app.informations', {}]]);
    const recus: unknown[] = [];
    const arreter = pont.ecouter((nom, charge) => recus.push([nom, charge]));
    ecouteurs.get(CANAL_EVENEMENT)!({}, 'registre.modifie', { raison: 'import' });
    expect(recus).toEqual([['registre.modifie', { raison: 'import' }]]);
    arreter();
    expect(ecouteurs.size).toBe(0);
  });

  it('le renderer n’appelle et n’écoute que ce que le contrat déclare', () => {
    const texte = sources('renderer');
    for (const nom of noms(texte, /appeler\(\s*'([\w.]+)'/g)) expect(nomsAppels, nom).toContain(nom);
    for (const nom of noms(texte, /ecouter\(\s*'([\w.]+)'/g)) expect(nomsEvenements, nom).toContain(nom);
  });

  it('chaque événement déclaré est émis par le processus principal, et seulement ceux-là', () => {
    const emis = noms(sources('electron'), /emettre\(\s*'([\w.]+)'/g);
    for (const nom of emis) expect(nomsEvenements, nom).toContain(nom);
    for (const nom of Object.keys(evenements)) expect(emis, nom).toContain(nom);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerApp } from '../../../electron/app';
import { dossierTemporaire } from '../../support/app-temporaire';
import { monterBanc, type Banc } from './outils/banc';
import { lancerEnfant, preparerEnfant } from './outils/enfant';

/**
 * Crash test: the engine runs in a child process (the real app, a database file, the officer's
 * SoftHSM2 card) and is killed with SIGKILL at random moments, at least 50 times, during pull,
 * signing and sending, then restarted. At the end: every request stored exactly once, every
 * answer accepted exactly once by the platform (with the client's own idempotency key), and
 * PRAGMA integrity_check ok on both databases.
 */
const MEURTRES = 50;
const dossier = dossierTemporaire('registre-crash-');
let banc: Banc;
let bundle: string;
const donnees = path.join(dossier.chemin, 'client');
const basePlateforme = path.join(dossier.chemin, 'plateforme.db');

beforeAll(async () => {
  [banc, bundle] = await Promise.all([monterBanc(dossier.chemin, { fichierBase: basePlateforme }), preparerEnfant()]);
  // The office's settings, written once through the contract (they live in the database).
  const app = creerApp({ dossierDonnees: donnees, transport: 'navigateur' });
  const { cartes } = banc;
  for (const [nom, entree] of [
    [
      'parametres.enregistrerCommune',
      { nom: 'Aussillon', codeInsee: '81021', departement: '81', emailFonctionnel: 'etat-civil@aussillon.fr' },
    ],
    [
      'carte.enregistrerParametres',
      { bibliotheque: cartes.bibliotheque, mode: 'reelle', confiancePem: `${cartes.caPem}\n${cartes.caAgentsPem}` },
    ],
    [
      'sync.enregistrerParametres',
      {
        plateforme: { url: banc.plateforme.url },
        planification: { active: false, intervalleMinutes: 30, jours: [1], debut: '08:00', fin: '18:00' },
      },
    ],
  ] as const) {
    const r = await app.repartir(nom, entree);
    if (!r.ok) throw new Error(r.erreur.message);
  }
  app.fermer();
}, 180_000);

afterAll(async () => {
  await banc?.arreter();
  if (bundle) fs.rmSync(bundle, { force: true });
  dossier.detruire();
});

/**
 * SoftHSM2 rewrites its token file (token.object: flags and PIN counters) in place at every
 * login and every signature, so a SIGKILL during that write can leave the TEST card unreadable.
 * A smartcard keeps its counters in the chip, atomically: this is a property of the test token,
 * not of the engine under test. Before each start, the token file is put back as provisioned
 * (nothing else on the token changes after provisioning: keys and certificates are other files).
 */
let jetonsIntacts: { fichier: string; contenu: Buffer }[] = [];
function photographierJetons(): void {
  const dossierJetons = path.join(banc.cartes.dossier, 'jetons');
  jetonsIntacts = fs
    .readdirSync(dossierJetons)
    .map((d) => path.join(dossierJetons, d, 'token.object'))
    .filter((f) => fs.existsSync(f))
    .map((fichier) => ({ fichier, contenu: fs.readFileSync(fichier) }));
}
function restaurerJetons(): void {
  for (const j of jetonsIntacts) fs.writeFileSync(j.fichier, j.contenu);
}

const env = () => ({
  REGISTRE_DOSSIER: donnees,
  REGISTRE_CARTE: banc.cartes.cartes.officier.label,
  REGISTRE_PIN: banc.cartes.cartes.officier.pin,
  SOFTHSM2_CONF: banc.cartes.conf,
});

describe('arrêts brutaux du moteur (SIGKILL) pendant la réception, la signature et l’envoi', () => {
  it(`${MEURTRES} arrêts puis reprise : rien de perdu, rien en double`, async () => {
    const generer = (nombre: number) =>
      banc.admin<{ ids: string[] }>('POST', '/v1/admin/communes/81021/demandes/generer', { nombre });
    await generer(30);
    photographierJetons();
    const phases: Record<string, number> = {};
    // The next child loads its code while the current one works; it opens the database only
    // once told to, after the current one is dead.
    // A child that is to be killed stays alive after FINI: when the last phase is short (two
    // requests), it would otherwise exit on its own before the kill, and that is no crash.
    const aTuer = () => lancerEnfant(bundle, { ...env(), REGISTRE_ATTENDRE: '1', REGISTRE_RESTER: '1' });
    let suivant = aTuer();
    const cibles = ['PHASE reception', 'PHASE signature', 'PHASE envoi'] as const;
    const mesures = { attenteChargement: 0, demarrage: 0, avantCible: 0 };
    for (let i = 0; i < MEURTRES; i++) {
      await generer(2);
      const enfant = suivant;
      let t = performance.now();
      await enfant.attendreLigne(/^CHARGE$/);
      mesures.attenteChargement += performance.now() - t;
      restaurerJetons();
      t = performance.now();
      enfant.demarrer();
      await enfant.attendreLigne(/^PRET$/);
      mesures.demarrage += performance.now() - t;
      suivant = i + 1 < MEURTRES ? aTuer() : lancerEnfant(bundle, { ...env(), REGISTRE_ATTENDRE: '1' });
      // Each kill aims at one phase of the office's loop, at a random moment inside it.
      const cible = cibles[i % cibles.length];
      t = performance.now();
      await Promise.race([enfant.attendreLigne(new RegExp(`^${cible}$`)), new Promise((r) => setTimeout(r, 5000))]);
      mesures.avantCible += performance.now() - t;
      // reception of two new requests is short: aim within its first milliseconds
      await new Promise((r) => setTimeout(r, Math.random() * (cible === 'PHASE reception' ? 30 : 150)));
      const derniere =
        [...enfant.lignes].reverse().find((l) => l.startsWith('PHASE ') || l === 'PRET' || l === 'FINI') ?? 'PRET';
      enfant.processus.kill('SIGKILL');
      const fin = await enfant.fin;
      if (fin.signal !== 'SIGKILL') throw new Error(`l’enfant s’est arrêté seul (${fin.code}) : ${fin.erreurs}`);
      phases[derniere] = (phases[derniere] ?? 0) + 1;
    }
    console.log(
      'arrêts par phase',
      JSON.stringify(phases),
      'ms cumulées',
      JSON.stringify(Object.fromEntries(Object.entries(mesures).map(([k, v]) => [k, Math.round(v)]))),
    );
    // The kills landed in every phase of the office's loop.
    expect(phases['PHASE reception'] ?? 0).toBeGreaterThan(2);
    expect(phases['PHASE signature'] ?? 0).toBeGreaterThan(2);
    expect(phases['PHASE envoi'] ?? 0).toBeGreaterThan(2);
    expect(Object.values(phases).reduce((a, b) => a + b, 0)).toBe(MEURTRES);

    // A last run, left to finish.
    const dernier = suivant;
    await dernier.attendreLigne(/^CHARGE$/);
    restaurerJetons();
    dernier.demarrer();
    await dernier.attendreLigne(/^FINI$/, 120_000);
    expect((await dernier.fin).code).toBe(0);

    // Invariants, read from both databases.
    const plateforme = new Database(basePlateforme, { readonly: true });
    const client = new Database(path.join(donnees, 'registre.db'), { readonly: true });
    try {
      const idsPlateforme = plateforme
        .prepare("SELECT id FROM demandes WHERE code_insee = '81021' ORDER BY id")
        .pluck()
        .all() as string[];
      const idsClient = client
        .prepare('SELECT id_plateforme FROM demandes ORDER BY id_plateforme')
        .pluck()
        .all() as string[];
      expect(idsClient).toEqual(idsPlateforme);
      expect(idsPlateforme.length).toBe(30 + 2 * MEURTRES);

      // Exactly one answer per request on the platform, each under a key the client made for it.
      const reponses = plateforme
        .prepare("SELECT demande_id, cle_idempotence FROM reponses WHERE code_insee = '81021' ORDER BY demande_id")
        .all() as { demande_id: string; cle_idempotence: string }[];
      expect(reponses.map((r) => r.demande_id)).toEqual(idsPlateforme);
      const acceptes = client
        .prepare(
          "SELECT d.id_plateforme AS demande_id, e.cle_idempotence FROM envois e JOIN demandes d ON d.id = e.demande_id WHERE e.etat = 'accepte' ORDER BY d.id_plateforme",
        )
        .all();
      expect(acceptes).toEqual(reponses);
      expect(client.prepare("SELECT count(*) FROM envois WHERE etat <> 'accepte'").pluck().get()).toBe(0);
      expect(client.prepare("SELECT count(*) FROM demandes WHERE cycle <> 'accusee'").pluck().get()).toBe(0);
      // The platform was told about every stored request.
      expect(
        plateforme
          .prepare("SELECT count(*) FROM demandes WHERE code_insee = '81021' AND acquittee_le IS NULL")
          .pluck()
          .get(),
      ).toBe(0);

      expect(plateforme.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(client.pragma('foreign_key_check')).toEqual([]);
    } finally {
      plateforme.close();
      client.close();
    }
  }, 300_000);
});

// npm run bench:sync — the sync engine against the sandbox platform on loopback (in its own
// process, as a real platform would be), with the officer's SoftHSM2 card. Prints ONE JSON line:
// {"requests":5000,"pull_req_per_s":…,"answers":1000,"post_answers_per_s":…}
// - pull: one "Mettre à jour" that authenticates with the card, reads the mailbox page by page,
//   validates every document, stores each page in one transaction, then acknowledges it;
// - post: one "Mettre à jour" that sends 1000 answers already signed with the card (XAdES),
//   each with its idempotency key, and checks and stores each receipt.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creerApp } from '../../electron/app';
import { AdaptateurBacASable } from '../../electron/sync/plateforme/bac-a-sable';
import { creerServiceSync } from '../../electron/sync/service';
import { provisionnerCartes } from '../fixtures/cartes/provisionner';
import { racine } from '../support/frontieres';
import { carteConnectee, preparerReponses, signerTout } from '../integration/sync/outils/banc';

process.env.REGISTRE_JOURNAL ??= 'muet';
const DEMANDES = 5000;
const REPONSES = 1000;

const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'));
const cartes = await provisionnerCartes(path.join(dossier, 'cartes'), { seulement: ['officier'] });
const plateforme = spawn(
  path.join(racine, 'node_modules/.bin/tsx'),
  [
    'sandbox/start.ts',
    '--port',
    '0',
    '--base',
    path.join(dossier, 'plateforme.sqlite'),
    '--ancre',
    path.join(dossier, 'cartes', 'ca-test.pem'),
    '--json',
  ],
  { cwd: racine, env: { ...process.env, REGISTRE_JOURNAL: 'muet' }, stdio: ['ignore', 'pipe', 'inherit'] },
);
// Whatever happens (even an uncaught error), the platform process does not outlive the bench.
process.once('exit', () => plateforme.kill('SIGTERM'));
try {
  const info = await new Promise<{ url: string; jetonAdmin: string }>((ok, ko) => {
    let tampon = '';
    plateforme.stdout!.on('data', (d: Buffer) => {
      tampon += d.toString();
      const ligne = tampon.split('\n').find((l) => l.startsWith('{'));
      if (ligne) ok(JSON.parse(ligne));
    });
    plateforme.once('exit', (c) => ko(new Error(`la plateforme s’est arrêtée (${c})`)));
  });
  const url = info.url.replace(/\/v1$/, '');
  const admin = async (chemin: string, corps: unknown) => {
    const r = await fetch(`${url}${chemin}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${info.jetonAdmin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(corps),
    });
    if (!r.ok) throw new Error(`${chemin} : ${r.status} ${await r.text()}`);
  };
  const o = cartes.cartes.officier;
  await admin('/v1/admin/communes', {
    codeInsee: '81021',
    agents: [
      {
        nom: 'Jeanne MARTIN',
        delegation: true,
        certificats: [o.certificats.authentification, o.certificats.signature],
      },
    ],
  });
  for (let i = 0; i < DEMANDES / 1000; i++)
    await admin('/v1/admin/communes/81021/demandes/generer', { nombre: 1000, graine: i + 1 });

  const app = creerApp({ dossierDonnees: path.join(dossier, 'client'), transport: 'navigateur' });
  app.contexte.parametres.ecrire('commune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  const carte = await carteConnectee(cartes, app.contexte.horloge, path.join(dossier, 'formation'));
  const sync = creerServiceSync(app.contexte, carte, { adaptateur: () => new AdaptateurBacASable({ url }) });

  let t = performance.now();
  const reception = await sync.moteur.synchroniser('manuel');
  const dureePull = (performance.now() - t) / 1000;
  if (reception.recues !== DEMANDES) throw new Error(`reçues : ${reception.recues} (${reception.erreur})`);

  const db = app.contexte.db();
  preparerReponses(db, app.contexte.horloge, cartes.commune, REPONSES);
  const lot = await signerTout(db, app.contexte.horloge, carte, o.pin);
  if (lot.signes !== REPONSES) throw new Error(`signées : ${lot.signes}`);
  t = performance.now();
  const envoi = await sync.moteur.synchroniser('manuel');
  const dureePost = (performance.now() - t) / 1000;
  if (envoi.acceptees !== REPONSES) throw new Error(`acceptées : ${envoi.acceptees} (${envoi.erreur})`);

  process.stdout.write(
    `${JSON.stringify({ requests: DEMANDES, pull_req_per_s: Math.round(DEMANDES / dureePull), answers: REPONSES, post_answers_per_s: Math.round(REPONSES / dureePost) })}\n`,
  );
  sync.arreter();
  carte.arreter();
  app.fermer();
} finally {
  plateforme.kill('SIGTERM');
  await new Promise((r) => plateforme.once('exit', r).once('error', r));
  fs.rmSync(dossier, { recursive: true, force: true });
}

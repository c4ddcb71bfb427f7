/**
 * The engine in a child process, for the crash test: the REAL composition root (creerApp) on a
 * database file, the officer's SoftHSM2 card connected through the contract, then the office's
 * loop: "Mettre à jour", prepare the answers, sign them with the card, "Mettre à jour" again,
 * until every request is answered and accepted. The parent kills it (SIGKILL) at random moments
 * and starts it again; each phase is printed so the parent knows where the kill landed.
 *
 * Environment: REGISTRE_DOSSIER (data folder), REGISTRE_CARTE (token label), REGISTRE_PIN,
 * SOFTHSM2_CONF; REGISTRE_ATTENDRE=1: load everything, print CHARGE, and wait for a line on stdin
 * before touching the database (the parent starts the next child while the current one works,
 * without ever letting two engines open the database at once); REGISTRE_RESTER=1: once FINI is
 * printed, stay alive (database still open) until killed, so that a kill aimed at the end of a
 * short last phase never finds a process that already left on its own. Prints PRET, PHASE <nom>,
 * FINI.
 */
import { creerApp } from '../../../../electron/app';
import { preparerReponses } from './banc';
import { appelant } from '../../../support/app-temporaire';

const dossier = process.env.REGISTRE_DOSSIER!;
const label = process.env.REGISTRE_CARTE!;
const pin = process.env.REGISTRE_PIN!;
const commune = {
  codeInsee: process.env.REGISTRE_INSEE ?? '81021',
  libelle: process.env.REGISTRE_LIBELLE ?? 'MAIRIE-81-AUSSILLON',
};

const ecrire = (ligne: string) => process.stdout.write(`${ligne}\n`);
if (process.env.REGISTRE_ATTENDRE === '1') {
  ecrire('CHARGE');
  await new Promise<void>((ok) => process.stdin.once('data', () => ok()));
  process.stdin.pause();
}
const app = creerApp({ dossierDonnees: dossier, transport: 'navigateur' });

const appeler = appelant(app);

let phase = '';
const annoncer = (p: string) => {
  if (p !== phase) ecrire(`PHASE ${(phase = p)}`);
};
app.bus.abonner((nom, charge) => {
  if (nom === 'sync.progression') {
    const p = (charge as { phase: string }).phase;
    if (p === 'authentification' || p === 'reception' || p === 'envoi') annoncer(p);
  }
  if (nom === 'signature.progression') annoncer('signature');
});

async function principal(): Promise<void> {
  const etat = await appeler('carte.etat');
  const jeton = etat.lecteurs.find((l: { carte: { label: string } | null }) => l.carte?.label === label)?.carte;
  if (!jeton) throw new Error(`carte ${label} absente`);
  await appeler('carte.connecter', { jetonId: jeton.id, pin });
  ecrire('PRET');
  for (let tour = 0; tour < 200; tour++) {
    const r1 = await appeler('sync.maintenant');
    preparerReponses(app.contexte.db(), app.contexte.horloge, commune);
    const aSigner = (await appeler('signature.lister', { etat: 'a_signer', limite: 1 })).length;
    if (aSigner) await appeler('signature.signerLot', { pin });
    const r2 = await appeler('sync.maintenant');
    const restantes = app.contexte
      .db()
      .prepare("SELECT count(*) FROM demandes WHERE cycle <> 'accusee'")
      .pluck()
      .get() as number;
    if (
      r1.recues === 0 &&
      r2.recues === 0 &&
      r2.enAttente === 0 &&
      restantes === 0 &&
      r1.statut === 'reussie' &&
      r2.statut === 'reussie'
    ) {
      ecrire('FINI');
      return;
    }
  }
  throw new Error('pas de fin après 200 tours');
}

principal()
  .then(async () => {
    if (process.env.REGISTRE_RESTER === '1') await new Promise(() => setInterval(() => undefined, 60_000));
    app.fermer();
    process.exit(0);
  })
  .catch((e) => {
    process.stderr.write(`ECHEC ${(e as Error).message}\n`);
    app.fermer();
    process.exit(1);
  });

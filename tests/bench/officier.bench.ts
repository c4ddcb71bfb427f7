/**
 * The officer's morning, measured (issue 13): requests from the sandbox platform answered
 * through the interface in Chromium with the keyboard only, signed in one batch with one PIN
 * (card OFFICIER-0001), sent, and receipted. Prints ONE JSON line on stdout (progress on stderr):
 *
 *   {"requests":50,"sur":…,"a_verifier":…,"aucun":…,"keys_per_sur_median":…, …,"page_errors":…}
 *
 *   npm run bench:officier
 *   npm run bench:officier -- --requests 20 --acts 3000 --seed 1
 *
 * 1. a synthetic register of indexed acts (Aussillon) in a fresh data folder; the SoftHSM2
 *    officer card; the sandbox with the commune's mailbox; 80 % of the requests drawn from the
 *    register by the sandbox's generator (with its noise), 20 % for acts the commune does not hold;
 * 2. "Mettre à jour", matching done, then "Traiter à la suite" (T): P for a "sûr" request; N and
 *    Entrée for the others, the guard's boxes ticked (Espace) where it names candidates;
 * 3. keystrokes counted in the page, and the UI time from the key that answers to the next
 *    request shown (performance.now in the page, a DOM condition: loaded, focus inside);
 * 4. one batch signed, one PIN; "Mettre à jour" sends; the receipts shown in the app compared
 *    with what the sandbox received (each answer once, its receipt number).
 *
 * A benchmark prints; it asserts no timing. Not part of `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { provisionnerCartes } from '../fixtures/cartes/provisionner';
import { monterBanc, type Banc } from '../integration/sync/outils/banc';
import { appelerApi, capturer, ouvrirSession, type Session } from '../e2e/outils-ui';
import { preparerPosteOfficier } from '../e2e/poste-officier';
import { arrondi, centile, option } from './support/mesures';
import { appelsApi, armer, armerDemandeSuivante, attendre, instrumenter, mesure, touches } from './support/mesure-page';
import { registreIndexe } from './support/registre-synthetique';

const log = (m: string) => process.stderr.write(`[bench officier] ${m}\n`);
const mediane = (v: number[]) => (v.length ? centile(v, 50) : null);

/** Requests drawn by the sandbox's generator until exactly `nombre` are deposited. */
async function generer(banc: Banc, registre: string, nombre: number, nonDetenus: boolean, graine: number) {
  let deposees = 0;
  for (let g = graine; deposees < nombre && g < graine + 20; g++) {
    const { ids } = await banc.admin<{ ids: string[] }>('POST', '/v1/admin/communes/81021/demandes/generer', {
      nombre: nombre - deposees,
      graine: g,
      registre,
      proportionNonDetenus: nonDetenus ? 1 : 0,
    });
    deposees += ids.length;
  }
  if (deposees !== nombre) throw new Error(`${deposees} demandes générées sur ${nombre}`);
}

type Issue = 'sur' | 'a_verifier' | 'aucun';
const ISSUES: Record<string, Issue> = { Sûr: 'sur', 'À vérifier': 'a_verifier', 'Aucun acte': 'aucun' };

interface Traitement {
  issue: Issue;
  touches: number;
  ms: number;
}

/** One request of the run, answered as the officer does; the next one is then on screen. */
async function repondre(page: Page): Promise<Omit<Traitement, 'touches'>> {
  const detail = page.getByRole('dialog', { name: /^Demande / });
  const badge = (await detail.getByText(/^Rapprochement : /).textContent())!.replace('Rapprochement : ', '');
  const issue = ISSUES[badge];
  if (!issue) throw new Error(`rapprochement inattendu : ${badge}`);
  if (issue === 'sur') {
    await armerDemandeSuivante(page);
    await page.keyboard.press('p');
    return { issue, ms: await mesure(page) };
  }
  await page.keyboard.press('n');
  await detail.getByRole('form', { name: 'Répondre négativement' }).getByRole('radio').first().waitFor();
  await armerDemandeSuivante(page);
  await page.keyboard.press('Enter');
  // Either the next request, or the guard naming the candidates (its first box takes the focus).
  const cases = detail.getByRole('checkbox', { name: /^Je confirme/ });
  await attendre(page, `window.__banc.fini || !!document.querySelector('[role="dialog"] input[type="checkbox"]')`);
  if (await page.evaluate<boolean>('window.__banc.fini')) return { issue, ms: await mesure(page) };
  const n = await cases.count();
  for (let i = 0; i < n; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
  }
  await armerDemandeSuivante(page);
  await page.keyboard.press('Enter');
  return { issue, ms: await mesure(page) };
}

const acceptees = async (session: Session) =>
  (await appelerApi<unknown[]>(session.harnais, 'reponses.lister', { etats: ['acceptee'], limite: 500 })).length;

async function signerEtEnvoyer(session: Session, pin: string, nombre: number) {
  const { page } = session;
  await page.getByRole('tab', { name: /^Réponses/ }).focus();
  await page.keyboard.press('Enter');
  // Enabled once the card session is read: a disabled button takes no focus.
  const signer = page.getByRole('button', { name: `Signer les ${nombre} réponses`, disabled: false });
  await signer.waitFor();
  await signer.focus();
  const signees = `document.body.innerText.includes('${nombre} réponse(s) signée(s).')`;
  const dialoguePin = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
  await page.keyboard.press('Enter');
  let saisies = 0;
  // A card whose key asks the PIN at each signature would bring the dialog back: each entry counted.
  const suite = () =>
    attendre<string>(
      page,
      `(${signees}) ? 'fini' : document.querySelector('[role="alertdialog"] input') ? 'pin' : false`,
      300_000,
    );
  while ((await suite()) === 'pin') {
    await dialoguePin.getByLabel('Code PIN').fill(pin);
    saisies++;
    await armer(page, `() => ${signees}`);
    await page.keyboard.press('Enter');
    await dialoguePin.waitFor({ state: 'hidden' });
  }
  const msLot = await mesure(page, 300_000);
  // "Mettre à jour" sends the signed answers and brings their receipts back.
  const mettreAJour = page.getByRole('button', { name: 'Mettre à jour' });
  for (let essai = 0; essai < 5 && (await acceptees(session)) < nombre; essai++) {
    await mettreAJour.focus();
    await page.keyboard.press('Enter');
    for (let t = 0; t < 60 && (await acceptees(session)) < nombre; t++) await page.waitForTimeout(1000);
  }
  return { saisies, msLot };
}

async function main(): Promise<void> {
  const nombre = option('requests', 50);
  const actes = option('acts', 3000);
  const graine = option('seed', 1);
  const nonDetenues = Math.round(nombre / 5);
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-officier-'));
  const dossierDonnees = path.join(dossier, 'donnees');
  fs.mkdirSync(dossierDonnees);
  let banc: Banc | undefined;
  let session: Session | undefined;
  try {
    const cartes = await provisionnerCartes(path.join(dossier, 'cartes'), { seulement: ['officier'] });
    process.env.REGISTRE_PKCS11 = cartes.bibliotheque;
    banc = await monterBanc(dossier, { cartes });
    const registre = path.join(dossierDonnees, 'registre.db');
    log(`registre : ${registreIndexe(registre, { actes, graine, commune: '81021' })} actes indexés`);
    await generer(banc, registre, nombre - nonDetenues, false, graine);
    await generer(banc, registre, nonDetenues, true, graine + 100);
    const urlPlateforme = banc.plateforme.url;
    session = await ouvrirSession({
      dossierDonnees,
      avant: (h) => preparerPosteOfficier(h, { cartes, urlPlateforme }),
    });
    const { page } = session;
    await page.keyboard.press('Alt+1');
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await page.getByText('Mise à jour terminée').first().waitFor({ timeout: 120_000 });
    const lignes = page.getByRole('table', { name: 'Demandes reçues' }).locator('tbody tr');
    await attendre(
      page,
      // the list is virtualised (only the rows in view exist): its row count and the matching
      // counts (all listed requests, in SQL) say when everything arrived and was matched
      `document.querySelector('table[aria-label="Demandes reçues"]')?.getAttribute('aria-rowcount') === '${nombre + 1}' &&
       !document.getElementById('comptes-rapprochement')?.textContent?.includes('en cours')`,
      300_000,
    );
    log(`${nombre} demandes reçues et rapprochées`);

    await instrumenter(page);
    await lignes.first().focus();
    const traitements: Traitement[] = [];
    let compte = await touches(page);
    await page.keyboard.press('t');
    await page
      .getByRole('dialog', { name: /^Demande / })
      .getByText(/^Rapprochement : /)
      .waitFor();
    for (let i = 0; i < nombre; i++) {
      const r = await repondre(page);
      const apres = await touches(page);
      traitements.push({ ...r, touches: apres - compte });
      compte = apres;
      if ((i + 1) % 10 === 0) log(`${i + 1} demandes traitées`);
    }
    await page.getByRole('dialog', { name: /^Demande / }).waitFor({ state: 'hidden' });
    log(`appels pendant les réponses : ${JSON.stringify(await appelsApi(page))}`);

    const { saisies, msLot } = await signerEtEnvoyer(session, cartes.cartes.officier.pin, nombre);
    const app = await appelerApi<{ idPlateforme: string; sens: string; recepisse: string | null }[]>(
      session.harnais,
      'reponses.lister',
      { etats: ['acceptee'], limite: 500 },
    );
    const recues = (
      await banc.admin<{ reponses: { demandeId: string; nature: string; accuse: string }[] }>(
        'GET',
        '/v1/admin/communes/81021/reponses',
      )
    ).reponses;
    const parDemande = new Map(recues.map((r) => [r.demandeId, r]));
    const n = (issue: Issue) => traitements.filter((t) => t.issue === issue);
    const negatives = traitements.filter((t) => t.issue !== 'sur');
    const ms = traitements.map((t) => t.ms);
    process.stdout.write(
      `${JSON.stringify({
        requests: nombre,
        sur: n('sur').length,
        a_verifier: n('a_verifier').length,
        aucun: n('aucun').length,
        keys_per_sur_median: mediane(n('sur').map((t) => t.touches)),
        keys_per_sur_max: n('sur').length ? Math.max(...n('sur').map((t) => t.touches)) : null,
        keys_per_negative_median: mediane(negatives.map((t) => t.touches)),
        ms_per_request_median: arrondi(centile(ms, 50), 1),
        ms_per_request_p95: arrondi(centile(ms, 95), 1),
        batch_sign_ms_per_doc: arrondi(msLot / nombre, 1),
        pin_entries: saisies,
        sent: recues.length,
        sent_once: recues.length === nombre && parDemande.size === nombre,
        receipts: app.filter((r) => r.recepisse).length,
        receipts_match_sandbox:
          app.length === nombre &&
          app.every((r) => {
            const s = parDemande.get(r.idPlateforme);
            return !!s && !!r.recepisse && s.accuse.includes(r.recepisse) && s.nature === r.sens;
          }),
        page_errors: session.erreursPage.length,
      })}\n`,
    );
    for (const issue of ['sur', 'a_verifier', 'aucun'] as const) {
      const v = n(issue).map((t) => t.ms);
      if (v.length)
        log(`${issue} : ${v.length}, ms médiane ${arrondi(centile(v, 50), 1)}, max ${arrondi(Math.max(...v), 1)}`);
    }
    for (const e of session.erreursPage) log(`erreur de la page : ${e}`);
  } catch (e) {
    // What the page showed when the run stopped: the first thing to look at.
    if (session) log(`capture : ${await capturer(session.page, 'bench-officier-echec')}`);
    throw e;
  } finally {
    await session?.fermer();
    await banc?.arreter();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

await main();

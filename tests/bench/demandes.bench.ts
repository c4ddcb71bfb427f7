/**
 * The received requests' list at 10,000 (issue 16), measured. Prints ONE JSON line on stdout
 * (progress on stderr):
 *
 *   {"requests":10000,"main_ms":{"first_page":{"median":…,"p95":…},…},"ui":{"first_rows_ms":…,…}}
 *
 *   npm run bench:demandes
 *   npm run bench:demandes -- --requests 10000 --runs 30 --keys 500 --repeat-ms 33
 *
 * 1. 10,000 requests stored in a fresh data folder (tests/e2e/demandes-nombreuses.ts, the working
 *    frame's scenario's requests); the app built on it in this process (`creerApp`, what the
 *    main process runs), its matching pass waited for (an empty register: every request
 *    "aucun");
 * 2. main_ms: the contract calls the list makes, through the dispatcher (input and output
 *    checked by the contract, as an IPC call is), `--runs` times each after 2 warm-ups: the
 *    first page (100 rows, "À traiter"), the last page, each filter kind alone (state, deadline
 *    alert, act type, requester, person, dates), all of them at once, the counts alone
 *    (`demandes.compteurs`, and a listing of one row as the screen's refresh does), the
 *    matching outcomes of a page (`rapprochement.issues`);
 * 3. ui: the browser harness on the same data folder, the built renderer in Chromium, timed in
 *    the page (performance.now(), tests/bench/support/mesure-page.ts):
 *    - first_rows_ms: from Alt+1 (from the register screen) to the first rows drawn with their
 *      request (no "Chargement…" in view), the first time and then on coming back;
 *    - ArrowDown held from the first row through `--keys` rows, auto-repeat at `--repeat-ms`
 *      (33 ms: a keyboard's usual 30 repeats a second): per key, from the key event to the first
 *      task after the next frame (as bench:saisie), median, p95, max; keys whose frame still
 *      showed the focused row "Chargement…" (its page not read yet); the row focused at the end;
 *    - end_key_ms: End, to the last request drawn and focused; scroll_end_ms: the scroll bar
 *      taken to the bottom (scrollTop), to the rows in view drawn with their request.
 *
 * A benchmark prints; it asserts no timing. Not part of `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { creerApp } from '../../electron/app';
import { capturer, ouvrirSession, type Session } from '../e2e/outils-ui';
import { stockerDemandes } from '../e2e/demandes-nombreuses';
import { arrondi, centile, option } from './support/mesures';
import { appelsApi, armer, attendre, instrumenter, mesure } from './support/mesure-page';

const log = (m: string) => process.stderr.write(`[bench demandes] ${m}\n`);
const A_TRAITER = ['recue', 'en_cours', 'a_echeance', 'en_retard'];
const SELECTEUR_LIGNES = 'table[aria-label="Demandes reçues"] tbody tr';

const resume = (v: number[]) => ({ median: arrondi(centile(v, 50), 1), p95: arrondi(centile(v, 95), 1) });

/** A Paris day, `jours` days ago (aaaa-mm-jj): the filter's "Reçues du … au …". */
function jourParis(joursAvant: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(Date.now() - joursAvant * 864e5);
}

interface Enveloppe<T> {
  ok: boolean;
  valeur?: T;
  erreur?: unknown;
}

type Liste = { total: number; demandes: { id: number }[]; rapprochement: Record<string, number> };

/** The contract calls in this process, through the dispatcher: `runs` timings of each. */
async function mesurerPrincipal(dossierDonnees: string, nombre: number, runs: number) {
  const app = creerApp({ dossierDonnees, transport: 'navigateur' });
  try {
    const appeler = async <T>(nom: string, entree: unknown): Promise<T> => {
      const r = (await app.repartir(nom as never, entree as never)) as Enveloppe<T>;
      if (!r.ok) throw new Error(`${nom} : ${JSON.stringify(r.erreur)}`);
      return r.valeur as T;
    };
    // The matching pass the app starts on opening: measured after it, as an office's list is.
    const t0 = performance.now();
    for (;;) {
      const l = await appeler<Liste>('demandes.lister', { limite: 1 });
      if (!l.rapprochement.en_cours) break;
      if (performance.now() - t0 > 600_000) throw new Error('rapprochement non terminé en 10 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
    log(`rapprochement des ${nombre} demandes : ${Math.round(performance.now() - t0)} ms`);

    const page = (criteres: object, decalage = 0) => ({ ...criteres, limite: 100, decalage });
    const aTraiter = { etats: A_TRAITER };
    const premiere = await appeler<Liste>('demandes.lister', page(aTraiter));
    const ids = premiere.demandes.map((d) => d.id);
    const derniere = Math.floor((premiere.total - 1) / 100) * 100;
    const cas: [string, string, unknown][] = [
      ['first_page', 'demandes.lister', page(aTraiter)],
      ['last_page', 'demandes.lister', page(aTraiter, derniere)],
      ['filter_state', 'demandes.lister', page({ etats: ['recue'] })],
      ['filter_alert', 'demandes.lister', page({ alerte: 'J-5' })],
      ['filter_act_type', 'demandes.lister', page({ ...aTraiter, typesActe: ['deces'] })],
      ['filter_requester', 'demandes.lister', page({ ...aTraiter, demandeurs: ['interieur'] })],
      ['filter_person', 'demandes.lister', page({ ...aTraiter, personne: 'mart' })],
      ['filter_person_rare', 'demandes.lister', page({ ...aTraiter, personne: 'zyg' })],
      ['filter_dates', 'demandes.lister', page({ ...aTraiter, du: jourParis(3), au: jourParis(0) })],
      [
        'filter_all',
        'demandes.lister',
        page({
          ...aTraiter,
          typesActe: ['deces'],
          demandeurs: ['interieur'],
          personne: 'martin',
          du: jourParis(10),
          au: jourParis(0),
        }),
      ],
      ['counts', 'demandes.compteurs', {}],
      ['counts_refresh', 'demandes.lister', { ...aTraiter, limite: 1 }],
      ['page_outcomes', 'rapprochement.issues', { demandeIds: ids }],
    ];
    const resultats: Record<string, { median: number; p95: number }> = {};
    const totaux: Record<string, number> = {};
    for (const [cle, nom, entree] of cas) {
      const v: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const debut = performance.now();
        const r = await appeler<Liste>(nom, entree);
        if (i >= 2) v.push(performance.now() - debut);
        if (i === 0 && nom === 'demandes.lister') totaux[cle] = r.total;
      }
      resultats[cle] = resume(v);
    }
    log(`demandes listées par cas : ${JSON.stringify(totaux)}`);
    return { main_ms: resultats, listed: totaux };
  } finally {
    app.fermer();
  }
}

/**
 * Per ArrowDown key (repeats included: the key is held), in the page: the latency to the first
 * task after the next frame, and whether the focused row then still waited for its page.
 */
const INSTRUMENT_FLECHES = `(() => {
  const s = { latences: [], enAttente: 0, touches: 0 };
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown') return;
    s.touches++;
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => {
      s.latences.push(performance.now() - t0);
      const a = document.activeElement;
      if (a && a.textContent && a.textContent.includes('Chargement…')) s.enAttente++;
    }, 0));
  }, { capture: true });
  window.__fleches = s;
})()`;

/** The rows in view are drawn with their request (none waits for its page). */
const LIGNES_VISIBLES_CHARGEES = `(() => {
  const lignes = [...document.querySelectorAll('${SELECTEUR_LIGNES}')];
  const boite = lignes[0] && lignes[0].closest('div').getBoundingClientRect();
  const visibles = lignes.filter((l) => { const r = l.getBoundingClientRect(); return boite && r.bottom > boite.top + 40 && r.top < boite.bottom; });
  return visibles.length > 3 && visibles.every((l) => !l.textContent.includes('Chargement…'));
})()`;

const indexFocalise = (page: Page) =>
  page.evaluate<string | null>('document.activeElement ? document.activeElement.getAttribute("data-index") : null');

async function mesurerInterface(session: Session, nombre: number, touchesTenues: number, repetitionMs: number) {
  const { page } = session;
  await instrumenter(page);
  const allerRegistre = async () => {
    await page.keyboard.press('Alt+2');
    await attendre(page, `!document.querySelector('table[aria-label="Demandes reçues"]')`);
  };
  const premieresLignes = async () => {
    await armer(page, `() => ${LIGNES_VISIBLES_CHARGEES}`);
    await page.keyboard.press('Alt+1');
    return mesure(page, 120_000);
  };
  await allerRegistre();
  const premiere = await premieresLignes();
  const retours: number[] = [];
  for (let i = 0; i < 5; i++) {
    await allerRegistre();
    retours.push(await premieresLignes());
  }
  log(`premières lignes : ${Math.round(premiere)} ms, au retour ${retours.map(Math.round).join(' ')} ms`);

  // ArrowDown held: the first keydown, then repeats at the keyboard's pace.
  await page.locator(`${SELECTEUR_LIGNES}[data-index="0"]`).focus();
  await page.evaluate(INSTRUMENT_FLECHES);
  const debut = performance.now();
  for (let i = 0; i < touchesTenues; i++) {
    const cible = debut + (i + 1) * repetitionMs;
    await page.keyboard.down('ArrowDown');
    const reste = cible - performance.now();
    if (reste > 0) await new Promise((r) => setTimeout(r, reste));
  }
  await page.keyboard.up('ArrowDown');
  const dureeTenue = performance.now() - debut;
  await attendre(page, `window.__fleches.latences.length === ${touchesTenues}`);
  const fleches = await page.evaluate<{ latences: number[]; enAttente: number; touches: number }>('window.__fleches');
  const indexFinal = await indexFocalise(page);
  log(`flèche tenue : ${touchesTenues} touches en ${Math.round(dureeTenue)} ms, ligne ${indexFinal} focalisée`);

  // End: the last request, drawn and focused.
  await armer(
    page,
    `() => { const a = document.activeElement; return !!a && a.getAttribute('data-index') === '${nombre - 1}' && (a.getAttribute('aria-label') || '').startsWith('Ouvrir la demande DEM-'); }`,
  );
  await page.keyboard.press('End');
  const fin = await mesure(page);

  // The scroll bar taken to the top, then to the bottom: the rows in view drawn.
  const defiler = (haut: boolean) =>
    page.evaluate<number>(`new Promise((resolve) => {
      const boite = document.querySelector('table[aria-label="Demandes reçues"]').parentElement;
      const t0 = performance.now();
      boite.scrollTop = ${haut ? '0' : 'boite.scrollHeight'};
      const verifier = () => {
        const bas = ${haut ? 'true' : `!!document.querySelector('${SELECTEUR_LIGNES}[aria-rowindex="${nombre + 1}"]')`};
        if (bas && ${LIGNES_VISIBLES_CHARGEES}) resolve(performance.now() - t0);
        else requestAnimationFrame(verifier);
      };
      requestAnimationFrame(verifier);
    })`);
  await defiler(true);
  const defilementFin = await defiler(false);
  const lignesDansLaPage = await page.evaluate<number>(`document.querySelectorAll('${SELECTEUR_LIGNES}').length`);
  log(`appels de la page : ${JSON.stringify(await appelsApi(page))}`);
  return {
    first_rows_ms: arrondi(premiere, 1),
    first_rows_again_ms_median: arrondi(centile(retours, 50), 1),
    arrow_keys: fleches.touches,
    arrow_repeat_ms: repetitionMs,
    arrow_held_ms: Math.round(dureeTenue),
    arrow_ms_per_key_median: arrondi(centile(fleches.latences, 50), 1),
    arrow_ms_per_key_p95: arrondi(centile(fleches.latences, 95), 1),
    arrow_ms_per_key_max: arrondi(Math.max(...fleches.latences), 1),
    arrow_keys_row_loading: fleches.enAttente,
    arrow_final_row: indexFinal === null ? null : Number(indexFinal),
    end_key_ms: arrondi(fin, 1),
    scroll_end_ms: arrondi(defilementFin, 1),
    rows_in_page: lignesDansLaPage,
  };
}

async function main(): Promise<void> {
  const nombre = option('requests', 10_000);
  const runs = option('runs', 30);
  const touchesTenues = option('keys', 500);
  const repetitionMs = option('repeat-ms', 33);
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-demandes-'));
  const dossierDonnees = path.join(dossier, 'donnees');
  fs.mkdirSync(dossierDonnees);
  let session: Session | undefined;
  try {
    let t = performance.now();
    stockerDemandes(path.join(dossierDonnees, 'registre.db'), nombre, Math.max(1, Math.round(nombre / 500)));
    log(`${nombre} demandes stockées en ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    const principal = await mesurerPrincipal(dossierDonnees, nombre, runs);
    log(`appels mesurés dans le processus principal en ${Math.round(performance.now() - t)} ms`);

    session = await ouvrirSession({ dossierDonnees });
    const ui = await mesurerInterface(session, nombre, touchesTenues, repetitionMs);
    process.stdout.write(
      `${JSON.stringify({
        requests: nombre,
        runs,
        ...principal,
        ui,
        page_errors: session.erreursPage.length,
        load_average_1min: arrondi(os.loadavg()[0], 1),
      })}\n`,
    );
    for (const e of session.erreursPage) log(`erreur de la page : ${e}`);
  } catch (e) {
    if (session) log(`capture : ${await capturer(session.page, 'bench-demandes-echec')}`);
    throw e;
  } finally {
    await session?.fermer();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

await main();

/**
 * Keying in acts from paper, measured (issue 16): a scripted officer keys birth acts through the
 * act editor in Chromium with the keyboard only (Ctrl+N, Tab from field to field, the commune
 * chosen in the autocomplete over every French commune, Ctrl+S), from paper-like data drawn by
 * faker's French locale (seeded). Prints ONE JSON line on stdout (progress on stderr):
 *
 *   {"acts":20,"keys_per_act_median":…,"ms_per_field_median":…,"ms_per_key_p95":…, …}
 *
 *   npm run bench:saisie
 *   npm run bench:saisie -- --acts 20 --seed 1
 *   npm run bench:saisie -- --delai-ms 100   # keys 100 ms apart: an officer typing fast
 *
 * - keys: every keystroke counted in the page (a chord such as Ctrl+S is one), Ctrl+N to Ctrl+S;
 * - ms_per_key: what the editor adds to a keystroke, in the page: from the key event to the
 *   first frame painted after it was handled (`requestAnimationFrame` then a task). This holds
 *   the handling, React's render and the frame; the frame's wait for the display (up to 16.7 ms
 *   at 60 Hz) is included, so it is an upper bound of the added latency. Target: ≤ 50 ms;
 * - ms_per_field: in the page, from the first key in a field to the frame after the key that
 *   leaves it (the script types as fast as the browser takes keys; in a commune field it waits
 *   for the suggestion to show and picks it);
 * - ms_commune_suggestions: from the last key typed in a commune field to its commune shown in
 *   the list (the list waits 120 ms after the last key by design, then asks the main process).
 * - cpu_ms_per_key: CPU time of the page's main thread (Chromium's trace, every task) divided by
 *   the keys: what the editor costs a keystroke whatever else the machine runs. The wall-clock
 *   figures above grow with the machine's load (a shared machine's other processes take turns
 *   with the page); this one hardly does.
 *
 * Profiling: `--profil` logs the page's heaviest functions (build with `vite build --minify
 * false` to read their names); BANC_TRACE=1 logs the main thread's CPU by trace event.
 *
 * The acts saved are then read back through the API and compared with the paper data. A benchmark
 * prints; it asserts no timing. Not part of `npm test`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Faker, base, fr } from '@faker-js/faker';
import type { Page } from 'playwright-core';
import { normaliser } from '../../shared/domain/normalisation';
import { appelerApi, capturer, ouvrirSession, renseignerCommuneParApi, type Session } from '../e2e/outils-ui';
import { arrondi, centile, option } from './support/mesures';
import { armer, attendre, instrumenter, mesure } from './support/mesure-page';

const log = (m: string) => process.stderr.write(`[bench saisie] ${m}\n`);

interface Commune {
  nom: string;
  code: string;
}

/** Current communes whose name no other current commune bears: typed in full, the one meant is listed. */
function communesSansHomonyme(): Commune[] {
  const require = createRequire(import.meta.url);
  const brutes = require('@etalab/decoupage-administratif/data/communes.json') as {
    code: string;
    nom: string;
    type: string;
    population?: number;
  }[];
  const actuelles = brutes.filter((c) => c.type === 'commune-actuelle');
  const parNom = new Map<string, number>();
  for (const c of actuelles) parNom.set(normaliser(c.nom), (parNom.get(normaliser(c.nom)) ?? 0) + 1);
  // Places where people are born and registered: communes of some size.
  return actuelles
    .filter((c) => parNom.get(normaliser(c.nom)) === 1 && (c.population ?? 0) >= 3000)
    .map((c) => ({ nom: c.nom, code: c.code }));
}

interface Parent {
  nom: string;
  prenoms: string;
  naissance: string;
  lieu: Commune;
  profession: string;
}

/** One act as the paper register gives it (dates as an officer writes them). */
interface ActePapier {
  annee: number;
  numero: number;
  dateActe: string;
  dateNaissance: string;
  lieu: Commune;
  nom: string;
  prenoms: string;
  sexe: 'M' | 'F';
  pere: Parent;
  mere: Parent;
}

const jjmmaaaa = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

function actesPapier(nombre: number, graine: number): ActePapier[] {
  const faker = new Faker({ locale: [fr, base] });
  faker.seed(graine);
  const communes = communesSansHomonyme();
  const date = (de: number, a: number) =>
    faker.date.between({ from: `${de}-01-01T00:00:00Z`, to: `${a}-12-31T00:00:00Z` });
  const parent = (sexe: 'male' | 'female', nom: string, naissance: number): Parent => ({
    nom,
    prenoms: faker.person.firstName(sexe),
    naissance: jjmmaaaa(date(naissance - 8, naissance)),
    lieu: faker.helpers.arrayElement(communes),
    profession: faker.helpers.arrayElement(['agriculteur', 'boulanger', 'institutrice', 'employée', 'maçon', 'sans']),
  });
  return Array.from({ length: nombre }, (_, i) => {
    const naissance = date(1950, 1999);
    const annee = naissance.getUTCFullYear();
    const declaration = new Date(naissance.getTime() + faker.number.int({ min: 1, max: 3 }) * 86_400_000);
    const sexe = faker.helpers.arrayElement(['M', 'F'] as const);
    const nom = faker.person.lastName().toUpperCase();
    return {
      // A birth on 31 December is registered in the next year's register.
      annee: declaration.getUTCFullYear(),
      numero: 100 + i,
      dateActe: jjmmaaaa(declaration),
      dateNaissance: jjmmaaaa(naissance),
      lieu: faker.helpers.arrayElement(communes),
      nom,
      prenoms: [
        faker.person.firstName(sexe === 'M' ? 'male' : 'female'),
        faker.person.firstName(sexe === 'M' ? 'male' : 'female'),
      ].join(', '),
      sexe,
      pere: parent('male', nom, annee - 25),
      mere: parent('female', faker.person.lastName().toUpperCase(), annee - 23),
    };
  });
}

/**
 * Per key and per field, in the page (plain JavaScript text: see mesure-page.ts). A key's
 * latency ends at the first task after the next frame; a field's time runs from its first key
 * to the end of its last key's latency.
 */
const INSTRUMENT_SAISIE = `(() => {
  if (window.__saisie) return;
  const modificateurs = new Set(['Control', 'Shift', 'Alt', 'Meta']);
  const s = { latences: [], traitements: [], detail: [], champs: [], champ: null };
  document.addEventListener('keydown', (e) => {
    if (e.repeat || modificateurs.has(e.key)) return;
    const t0 = e.timeStamp;
    const id = document.activeElement && document.activeElement.id;
    let champ = null;
    if (id && id.startsWith('champ-')) {
      if (!s.champ || s.champ.id !== id) {
        if (s.champ) s.champs.push(s.champ);
        s.champ = { id, debut: t0, fin: t0 };
      }
      champ = s.champ;
    }
    // The handling alone: the task that runs the key's events (keydown, input, React's render) ends.
    const canal = new MessageChannel();
    canal.port1.onmessage = () => s.traitements.push(performance.now() - t0);
    canal.port2.postMessage(0);
    requestAnimationFrame(() => setTimeout(() => {
      const fin = performance.now();
      s.latences.push(fin - t0);
      s.detail.push([Math.round(fin - t0), e.key, id || document.activeElement?.tagName || '']);
      if (champ) champ.fin = fin;
    }, 0));
  }, { capture: true });
  s.clore = () => { if (s.champ) s.champs.push(s.champ); s.champ = null; };
  window.__saisie = s;
})()`;

/**
 * --delai-ms N: N ms between the keys typed in a field, an officer's pace (a fast typist types
 * 8 to 10 characters a second); without it, as fast as the browser takes keys, and a key's time
 * then also holds its wait behind the keys before it.
 */
const DELAI_TOUCHE = process.argv.includes('--delai-ms') ? option('delai-ms', 1) : 0;

const focus = (page: Page) => page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');

/** Tab into the next field (it must be the one expected: the tab order is the officer's path) and type. */
async function champ(page: Page, attendu: string | null, texte?: string): Promise<void> {
  await page.keyboard.press('Tab');
  if (attendu !== null) {
    const id = await focus(page);
    if (id !== attendu) throw new Error(`champ attendu ${attendu}, focus sur « ${id} »`);
  }
  if (texte !== undefined) await page.keyboard.type(texte, { delay: DELAI_TOUCHE });
}

/** A commune: its name typed, its suggestion waited for, chosen with the arrows and Entrée. */
async function commune(page: Page, id: string, c: Commune, suggestions: number[]): Promise<void> {
  await champ(page, id, c.nom.slice(0, -1));
  const montree = `() => { const o = [...document.querySelectorAll('[role="option"]')].find((x) => x.textContent.endsWith('— ${c.code}')); return !!o && document.getElementById('${id}').value === ${JSON.stringify(c.nom)}; }`;
  await armer(page, montree);
  await page.keyboard.type(c.nom.slice(-1), { delay: DELAI_TOUCHE });
  suggestions.push(await mesure(page));
  for (let i = 0; i < 12; i++) {
    const active = await page.evaluate<string>(
      `(() => { const a = document.getElementById('${id}').getAttribute('aria-activedescendant'); const o = a && document.getElementById(a); return o ? o.textContent : ''; })()`,
    );
    if (active.endsWith(`— ${c.code}`)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`commune ${c.nom} (${c.code}) non proposée`);
}

async function saisir(page: Page, a: ActePapier, suggestions: number[]): Promise<void> {
  await page.keyboard.press('Control+n');
  await page.getByRole('heading', { name: 'Nouvel acte' }).waitFor();
  await attendre(page, `document.activeElement && document.activeElement.id === 'champ-type'`);
  await champ(page, 'champ-annee', String(a.annee));
  await champ(page, 'champ-numero', String(a.numero));
  await champ(page, 'champ-dateActe', a.dateActe);
  await champ(page, null); // Acte indexé (checked)
  await champ(page, 'champ-dateEvenement', a.dateNaissance);
  await commune(page, 'champ-lieuEvenement', a.lieu, suggestions);
  await champ(page, null); // À l’étranger
  await champ(page, 'champ-personnes-titulaire-nom', a.nom);
  await champ(page, 'champ-personnes-titulaire-prenoms', a.prenoms);
  await champ(page, 'champ-personnes-titulaire-sexe', a.sexe);
  for (const [role, p] of [
    ['pere', a.pere],
    ['mere', a.mere],
  ] as const) {
    await champ(page, `champ-personnes-${role}-nom`, p.nom);
    await champ(page, `champ-personnes-${role}-prenoms`, p.prenoms);
    await champ(page, `champ-personnes-${role}-dateNaissance`, p.naissance);
    await commune(page, `champ-personnes-${role}-lieuNaissance`, p.lieu, suggestions);
    await champ(page, null); // À l’étranger
    await champ(page, `champ-personnes-${role}-profession`, p.profession);
  }
  await page.keyboard.press('Control+s');
  await page.getByRole('heading', { name: `Acte de naissance n° ${a.numero} de ${a.annee}` }).waitFor();
}

const iso = (jjmmaaaa: string) => jjmmaaaa.split('/').reverse().join('-');

/** The act read back matches the paper: what was keyed in is what the register holds. */
function conforme(lu: any, a: ActePapier): boolean {
  const p = (role: string) => lu.personnes.find((x: { role: string }) => x.role === role);
  const parent = (x: any, attendu: Parent) =>
    x?.nom === attendu.nom &&
    x.prenoms.join(' ') === attendu.prenoms &&
    x.dateNaissance === iso(attendu.naissance) &&
    x.lieuNaissance?.codeInsee === attendu.lieu.code &&
    x.profession === attendu.profession;
  return (
    lu.dateActe === iso(a.dateActe) &&
    lu.dateEvenement === iso(a.dateNaissance) &&
    lu.lieuEvenement?.codeInsee === a.lieu.code &&
    p('titulaire')?.nom === a.nom &&
    p('titulaire').prenoms.join(', ') === a.prenoms &&
    p('titulaire').sexe === a.sexe &&
    parent(p('pere'), a.pere) &&
    parent(p('mere'), a.mere)
  );
}

interface TraceEvenement {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** CPU and wall time of the renderer's main thread's tasks (the `toplevel` RunTask events). */
function cpuFilPrincipal(evenements: TraceEvenement[]): { tdurMs: number; durMs: number; taches: number } {
  const fils = evenements.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const principal = new Set(fils.map((e) => `${e.pid}:${e.tid}`));
  let tdur = 0;
  let dur = 0;
  let taches = 0;
  for (const e of evenements) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !principal.has(`${e.pid}:${e.tid}`)) continue;
    tdur += e.tdur ?? 0;
    dur += e.dur ?? 0;
    taches++;
  }
  return { tdurMs: tdur / 1000, durMs: dur / 1000, taches };
}

interface Profil {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time by function, the heaviest first (build with `vite build --minify false` to read names). */
function resumerProfil(p: Profil): void {
  const parId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const temps = new Map<string, number>();
  let total = 0;
  (p.samples ?? []).forEach((id, i) => {
    const f = parId.get(id)!;
    const cle = `${f.functionName || '(anonyme)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    const dt = (p.timeDeltas?.[i] ?? 0) / 1000;
    total += dt;
    temps.set(cle, (temps.get(cle) ?? 0) + dt);
  });
  log(`profil : ${Math.round(total)} ms échantillonnés`);
  for (const [cle, ms] of [...temps].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${Math.round(ms)} ms  ${cle}`);
}

async function main(): Promise<void> {
  const nombre = option('acts', 20);
  const graine = option('seed', 1);
  const actes = actesPapier(nombre, graine);
  let session: Session | undefined;
  try {
    session = await ouvrirSession({ avant: renseignerCommuneParApi });
    const { page, harnais } = session;
    await page.getByRole('searchbox', { name: 'Rechercher dans le registre' }).waitFor();
    await instrumenter(page);
    await page.evaluate(INSTRUMENT_SAISIE);
    // --profil: a CPU profile of the page while keying in, its heaviest functions said on stderr.
    const cdp = process.argv.includes('--profil') ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // The page's main thread, traced: its CPU time per key does not depend on how loaded the machine is.
    const traces: TraceEvenement[] = [];
    const traceur = await page.context().newCDPSession(page);
    // playwright-core types only its own CDP events: these two are the protocol's.
    const evenementsCdp = traceur as unknown as {
      on(n: string, f: (d: never) => void): void;
      once(n: string, f: () => void): void;
    };
    evenementsCdp.on('Tracing.dataCollected', (d: { value: TraceEvenement[] }) => traces.push(...d.value));
    const traceFinie = new Promise<void>((r) => evenementsCdp.once('Tracing.tracingComplete', r));
    await traceur.send('Tracing.start', {
      traceConfig: {
        includedCategories: process.env.BANC_TRACE
          ? ['toplevel', '__metadata', 'devtools.timeline', 'blink']
          : ['toplevel', '__metadata'],
      },
      transferMode: 'ReportEvents',
    });
    const suggestions: number[] = [];
    const touchesParActe: number[] = [];
    let avant = await page.evaluate<number>('window.__banc.touches');
    for (const [i, a] of actes.entries()) {
      await saisir(page, a, suggestions);
      const apres = await page.evaluate<number>('window.__banc.touches');
      touchesParActe.push(apres - avant);
      avant = apres;
      if ((i + 1) % 5 === 0) log(`${i + 1} actes saisis`);
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      resumerProfil(profile);
      if (process.env.BANC_PROFIL_FICHIER) fs.writeFileSync(process.env.BANC_PROFIL_FICHIER, JSON.stringify(profile));
    }
    await traceur.send('Tracing.end');
    await traceFinie;
    const cpu = cpuFilPrincipal(traces);
    if (process.env.BANC_TRACE) {
      // Where the main thread's CPU goes, by trace event (nested events overlap: a breakdown, not a sum).
      const fil = traces.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const noms = new Map<string, [number, number]>();
      for (const e of traces)
        if (e.ph === 'X' && fil && e.pid === fil.pid && e.tid === fil.tid) {
          const [n, ms] = noms.get(e.name) ?? [0, 0];
          noms.set(e.name, [n + 1, ms + (e.tdur ?? 0) / 1000]);
        }
      for (const [nom, [n, ms]] of [...noms].sort((a, b) => b[1][1] - a[1][1]).slice(0, 25))
        log(`  ${Math.round(ms)} ms cpu, ${n} fois  ${nom}`);
    }
    await page.evaluate('window.__saisie.clore()');
    // The last key's frame.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))');
    const { latences, champs, traitements } = await page.evaluate<{
      traitements: number[];
      latences: number[];
      champs: { id: string; debut: number; fin: number }[];
    }>(
      '({ latences: window.__saisie.latences, champs: window.__saisie.champs, traitements: window.__saisie.traitements })',
    );
    let conformes = 0;
    for (const a of actes) {
      const { resultats } = await appelerApi<{ resultats: { id: number; annee: number; numero: number }[] }>(
        harnais,
        'registre.rechercher',
        { texte: `${a.nom} ${a.annee}`, limite: 50 },
      );
      const r = resultats.find((x) => x.numero === a.numero && x.annee === a.annee);
      if (r && conforme(await appelerApi(harnais, 'registre.lire', { id: r.id }), a)) conformes++;
    }
    const msChamps = champs.map((c) => c.fin - c.debut);
    const communes = champs.filter((c) => /lieu/i.test(c.id)).map((c) => c.fin - c.debut);
    process.stdout.write(
      `${JSON.stringify({
        acts: nombre,
        keys_per_act_median: centile(touchesParActe, 50),
        ms_per_field_median: arrondi(centile(msChamps, 50), 1),
        key_delay_ms: DELAI_TOUCHE,
        ms_per_key_p95: arrondi(centile(latences, 95), 1),
        ms_per_key_median: arrondi(centile(latences, 50), 1),
        ms_per_key_max: arrondi(Math.max(...latences), 1),
        // main-thread CPU per key (ms): every task of the page's main thread while keying in, divided by the keys
        cpu_ms_per_key: arrondi(cpu.tdurMs / touchesParActe.reduce((a, b) => a + b, 0), 2),
        ms_handling_per_key_median: arrondi(centile(traitements, 50), 1),
        ms_handling_per_key_p95: arrondi(centile(traitements, 95), 1),
        keys_measured: latences.length,
        ms_per_commune_field_median: arrondi(centile(communes, 50), 1),
        ms_commune_suggestions_median: arrondi(centile(suggestions, 50), 1),
        ms_commune_suggestions_p95: arrondi(centile(suggestions, 95), 1),
        acts_matching_paper: conformes,
        page_errors: session.erreursPage.length,
      })}\n`,
    );
    for (const e of session.erreursPage) log(`erreur de la page : ${e}`);
    // Where the slow keys are (to profile a missed target): the slowest, with their key and field.
    const detail = await page.evaluate<[number, string, string][]>('window.__saisie.detail');
    // By act, in order: a latency that grows from act to act is something the page accumulates.
    let debut = 0;
    const parActe = touchesParActe.map((n) => {
      const v = detail.slice(debut, (debut += n)).map(([ms]) => ms);
      return v.length ? centile(v, 50) : 0;
    });
    log(`ms par touche, médiane de chaque acte : ${parActe.join(' ')}`);
    const lentes = detail.filter(([ms]) => ms > 50);
    log(`touches au-delà de 50 ms : ${lentes.length} sur ${detail.length}`);
    const parQuoi = new Map<string, number[]>();
    for (const [ms, touche, id] of lentes) {
      const cle = `${touche.length === 1 ? 'caractère' : touche} dans ${id.replace(/^champ-personnes-(pere|mere)-/, 'champ-parent-')}`;
      parQuoi.set(cle, [...(parQuoi.get(cle) ?? []), ms]);
    }
    for (const [cle, v] of [...parQuoi].sort((a, b) => b[1].length - a[1].length).slice(0, 12))
      log(`  ${cle} : ${v.length} touches, médiane ${centile(v, 50)} ms, max ${Math.max(...v)} ms`);
  } catch (e) {
    if (session) log(`capture : ${await capturer(session.page, 'bench-saisie-echec')}`);
    throw e;
  } finally {
    await session?.fermer();
  }
}

await main();

import type { Page } from 'playwright-core';

/**
 * Measures taken inside the page, not from the test runner (whose round trips to the browser
 * would count): every keystroke (a chord such as Ctrl+Entrée is one; modifiers alone are not),
 * and the UI time from a key to a DOM condition, by `performance.now()`.
 *
 * Installed as plain JavaScript text: the benchmark runs under tsx, whose helpers injected
 * into functions would not exist in the page.
 */
const INSTRUMENT = `(() => {
  if (window.__banc) return;
  // Every call to the application's API kept (the default buffer holds 250 entries).
  performance.setResourceTimingBufferSize(100000);
  performance.clearResourceTimings();
  const modificateurs = new Set(['Control', 'Shift', 'Alt', 'Meta']);
  const b = { touches: 0, arme: false, t0: null, fini: false, resultat: null, arreter: null };
  document.addEventListener('keydown', (e) => {
    if (e.repeat || modificateurs.has(e.key)) return;
    b.touches++;
    if (b.arme) { b.arme = false; b.t0 = performance.now(); }
  }, { capture: true });
  // Checked at each DOM change, focus change and frame: the first moment the condition holds.
  b.armer = (condition) => {
    if (b.arreter) b.arreter();
    b.arme = true; b.t0 = null; b.fini = false; b.resultat = null;
    const verifier = () => {
      if (b.t0 === null || b.fini || !condition()) return;
      b.fini = true; b.resultat = performance.now() - b.t0; b.arreter();
    };
    const obs = new MutationObserver(verifier);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    document.addEventListener('focusin', verifier, true);
    let trame = requestAnimationFrame(function boucle() { verifier(); trame = requestAnimationFrame(boucle); });
    b.arreter = () => { obs.disconnect(); document.removeEventListener('focusin', verifier, true); cancelAnimationFrame(trame); b.arreter = null; };
  };
  // The request dialog shows another request, loaded, with the focus inside (where the next key
  // goes); or it closed after the last one.
  b.titreDemande = () => {
    const d = document.querySelector('[role="dialog"]');
    const id = d && d.getAttribute('aria-labelledby');
    const t = id && document.getElementById(id);
    return d ? (t ? t.textContent : '') : null;
  };
  b.demandeSuivanteMontree = () => {
    const avant = b.titreDemande();
    return () => {
      const d = document.querySelector('[role="dialog"]');
      if (!d) return true;
      return b.titreDemande() !== avant && d.textContent.includes('Rapprochement :') && d.contains(document.activeElement);
    };
  };
  window.__banc = b;
})()`;

export const instrumenter = (page: Page) => page.evaluate(INSTRUMENT);

export const touches = (page: Page) => page.evaluate<number>('window.__banc.touches');

/** Arms the timer: it starts at the next keystroke and stops when the condition (JavaScript text) holds. */
export const armer = (page: Page, condition: string) => page.evaluate(`window.__banc.armer(${condition})`);

export const armerDemandeSuivante = (page: Page) => armer(page, 'window.__banc.demandeSuivanteMontree()');

/**
 * Waits until the expression (JavaScript text) gives a truthy value, and returns it. Polled with
 * `evaluate`: the page's CSP forbids the string evaluation `waitForFunction` does with text, and
 * the polling's round trips do not count (the time is measured in the page).
 */
export async function attendre<T>(page: Page, expression: string, delaiMs = 60_000): Promise<T> {
  const fin = Date.now() + delaiMs;
  for (;;) {
    const v = await page.evaluate<T>(expression);
    if (v) return v;
    if (Date.now() > fin) throw new Error(`attente dépassée (${delaiMs} ms) : ${expression}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** The UI time measured (ms), once the condition holds. */
export async function mesure(page: Page, delaiMs = 60_000): Promise<number> {
  await attendre(page, 'window.__banc.fini', delaiMs);
  return page.evaluate<number>('window.__banc.resultat');
}

/** Where the UI time goes: the page's calls to the application's API, by name (count, median ms). */
export async function appelsApi(page: Page): Promise<Record<string, { n: number; median_ms: number }>> {
  const entrees = await page.evaluate<[string, number][]>(
    `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/appel/')).map((e) => [new URL(e.name).pathname.split('/').pop(), e.duration])`,
  );
  const parNom = new Map<string, number[]>();
  for (const [nom, ms] of entrees) parNom.set(nom, [...(parNom.get(nom) ?? []), ms]);
  return Object.fromEntries(
    [...parNom].map(([nom, v]) => {
      const tries = v.sort((a, b) => a - b);
      return [nom, { n: v.length, median_ms: Math.round(tries[Math.floor(tries.length / 2)]) }];
    }),
  );
}

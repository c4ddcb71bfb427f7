import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { dossierCaptures, demarrerHarnais, lancerChromium, type HarnaisDeTest } from './harnais';

/**
 * What every end-to-end scenario of the renderer needs: a fresh harness (temporary data
 * folder), Debian's Chromium, a page on the application, the page's errors collected (a
 * scenario fails on any script error), axe for accessibility, screenshots in test-results/.
 */
export interface Session {
  harnais: HarnaisDeTest;
  navigateur: Browser;
  page: Page;
  /** Console errors and uncaught exceptions of the page. */
  erreursPage: string[];
  fermer(): Promise<void>;
}

export async function ouvrirSession(
  options: {
    largeur?: number;
    hauteur?: number;
    /** Prepares data before the page opens. */ avant?: (h: HarnaisDeTest) => Promise<void>;
    /** A data folder prepared beforehand (a register filled for a bench); a fresh one otherwise. */
    dossierDonnees?: string;
  } = {},
): Promise<Session> {
  const harnais = await demarrerHarnais({ dossierDonnees: options.dossierDonnees });
  await options.avant?.(harnais);
  const navigateur = await lancerChromium();
  const contexte = await navigateur.newContext({
    viewport: { width: options.largeur ?? 1366, height: options.hauteur ?? 860 },
    locale: 'fr-FR',
    acceptDownloads: true,
  });
  const page = await contexte.newPage();
  const erreursPage: string[] = [];
  page.on('pageerror', (e) => erreursPage.push(`exception : ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') erreursPage.push(`console : ${m.text()}`);
  });
  await page.goto(harnais.url);
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  return {
    harnais,
    navigateur,
    page,
    erreursPage,
    async fermer() {
      await navigateur.close().catch(() => undefined);
      await harnais.arreter();
    },
  };
}

/** Calls the harness API directly (to prepare data a scenario does not exercise itself). */
export async function appelerApi<T = unknown>(harnais: HarnaisDeTest, nom: string, entree: unknown): Promise<T> {
  const jeton = new URL(harnais.url).searchParams.get('jeton') ?? '';
  const reponse = await fetch(`${harnais.origine}/api/appel/${nom}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jeton}` },
    body: JSON.stringify(entree),
  });
  const enveloppe = (await reponse.json()) as { ok: boolean; valeur?: T; erreur?: { code: string; message: string } };
  if (!enveloppe.ok) throw new Error(`${nom} : ${enveloppe.erreur?.code} ${enveloppe.erreur?.message}`);
  return enveloppe.valeur as T;
}

export async function importerParApi(
  harnais: HarnaisDeTest,
  nomFichier: string,
  contenu: string,
): Promise<{ actesAjoutes: number; lignesRejetees: number }> {
  return appelerApi(harnais, 'registre.importer', {
    nomFichier,
    contenuBase64: Buffer.from(contenu, 'utf8').toString('base64'),
  });
}

export async function renseignerCommuneParApi(harnais: HarnaisDeTest): Promise<void> {
  await appelerApi(harnais, 'parametres.enregistrerCommune', {
    nom: 'Albi',
    codeInsee: '81004',
    departement: '81',
    emailFonctionnel: 'etat-civil@mairie-albi.fr',
  });
}

/**
 * Fluent UI's focus manager (Tabster) inserts focusable, aria-hidden `<i data-tabster-dummy>`
 * sentinels that hand the focus on at once: a documented false positive of axe's
 * aria-hidden-focus rule (microsoft/tabster#288, fluentui#25133). Only those nodes are ignored.
 */
function fauxPositifTabster(regle: string, html: string): boolean {
  return regle === 'aria-hidden-focus' && html.includes('data-tabster-dummy');
}

/** axe-core on the page as it is now: no serious or critical violation is accepted. */
export async function verifierAccessibilite(page: Page, ecran: string): Promise<void> {
  // Fluent dialogs and toasts fade in: axe would read their colours mid-animation as low contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const resultat = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const graves = resultat.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !fauxPositifTabster(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${ecran} : ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(graves).toEqual([]);
}

export async function capturer(page: Page, nom: string): Promise<string> {
  const fichier = path.join(dossierCaptures, `${nom}.png`);
  await page.screenshot({ path: fichier });
  return fichier;
}

/** The text of a downloaded file (the page saves through a Blob URL on an <a download>). */
export async function contenuTelecharge(
  page: Page,
  declencher: () => Promise<void>,
): Promise<{ nom: string; octets: Buffer }> {
  const [telechargement] = await Promise.all([page.waitForEvent('download'), declencher()]);
  const chemin = await telechargement.path();
  return { nom: telechargement.suggestedFilename(), octets: fs.readFileSync(chemin) };
}

/** An act ready for `registre.enregistrer` (dates ISO), for scenarios that need one in the register. */
export function acteNaissance(annee: number, numero: number, nom: string, prenoms: string[]) {
  return {
    type: 'naissance',
    annee,
    numero,
    dateActe: `${annee}-03-14`,
    dateEvenement: `${annee}-03-12`,
    lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81', pays: null },
    personnes: [
      { role: 'titulaire', nom, prenoms, sexe: 'F' },
      { role: 'pere', nom, prenoms: ['Paul'] },
      { role: 'mere', nom: 'Martin', prenoms: ['Cécile'] },
    ],
    mentions: [],
  };
}

export async function enregistrerParApi(harnais: HarnaisDeTest, acte: unknown): Promise<{ id: number }> {
  return appelerApi(harnais, 'registre.enregistrer', { acte });
}

/** The texts that describe a field (aria-describedby): its error or its hint, as a screen reader reads them. */
export async function messageSous(page: Page, id: string): Promise<string> {
  return page.evaluate((i) => {
    const champ = document.getElementById(i);
    const ids = (champ?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return ids.map((x) => document.getElementById(x)?.textContent ?? '').join(' ');
  }, id);
}

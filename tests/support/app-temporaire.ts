import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creerApp, type App, type OptionsApp } from '../../electron/app';
import type { NomAppel } from '../../shared/contract';

/** A real app (real SQLite database) in a fresh temporary folder; `fermer` removes everything. */
export function appTemporaire(options: Partial<OptionsApp> = {}): App & { dossier: string; detruire(): void } {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-test-'));
  const app = creerApp({ dossierDonnees: dossier, transport: 'navigateur', ...options });
  return Object.assign(app, {
    dossier,
    detruire() {
      app.fermer();
      fs.rmSync(dossier, { recursive: true, force: true });
    },
  });
}

export function dossierTemporaire(prefixe = 'registre-test-'): { chemin: string; detruire(): void } {
  const chemin = fs.mkdtempSync(path.join(os.tmpdir(), prefixe));
  return { chemin, detruire: () => fs.rmSync(chemin, { recursive: true, force: true }) };
}

/**
 * The contract's calls on a real app, as the renderer makes them: the value, or a thrown Error
 * carrying the typed error (`erreur`). One helper for every test that drives the app directly.
 */
export function appelant(app: Pick<App, 'repartir'>) {
  return async <T = any>(nom: NomAppel, entree: unknown = {}): Promise<T> => {
    const r = await app.repartir(nom, entree);
    if (!r.ok) throw Object.assign(new Error(`${nom} : ${r.erreur.code} ${r.erreur.message}`), { erreur: r.erreur });
    return r.valeur as T;
  };
}

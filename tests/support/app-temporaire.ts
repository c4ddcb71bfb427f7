import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creerApp, type App, type OptionsApp } from '../../electron/app';

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

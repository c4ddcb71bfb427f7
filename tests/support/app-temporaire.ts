import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creerApp, type App, type OptionsApp } from '../../electron/app';
import type { EntreeAppel, NomAppel, SortieAppel } from '../../shared/contract';
import { RegistreError, type ErreurSerialisee } from '../../shared/errors';

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

type Repartiteur = Pick<App, 'repartir'>;

/**
 * A refused call as a thrown error, as the renderer's client throws it: the typed error (same
 * code, French message and details), with the call's name (`appel`) and the error as sent.
 */
function echec(appel: string, erreur: ErreurSerialisee): RegistreError & { appel: string; erreur: ErreurSerialisee } {
  return Object.assign(RegistreError.fromJSON(erreur), { appel, erreur });
}

/**
 * The contract's calls on a real app, as the renderer makes them: the value, or a thrown
 * RegistreError carrying the typed error (`code`, `details`, and `erreur` as sent). One helper for
 * every test that drives the app directly; `appelantType` checks the entry against the contract.
 */
export function appelant(app: Repartiteur) {
  return async <T = any>(nom: NomAppel, entree: unknown = {}): Promise<T> => {
    const r = await app.repartir(nom, entree);
    if (!r.ok) throw echec(nom, r.erreur);
    return r.valeur as T;
  };
}

export function appelantType(app: Repartiteur) {
  return async <N extends NomAppel>(nom: N, entree: EntreeAppel<N>): Promise<SortieAppel<N>> => {
    const r = await app.repartir(nom, entree);
    if (!r.ok) throw echec(nom, r.erreur);
    return r.valeur as SortieAppel<N>;
  };
}

/** A call that must be refused: its typed error, or a failure if it went through. */
export function refuseur(app: Repartiteur) {
  return async (nom: NomAppel, entree: unknown): Promise<ErreurSerialisee> => {
    const r = await app.repartir(nom, entree);
    if (r.ok) throw new Error(`${nom} aurait dû être refusé`);
    return r.erreur;
  };
}

import fs from 'node:fs';
import path from 'node:path';
import pkcs11js from 'pkcs11js';
import { erreurs } from '../../shared/errors';
import { journal } from '../journal';

/** The pkcs11js binding of one loaded PKCS#11 library (what every other file talks to). */
export type Liaison = pkcs11js.PKCS11;

/**
 * A seam for tests only: wraps the binding of a library (to inject the return codes SoftHSM2
 * cannot produce: PIN locked, final try, card pulled out during a call). Installed before
 * the service loads its library; never set by the application.
 */
export type EnveloppeLiaison = (chemin: string, liaison: Liaison) => Liaison;

interface Chargee {
  readonly brute: Liaison;
  readonly description: string;
}

/**
 * Module-level registry: each PKCS#11 library is loaded and C_Initialize'd ONCE per process.
 * A second `load` + `C_Initialize` of the same library would share its global state anyway
 * (dlopen returns the same handle) and C_Finalize from one user would cut the other's sessions.
 */
const chargees = new Map<string, Chargee>();
let enveloppe: EnveloppeLiaison | null = null;

export function definirEnveloppeLiaison(e: EnveloppeLiaison | null): void {
  enveloppe = e;
}

function cle(chemin: string): string {
  const absolu = path.resolve(chemin);
  try {
    return fs.realpathSync(absolu);
  } catch {
    return absolu;
  }
}

/**
 * Loads (once) and initialises (once) the library at `chemin`. Throws `carte_inconnue` with a
 * technical reason when the file is missing or is not a PKCS#11 library.
 */
export function chargerBibliotheque(chemin: string): { liaison: Liaison; description: string } {
  const k = cle(chemin);
  let c = chargees.get(k);
  if (!c) {
    if (!fs.existsSync(k)) throw erreurs.carteInconnue(`bibliothèque PKCS#11 introuvable (${path.basename(k)})`);
    const brute = new pkcs11js.PKCS11();
    try {
      brute.load(k);
    } catch {
      throw erreurs.carteInconnue(`bibliothèque PKCS#11 illisible (${path.basename(k)})`);
    }
    try {
      // OS locking: the async calls (C_SignAsync...) run on libuv's thread pool.
      brute.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
    } catch (e) {
      // Already initialised by another user of the same library in this process: fine.
      if ((e as { code?: number }).code !== pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        try {
          brute.close();
        } catch {
          // nothing more to release
        }
        throw erreurs.carteInconnue(`initialisation PKCS#11 refusée (${path.basename(k)})`);
      }
    }
    const info = brute.C_GetInfo();
    c = { brute, description: `${info.manufacturerID.trim()} ${info.libraryDescription.trim()}`.trim() };
    chargees.set(k, c);
    journal.info('bibliothèque PKCS#11 chargée', { fichier: path.basename(k) });
  }
  return { liaison: enveloppe ? enveloppe(k, c.brute) : c.brute, description: c.description };
}

export function bibliothequeChargee(chemin: string): boolean {
  return chargees.has(cle(chemin));
}

export { pkcs11js };

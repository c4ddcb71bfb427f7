import type { CodeErreur } from '../errors';

/**
 * How a batch of documents is signed with the officer's card (pure rules, no I/O): the card
 * decides how often the PIN is typed, and which errors stop the batch.
 *
 * - `aucune`: the card asks for no PIN (CKF_LOGIN_REQUIRED absent).
 * - `clavier_lecteur`: the reader has its own PIN pad: the holder types on it, Registre sees
 *   nothing; the batch runs in one go (the reader asks as often as the card wants).
 * - `une_par_lot`: one PIN typed for the whole batch (the key has no CKA_ALWAYS_AUTHENTICATE).
 * - `une_par_signature`: the key carries CKA_ALWAYS_AUTHENTICATE (qualified signature keys):
 *   each signature needs a PIN typed for it, never kept for the next one.
 */
export type SaisiePin = 'aucune' | 'clavier_lecteur' | 'une_par_lot' | 'une_par_signature';

export interface CartePourLot {
  readonly pinRequis: boolean;
  readonly pinParSignature: boolean;
  readonly lecteurAClavier: boolean;
}

export function saisiePin(c: CartePourLot): SaisiePin {
  if (c.lecteurAClavier) return 'clavier_lecteur';
  if (c.pinParSignature) return 'une_par_signature';
  if (!c.pinRequis) return 'aucune';
  return 'une_par_lot';
}

/** How many documents one call signs with what was typed once: one when the PIN serves one signature. */
export function documentsParAppel(saisie: SaisiePin, restants: number): number {
  return saisie === 'une_par_signature' ? Math.min(1, restants) : restants;
}

/**
 * Errors about the card or the officer, not one document: the batch stops at once, the current
 * document is given back, the rest stays to sign. Never retried by us (a wrong PIN is never
 * presented twice).
 */
const CODES_ARRET: ReadonlySet<CodeErreur> = new Set<CodeErreur>([
  'carte_absente',
  'session_requise',
  'carte_retiree',
  'carte_inconnue',
  'carte_changee_pendant_lot',
  'pin_incorrect',
  'pin_bloque',
  'pin_longueur',
  'pin_requis',
  'operation_annulee',
  'certificat_invalide',
  'droits_insuffisants',
  'interne',
]);

export function arreteLeLot(code: CodeErreur): boolean {
  return CODES_ARRET.has(code);
}

/** What one call of the batch reported (the contract's RapportLot, reduced to what the rules read). */
export interface ResultatAppel {
  readonly signes: number;
  readonly echecs: number;
  readonly enAttente: number;
  readonly codeErreur: CodeErreur | null;
}

/** A batch as the officer follows it, across the calls it takes. */
export interface EtatLot {
  readonly saisie: SaisiePin;
  readonly total: number;
  readonly signes: number;
  readonly echecs: number;
  /** PINs typed so far (the dialog's entries). */
  readonly saisies: number;
  readonly fin: null | 'termine' | 'arrete';
  readonly codeArret: CodeErreur | null;
}

export function debuterLot(saisie: SaisiePin, total: number): EtatLot {
  return { saisie, total, signes: 0, echecs: 0, saisies: 0, fin: total === 0 ? 'termine' : null, codeArret: null };
}

/** Counts one PIN typed (before the call that uses it). */
export function pinSaisi(e: EtatLot): EtatLot {
  return { ...e, saisies: e.saisies + 1 };
}

/**
 * After one call: the batch goes on by itself while documents remain and the card asked a PIN
 * for one signature only; any stopping error ends it; otherwise it is done.
 */
export function apresAppel(e: EtatLot, r: ResultatAppel): EtatLot {
  const suite = { ...e, signes: e.signes + r.signes, echecs: e.echecs + r.echecs };
  if (r.codeErreur && arreteLeLot(r.codeErreur)) return { ...suite, fin: 'arrete', codeArret: r.codeErreur };
  const faits = suite.signes + suite.echecs;
  if (r.enAttente > 0 && faits < e.total && e.saisie === 'une_par_signature') return suite;
  return { ...suite, fin: 'termine' };
}

/** Documents not yet signed nor failed. */
export function restants(e: EtatLot): number {
  return Math.max(0, e.total - e.signes - e.echecs);
}

/** "signature 2 sur 3": the document about to be signed (or the last one, once done). */
export function libelleProgression(e: EtatLot): string {
  const n = Math.min(e.total, e.signes + e.echecs + (e.fin ? 0 : 1));
  return `signature ${n} sur ${e.total}`;
}

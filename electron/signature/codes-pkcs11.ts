import { erreurs, RegistreError } from '../../shared/errors';
import { pkcs11js } from './liaison';

/**
 * What the token's flags say about the user PIN (PKCS#11 gives no count, only these flags:
 * like Web eID, we never invent a number we do not have).
 */
export type EtatPin = 'normal' | 'essais_bas' | 'dernier_essai' | 'bloque';

export function etatPinDepuisDrapeaux(drapeaux: number, role: 'utilisateur' | 'so' = 'utilisateur'): EtatPin {
  const [bloque, dernier, bas] =
    role === 'so'
      ? [pkcs11js.CKF_SO_PIN_LOCKED, pkcs11js.CKF_SO_PIN_FINAL_TRY, pkcs11js.CKF_SO_PIN_COUNT_LOW]
      : [pkcs11js.CKF_USER_PIN_LOCKED, pkcs11js.CKF_USER_PIN_FINAL_TRY, pkcs11js.CKF_USER_PIN_COUNT_LOW];
  if (drapeaux & bloque) return 'bloque';
  if (drapeaux & dernier) return 'dernier_essai';
  if (drapeaux & bas) return 'essais_bas';
  return 'normal';
}

/** Tries left when the flags tell it exactly (final try = 1, locked = 0); otherwise unknown. */
export function essaisRestants(etat: EtatPin): number | undefined {
  return etat === 'dernier_essai' ? 1 : etat === 'bloque' ? 0 : undefined;
}

export function codePkcs11(e: unknown): number | null {
  if (
    e &&
    typeof e === 'object' &&
    (e as Error).name === 'Pkcs11Error' &&
    typeof (e as { code?: unknown }).code === 'number'
  ) {
    return (e as { code: number }).code;
  }
  return null;
}

const RETRAIT = new Set([
  pkcs11js.CKR_DEVICE_REMOVED,
  pkcs11js.CKR_TOKEN_NOT_PRESENT,
  pkcs11js.CKR_SESSION_HANDLE_INVALID,
  pkcs11js.CKR_SESSION_CLOSED,
  pkcs11js.CKR_SLOT_ID_INVALID,
]);

/** True when the code means the card is gone (pulled out, or its session died with it). */
export function estRetrait(e: unknown): boolean {
  const code = codePkcs11(e);
  return code !== null && RETRAIT.has(code);
}

export interface ContexteErreur {
  /** Reads the token flags again after a failed PIN, to tell how many tries are left. */
  relireDrapeaux?: () => number | null;
  role?: 'utilisateur' | 'so';
  bornesPin?: { min: number; max: number };
}

/**
 * Maps a PKCS#11 failure to the typed taxonomy. The message never carries the PIN nor any
 * value from the card, only what the user must know to act.
 */
export function versErreurCarte(e: unknown, ctx: ContexteErreur = {}): RegistreError {
  if (e instanceof RegistreError) return e;
  const code = codePkcs11(e);
  if (code === null) return erreurs.interne(e instanceof Error ? e.name : typeof e);
  switch (code) {
    case pkcs11js.CKR_PIN_INCORRECT: {
      let etat: EtatPin = 'normal';
      try {
        const d = ctx.relireDrapeaux?.();
        if (d !== null && d !== undefined) etat = etatPinDepuisDrapeaux(d, ctx.role);
      } catch {
        // the card may have gone in between: the PIN error is still the right answer
      }
      // The security officer's code is the card's unblocking code (PUK): say which code was wrong.
      if (ctx.role === 'so')
        return etat === 'bloque' ? erreurs.codeDeblocageBloque() : erreurs.codeDeblocageIncorrect(essaisRestants(etat));
      if (etat === 'bloque') return erreurs.pinBloque();
      return erreurs.pinIncorrect(essaisRestants(etat));
    }
    case pkcs11js.CKR_PIN_LOCKED:
      return ctx.role === 'so' ? erreurs.codeDeblocageBloque() : erreurs.pinBloque();
    case pkcs11js.CKR_PIN_LEN_RANGE:
      return erreurs.pinLongueur(ctx.bornesPin?.min, ctx.bornesPin?.max);
    case pkcs11js.CKR_PIN_INVALID:
      return erreurs.saisieInvalide('pin', 'le code contient des caractères que la carte n’accepte pas');
    case pkcs11js.CKR_PIN_EXPIRED:
      return erreurs.droitsInsuffisants('Le code PIN a expiré : changez-le avant de continuer.');
    case pkcs11js.CKR_FUNCTION_CANCELED:
    case pkcs11js.CKR_CANCEL:
      return erreurs.operationAnnulee();
    case pkcs11js.CKR_TOKEN_NOT_RECOGNIZED:
      return erreurs.carteInconnue('le lecteur ne reconnaît pas cette carte');
    case pkcs11js.CKR_USER_PIN_NOT_INITIALIZED:
      return erreurs.carteInconnue('la carte n’est pas encore activée (PIN non initialisé)');
    default:
      if (RETRAIT.has(code)) return erreurs.carteRetiree();
      return erreurs.interne(`PKCS#11 ${nomCode(code)}`);
  }
}

const noms = new Map<number, string>();
for (const [k, v] of Object.entries(pkcs11js))
  if (k.startsWith('CKR_') && typeof v === 'number' && !noms.has(v)) noms.set(v, k);

export function nomCode(code: number): string {
  return noms.get(code) ?? `0x${code.toString(16)}`;
}

import { describe, expect, it } from 'vitest';
import { RegistreError } from '../../../shared/errors';
import {
  essaisRestants,
  estRetrait,
  etatPinDepuisDrapeaux,
  versErreurCarte,
} from '../../../electron/signature/codes-pkcs11';
import { pkcs11js } from '../../../electron/signature/liaison';

const err = (code: number) => new pkcs11js.Pkcs11Error('CKR', code, 'C_Login');

describe('codes PKCS#11 -> taxonomie', () => {
  it('lit l’état du PIN dans les drapeaux du jeton', () => {
    expect(etatPinDepuisDrapeaux(0)).toBe('normal');
    expect(etatPinDepuisDrapeaux(pkcs11js.CKF_USER_PIN_COUNT_LOW)).toBe('essais_bas');
    expect(etatPinDepuisDrapeaux(pkcs11js.CKF_USER_PIN_COUNT_LOW | pkcs11js.CKF_USER_PIN_FINAL_TRY)).toBe(
      'dernier_essai',
    );
    expect(etatPinDepuisDrapeaux(pkcs11js.CKF_USER_PIN_LOCKED | pkcs11js.CKF_USER_PIN_FINAL_TRY)).toBe('bloque');
    expect(etatPinDepuisDrapeaux(pkcs11js.CKF_SO_PIN_FINAL_TRY, 'so')).toBe('dernier_essai');
    expect(etatPinDepuisDrapeaux(pkcs11js.CKF_SO_PIN_FINAL_TRY, 'utilisateur')).toBe('normal');
    expect(essaisRestants('dernier_essai')).toBe(1);
    expect(essaisRestants('essais_bas')).toBeUndefined();
  });

  it('PIN faux : essais restants d’après les drapeaux relus après l’échec', () => {
    const dernier = versErreurCarte(err(pkcs11js.CKR_PIN_INCORRECT), {
      relireDrapeaux: () => pkcs11js.CKF_USER_PIN_FINAL_TRY,
    });
    expect(dernier.code).toBe('pin_incorrect');
    expect(dernier.details).toMatchObject({ essaisRestants: 1, dernierEssai: true });
    expect(dernier.message).toMatch(/dernier essai/);
    const bas = versErreurCarte(err(pkcs11js.CKR_PIN_INCORRECT), {
      relireDrapeaux: () => pkcs11js.CKF_USER_PIN_COUNT_LOW,
    });
    expect(bas.details).toMatchObject({ dernierEssai: false });
    const bloque = versErreurCarte(err(pkcs11js.CKR_PIN_INCORRECT), {
      relireDrapeaux: () => pkcs11js.CKF_USER_PIN_LOCKED,
    });
    expect(bloque.code).toBe('pin_bloque');
    // the card vanished while we re-read its flags: still a PIN error
    const sansCarte = versErreurCarte(err(pkcs11js.CKR_PIN_INCORRECT), {
      relireDrapeaux: () => {
        throw err(pkcs11js.CKR_DEVICE_REMOVED);
      },
    });
    expect(sansCarte.code).toBe('pin_incorrect');
  });

  it.each([
    [pkcs11js.CKR_PIN_LOCKED, 'pin_bloque'],
    [pkcs11js.CKR_PIN_LEN_RANGE, 'pin_longueur'],
    [pkcs11js.CKR_DEVICE_REMOVED, 'carte_retiree'],
    [pkcs11js.CKR_TOKEN_NOT_PRESENT, 'carte_retiree'],
    [pkcs11js.CKR_SESSION_HANDLE_INVALID, 'carte_retiree'],
    [pkcs11js.CKR_TOKEN_NOT_RECOGNIZED, 'carte_inconnue'],
    [pkcs11js.CKR_FUNCTION_CANCELED, 'operation_annulee'],
    [pkcs11js.CKR_DEVICE_ERROR, 'interne'],
  ])('code %i -> %s', (code, attendu) => {
    expect(versErreurCarte(err(code), { bornesPin: { min: 4, max: 8 } }).code).toBe(attendu);
  });

  it('reconnaît un retrait, garde une RegistreError telle quelle, et cache le reste', () => {
    expect(estRetrait(err(pkcs11js.CKR_DEVICE_REMOVED))).toBe(true);
    expect(estRetrait(err(pkcs11js.CKR_PIN_INCORRECT))).toBe(false);
    const r = new RegistreError('conflit', 'x');
    expect(versErreurCarte(r)).toBe(r);
    const interne = versErreurCarte(new TypeError('1234 secret'));
    expect(interne.code).toBe('interne');
    expect(JSON.stringify(interne.toJSON())).not.toContain('1234');
  });
});

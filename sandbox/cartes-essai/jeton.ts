import { createPublicKey } from 'node:crypto';
import { chargerBibliotheque, pkcs11js, type Liaison } from '../../electron/signature';

/**
 * Writes to a SoftHSM2 token through the application's own PKCS#11 registry (the library is
 * loaded once per process, so the provisioning and the code under test share it).
 */
export interface CleGeneree {
  id: Buffer;
  /** SubjectPublicKeyInfo, DER. */
  spki: Buffer;
}

const PAD = (s: string) => s.padEnd(32, ' ');

export function initialiserJeton(bibliotheque: string, label: string, soPin: string, pin: string): void {
  const { liaison } = chargerBibliotheque(bibliotheque);
  const libre = liaison
    .C_GetSlotList(true)
    .find((s) => (liaison.C_GetTokenInfo(s).flags & pkcs11js.CKF_TOKEN_INITIALIZED) === 0);
  if (!libre) throw new Error('SoftHSM2 : aucun emplacement libre');
  liaison.C_InitToken(libre, soPin, PAD(label));
  const slot = trouverJeton(liaison, label);
  const so = liaison.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
  try {
    liaison.C_Login(so, pkcs11js.CKU_SO, soPin);
    liaison.C_InitPIN(so, pin);
    liaison.C_Logout(so);
  } finally {
    liaison.C_CloseSession(so);
  }
}

export function trouverJeton(liaison: Liaison, label: string): Buffer {
  const slot = liaison.C_GetSlotList(true).find((s) => liaison.C_GetTokenInfo(s).label.trim() === label);
  if (!slot) throw new Error(`jeton ${label} introuvable`);
  return slot;
}

/** Runs `fn` in a read-write session logged in as the user. */
export function avecSessionUtilisateur<T>(
  bibliotheque: string,
  label: string,
  pin: string,
  fn: (l: Liaison, s: Buffer) => T,
): T {
  const { liaison } = chargerBibliotheque(bibliotheque);
  const session = liaison.C_OpenSession(
    trouverJeton(liaison, label),
    pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION,
  );
  try {
    liaison.C_Login(session, pkcs11js.CKU_USER, pin);
    try {
      return fn(liaison, session);
    } finally {
      liaison.C_Logout(session);
    }
  } finally {
    liaison.C_CloseSession(session);
  }
}

const OID_P256 = Buffer.from('06082a8648ce3d030107', 'hex');

/**
 * Generates a key pair ON the token: private key sensitive and never extractable, like a
 * smartcard's. `toujoursAuthentifier` mirrors qualified signature keys, which ask for the PIN
 * before each signature (CKA_ALWAYS_AUTHENTICATE).
 */
export function genererCle(
  liaison: Liaison,
  session: Buffer,
  options: { id: number; label: string; algorithme: 'RSA' | 'EC'; toujoursAuthentifier?: boolean },
): CleGeneree {
  const id = Buffer.from([options.id]);
  const commun = [
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_ID, value: id },
    { type: pkcs11js.CKA_LABEL, value: options.label },
  ];
  const publique =
    options.algorithme === 'RSA'
      ? [
          ...commun,
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
          { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_RSA },
          { type: pkcs11js.CKA_VERIFY, value: true },
          { type: pkcs11js.CKA_ENCRYPT, value: false },
          { type: pkcs11js.CKA_WRAP, value: false },
          { type: pkcs11js.CKA_MODULUS_BITS, value: 2048 },
          { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
        ]
      : [
          ...commun,
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
          { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_EC },
          { type: pkcs11js.CKA_VERIFY, value: true },
          { type: pkcs11js.CKA_EC_PARAMS, value: OID_P256 },
        ];
  const privee = [
    ...commun,
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_KEY_TYPE, value: options.algorithme === 'RSA' ? pkcs11js.CKK_RSA : pkcs11js.CKK_EC },
    { type: pkcs11js.CKA_PRIVATE, value: true },
    { type: pkcs11js.CKA_SENSITIVE, value: true },
    { type: pkcs11js.CKA_EXTRACTABLE, value: false },
    { type: pkcs11js.CKA_SIGN, value: true },
    ...(options.algorithme === 'RSA'
      ? [
          { type: pkcs11js.CKA_DECRYPT, value: false },
          { type: pkcs11js.CKA_UNWRAP, value: false },
        ]
      : []),
    ...(options.toujoursAuthentifier ? [{ type: pkcs11js.CKA_ALWAYS_AUTHENTICATE, value: true }] : []),
  ];
  const mecanisme = options.algorithme === 'RSA' ? pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN : pkcs11js.CKM_EC_KEY_PAIR_GEN;
  const paire = liaison.C_GenerateKeyPair(session, { mechanism: mecanisme }, publique, privee);
  return { id, spki: spkiDe(liaison, session, paire.publicKey, options.algorithme) };
}

function spkiDe(liaison: Liaison, session: Buffer, cle: Buffer, algorithme: 'RSA' | 'EC'): Buffer {
  const b64 = (b: Buffer) => b.toString('base64url');
  if (algorithme === 'RSA') {
    const [n, e] = liaison.C_GetAttributeValue(session, cle, [
      { type: pkcs11js.CKA_MODULUS },
      { type: pkcs11js.CKA_PUBLIC_EXPONENT },
    ]);
    return createPublicKey({
      key: { kty: 'RSA', n: b64(n.value as Buffer), e: b64(e.value as Buffer) },
      format: 'jwk',
    }).export({
      type: 'spki',
      format: 'der',
    });
  }
  const [point] = liaison.C_GetAttributeValue(session, cle, [{ type: pkcs11js.CKA_EC_POINT }]);
  // CKA_EC_POINT is a DER OCTET STRING (04 41) around the uncompressed point 04 || X || Y.
  const brut = (point.value as Buffer).subarray(2);
  const x = brut.subarray(1, 33);
  const y = brut.subarray(33, 65);
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64(x), y: b64(y) }, format: 'jwk' }).export({
    type: 'spki',
    format: 'der',
  });
}

/** Stores a certificate on the token, next to its key (same CKA_ID), as card issuers do. */
export function ecrireCertificat(
  liaison: Liaison,
  session: Buffer,
  options: {
    id: Buffer | null;
    label: string;
    der: Buffer;
    sujet: Buffer;
    emetteur: Buffer;
    serie: Buffer;
    autorite?: boolean;
  },
): void {
  liaison.C_CreateObject(session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: false },
    { type: pkcs11js.CKA_LABEL, value: options.label },
    ...(options.id ? [{ type: pkcs11js.CKA_ID, value: options.id }] : []),
    { type: pkcs11js.CKA_VALUE, value: options.der },
    { type: pkcs11js.CKA_SUBJECT, value: options.sujet },
    { type: pkcs11js.CKA_ISSUER, value: options.emetteur },
    { type: pkcs11js.CKA_SERIAL_NUMBER, value: options.serie },
    { type: pkcs11js.CKA_CERTIFICATE_CATEGORY, value: options.autorite ? 2 : 1 },
  ]);
}

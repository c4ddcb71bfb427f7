import { createHash } from 'node:crypto';
import { erreurs, RegistreError } from '../../shared/errors';
import { estRetrait, versErreurCarte, codePkcs11 } from './codes-pkcs11';
import type { JetonVu } from './jetons';
import { pkcs11js, type Liaison } from './liaison';
import { verifierFormePin, type CodePin } from './pin';

export interface CleCarte {
  readonly handle: Buffer;
  readonly algorithme: 'RSA' | 'EC';
  /** Signature length in bytes (RSA modulus, or 2 x the curve size for ECDSA). */
  readonly taille: number;
  readonly courbe: 'P-256' | 'P-384' | 'P-521' | null;
  /** Qualified signature keys ask for the PIN before EACH signature (CKA_ALWAYS_AUTHENTICATE). */
  readonly toujoursAuthentifier: boolean;
}

export interface CertificatSurCarte {
  readonly id: Buffer | null;
  readonly der: Buffer;
}

/** Session states (pkcs11js exports no CKS_* constants): PKCS#11 2.40, section 5.7. */
const CKS_RO_USER_FUNCTIONS = 1;
const CKS_RW_USER_FUNCTIONS = 3;

const COURBES: Record<string, { nom: 'P-256' | 'P-384' | 'P-521'; taille: number }> = {
  '06082a8648ce3d030107': { nom: 'P-256', taille: 64 },
  '06052b81040022': { nom: 'P-384', taille: 96 },
  '06052b81040023': { nom: 'P-521', taille: 132 },
};

/**
 * One PKCS#11 session with one card. Every call goes through `appel`, which maps the return
 * codes to the typed taxonomy and notices a withdrawn card: from then on the session is dead
 * and says so (carte_retiree), it never tries again by itself.
 */
export class SessionCarte {
  #session: Buffer | null;
  #file: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly liaison: Liaison,
    readonly jeton: JetonVu,
    session: Buffer,
  ) {
    this.#session = session;
  }

  static ouvrir(liaison: Liaison, jeton: JetonVu, options: { ecriture?: boolean } = {}): SessionCarte {
    const drapeaux = pkcs11js.CKF_SERIAL_SESSION | (options.ecriture ? pkcs11js.CKF_RW_SESSION : 0);
    try {
      return new SessionCarte(liaison, jeton, liaison.C_OpenSession(jeton.slot, drapeaux));
    } catch (e) {
      throw versErreurCarte(e);
    }
  }

  get ouverte(): boolean {
    return this.#session !== null;
  }

  private get session(): Buffer {
    if (!this.#session) throw erreurs.carteRetiree();
    return this.#session;
  }

  private relireDrapeaux = (): number | null => {
    try {
      return this.liaison.C_GetTokenInfo(this.jeton.slot).flags;
    } catch {
      return null;
    }
  };

  /** Runs one PKCS#11 step; maps its failure; a withdrawn card ends the session at once. */
  private appel<T>(fn: () => T, role: 'utilisateur' | 'so' = 'utilisateur'): T {
    try {
      return fn();
    } catch (e) {
      throw this.echec(e, role);
    }
  }

  private echec(e: unknown, role: 'utilisateur' | 'so' = 'utilisateur'): RegistreError {
    if (estRetrait(e)) this.#session = null;
    return versErreurCarte(e, {
      relireDrapeaux: this.relireDrapeaux,
      role,
      bornesPin: { min: this.jeton.pinMin, max: this.jeton.pinMax },
    });
  }

  estConnectee(): boolean {
    const info = this.appel(() => this.liaison.C_GetSessionInfo(this.session));
    return info.state === CKS_RO_USER_FUNCTIONS || info.state === CKS_RW_USER_FUNCTIONS;
  }

  /**
   * Logs in only when the card asks for it and we are not logged in yet. A PIN-pad reader gets
   * an empty PIN (the reader asks the holder). A wrong PIN is reported, never retried.
   */
  connecter(pin: CodePin | null, role: 'utilisateur' | 'so' = 'utilisateur'): void {
    if (role === 'utilisateur' && (!this.jeton.pinRequis || this.estConnectee())) return;
    const type = role === 'so' ? pkcs11js.CKU_SO : pkcs11js.CKU_USER;
    try {
      this.presenterPin(type, pin, role);
    } catch (e) {
      if (e instanceof RegistreError) throw e;
      if (codePkcs11(e) === pkcs11js.CKR_USER_ALREADY_LOGGED_IN) return;
      throw this.echec(e, role);
    }
  }

  private presenterPin(type: number, pin: CodePin | null, role: 'utilisateur' | 'so'): void {
    if (this.jeton.cheminProtege) {
      // pkcs11js cannot pass NULL_PTR: an empty PIN is what PIN-pad middlewares accept instead.
      this.liaison.C_Login(this.session, type, '');
      return;
    }
    if (!pin)
      throw erreurs.saisieInvalide('pin', role === 'so' ? 'le code de déblocage est requis' : 'le code PIN est requis');
    verifierFormePin(pin, { min: this.jeton.pinMin, max: this.jeton.pinMax });
    pin.utiliser((p) => this.liaison.C_Login(this.session, type, p));
  }

  deconnecter(): void {
    try {
      if (this.#session) this.liaison.C_Logout(this.#session);
    } catch {
      // not logged in, or the card is gone: nothing to undo
    }
  }

  /** Certificates stored on the card (public objects: readable before login). */
  certificats(): CertificatSurCarte[] {
    return this.appel(() => {
      const l = this.liaison;
      l.C_FindObjectsInit(this.session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }]);
      let handles: Buffer[];
      try {
        handles = l.C_FindObjects(this.session, 64);
      } finally {
        l.C_FindObjectsFinal(this.session);
      }
      return handles.map((h) => {
        const [id, valeur] = l.C_GetAttributeValue(this.session, h, [
          { type: pkcs11js.CKA_ID },
          { type: pkcs11js.CKA_VALUE },
        ]);
        const idb = id.value as Buffer | undefined;
        return { id: idb && idb.length ? Buffer.from(idb) : null, der: Buffer.from(valeur.value as Buffer) };
      });
    });
  }

  /** The private key paired with a certificate (same CKA_ID). Needs a logged-in session. */
  cle(id: Buffer): CleCarte {
    return this.appel(() => {
      const l = this.liaison;
      l.C_FindObjectsInit(this.session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_ID, value: id },
      ]);
      let trouvees: Buffer[];
      try {
        trouvees = l.C_FindObjects(this.session, 2);
      } finally {
        l.C_FindObjectsFinal(this.session);
      }
      if (trouvees.length !== 1) throw erreurs.carteInconnue('clé privée du certificat introuvable sur la carte');
      const handle = trouvees[0];
      const [type, toujours] = l.C_GetAttributeValue(this.session, handle, [
        { type: pkcs11js.CKA_KEY_TYPE },
        { type: pkcs11js.CKA_ALWAYS_AUTHENTICATE },
      ]);
      const toujoursAuthentifier = ((toujours.value as Buffer | undefined)?.[0] ?? 0) === 1;
      const typeCle = (type.value as Buffer).readUIntLE(0, Math.min(6, (type.value as Buffer).length));
      if (typeCle === pkcs11js.CKK_RSA) {
        const [mod] = l.C_GetAttributeValue(this.session, handle, [{ type: pkcs11js.CKA_MODULUS }]);
        return { handle, algorithme: 'RSA', taille: (mod.value as Buffer).length, courbe: null, toujoursAuthentifier };
      }
      if (typeCle === pkcs11js.CKK_EC) {
        const [params] = l.C_GetAttributeValue(this.session, handle, [{ type: pkcs11js.CKA_EC_PARAMS }]);
        const courbe = COURBES[(params.value as Buffer).toString('hex')];
        if (!courbe) throw erreurs.carteInconnue('courbe elliptique non prise en charge');
        return { handle, algorithme: 'EC', taille: courbe.taille, courbe: courbe.nom, toujoursAuthentifier };
      }
      throw erreurs.carteInconnue('type de clé non pris en charge');
    });
  }

  /**
   * Signs `donnees` with SHA-256 (RSASSA-PKCS1-v1_5, or ECDSA over a software SHA-256: raw
   * CKM_ECDSA is what every card supports). One operation at a time on the session.
   */
  signer(cle: CleCarte, donnees: Uint8Array, pin: CodePin | null): Promise<Uint8Array> {
    const suite = this.#file.then(() => this.signerMaintenant(cle, donnees, pin));
    this.#file = suite.catch(() => undefined);
    return suite;
  }

  private async signerMaintenant(cle: CleCarte, donnees: Uint8Array, pin: CodePin | null): Promise<Uint8Array> {
    const l = this.liaison;
    const session = this.session;
    const [mecanisme, entree] =
      cle.algorithme === 'RSA'
        ? [pkcs11js.CKM_SHA256_RSA_PKCS, Buffer.from(donnees.buffer, donnees.byteOffset, donnees.byteLength)]
        : [pkcs11js.CKM_ECDSA, createHash('sha256').update(donnees).digest()];
    // Refused before the card: a key that asks for the PIN at each signature gets one typed for it.
    if (cle.toujoursAuthentifier && !this.jeton.cheminProtege && (!pin || pin.efface)) throw erreurs.pinRequis(true);
    this.appel(() => l.C_SignInit(session, { mechanism: mecanisme }, cle.handle));
    try {
      if (cle.toujoursAuthentifier) this.presenterPin(pkcs11js.CKU_CONTEXT_SPECIFIC, pin, 'utilisateur');
    } catch (e) {
      this.terminerOperation(session, cle);
      throw e instanceof RegistreError ? e : this.echec(e);
    } finally {
      // The PIN of a context-specific login serves this one signature: never the next.
      if (cle.toujoursAuthentifier) pin?.effacer();
    }
    try {
      const sortie = await l.C_SignAsync(session, entree, Buffer.alloc(cle.taille));
      return new Uint8Array(sortie);
    } catch (e) {
      // The card itself refuses a protected key signing without its context-specific login.
      if (cle.toujoursAuthentifier && codePkcs11(e) === pkcs11js.CKR_USER_NOT_LOGGED_IN) throw erreurs.pinRequis(true);
      throw this.echec(e);
    }
  }

  /**
   * Has the card check `pin` again although the session is logged in (PKCS#11 has no "verify
   * PIN": logout, then login). Used once per batch on a card whose key signs after one login,
   * so that the PIN typed for the batch is the holder's. A wrong PIN leaves the session logged
   * out (`estConnectee()` says so); it is never presented twice.
   */
  reverifierPin(pin: CodePin | null): void {
    if (!this.jeton.pinRequis) return;
    if (!this.jeton.cheminProtege && !pin) throw erreurs.pinRequis(false);
    if (pin && !this.jeton.cheminProtege) verifierFormePin(pin, { min: this.jeton.pinMin, max: this.jeton.pinMax });
    this.deconnecter();
    this.connecter(pin);
  }

  /**
   * PKCS#11 2.40 has no cancel: a C_Sign that fails ends the pending operation. Called only when
   * the context-specific login failed, so the key is not unlocked and nothing gets signed. One
   * byte, not zero: SoftHSM2 answers CKR_ARGUMENTS_BAD to empty data and keeps the operation
   * active (the next C_SignInit would be CKR_OPERATION_ACTIVE).
   */
  private terminerOperation(session: Buffer, cle: CleCarte): void {
    try {
      this.liaison.C_Sign(session, Buffer.alloc(1), Buffer.alloc(cle.taille));
    } catch {
      // expected: this call only exists to end the operation
    }
  }

  /** Changes the user PIN (C_SetPIN in a logged-in read-write session). */
  changerPin(ancien: CodePin, nouveau: CodePin): void {
    verifierFormePin(nouveau, { min: this.jeton.pinMin, max: this.jeton.pinMax });
    if (this.jeton.cheminProtege) {
      this.appel(() => this.liaison.C_SetPIN(this.session, '', ''));
      return;
    }
    verifierFormePin(ancien, { min: this.jeton.pinMin, max: this.jeton.pinMax });
    this.appel(() => ancien.utiliser((a) => nouveau.utiliser((n) => this.liaison.C_SetPIN(this.session, a, n))));
  }

  /** Sets a new user PIN from an SO session (unblocking with the PUK). */
  initialiserPin(nouveau: CodePin): void {
    verifierFormePin(nouveau, { min: this.jeton.pinMin, max: this.jeton.pinMax });
    this.appel(() => nouveau.utiliser((n) => this.liaison.C_InitPIN(this.session, n)));
  }

  fermer(): void {
    const s = this.#session;
    this.#session = null;
    if (!s) return;
    try {
      this.liaison.C_CloseSession(s);
    } catch {
      // the card is gone with its session: nothing left to close
    }
  }
}

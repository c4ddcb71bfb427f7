import { etatPinDepuisDrapeaux, type EtatPin } from './codes-pkcs11';
import { pkcs11js, type Liaison } from './liaison';

/** A card seen in a reader, as PKCS#11 describes it (no personal data: token info only). */
export interface JetonVu {
  /** Stable identity across polls and re-insertions: library + serial + label (slot ids change). */
  readonly id: string;
  readonly bibliotheque: string;
  readonly slot: Buffer;
  readonly label: string;
  readonly fabricant: string;
  readonly modele: string;
  readonly serie: string;
  readonly drapeaux: number;
  readonly pinRequis: boolean;
  /** PIN-pad reader: the PIN is typed on the reader, never in Registre. */
  readonly cheminProtege: boolean;
  readonly etatPin: EtatPin;
  readonly pinMin: number;
  readonly pinMax: number;
}

export interface LecteurVu {
  readonly id: string;
  readonly bibliotheque: string;
  readonly slot: Buffer;
  readonly nom: string;
  readonly carte: JetonVu | null;
}

/** Slot flag (value 1 in PKCS#11; missing from pkcs11js's typings). */
const CKF_TOKEN_PRESENT = 1;

const net = (s: string) => s.replace(/\0/g, '').trim();

export function lireJeton(liaison: Liaison, bibliotheque: string, slot: Buffer): JetonVu | null {
  const t = liaison.C_GetTokenInfo(slot);
  // A blank token (SoftHSM2's spare slot, a card never personalised) is not an agent card.
  if ((t.flags & pkcs11js.CKF_TOKEN_INITIALIZED) === 0) return null;
  const label = net(t.label);
  const serie = net(t.serialNumber);
  return {
    id: `${bibliotheque}#${serie}#${label}`,
    bibliotheque,
    slot,
    label,
    fabricant: net(t.manufacturerID),
    modele: net(t.model),
    serie,
    drapeaux: t.flags,
    pinRequis: (t.flags & pkcs11js.CKF_LOGIN_REQUIRED) !== 0,
    cheminProtege: (t.flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0,
    etatPin: etatPinDepuisDrapeaux(t.flags),
    pinMin: t.minPinLen,
    pinMax: t.maxPinLen,
  };
}

/**
 * Every reader (slot) of one library and the card in it. A reader whose card vanishes between
 * two calls is reported empty: the poller will see the change on its next pass.
 */
export function listerLecteurs(liaison: Liaison, bibliotheque: string): LecteurVu[] {
  const lecteurs: LecteurVu[] = [];
  for (const slot of liaison.C_GetSlotList(false)) {
    let nom = '';
    let present = false;
    try {
      const info = liaison.C_GetSlotInfo(slot);
      nom = net(info.slotDescription);
      present = (info.flags & CKF_TOKEN_PRESENT) !== 0;
    } catch {
      continue;
    }
    let carte: JetonVu | null = null;
    if (present) {
      try {
        carte = lireJeton(liaison, bibliotheque, slot);
        if (!carte) continue;
      } catch {
        carte = null;
      }
    }
    lecteurs.push({ id: `${bibliotheque}#${slot.toString('hex')}`, bibliotheque, slot, nom, carte });
  }
  return lecteurs;
}

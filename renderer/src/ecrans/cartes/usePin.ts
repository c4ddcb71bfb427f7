import { useCallback, useRef, useState } from 'react';
import { RegistreError } from '../../../../shared/errors';
import type { CartePourPin } from '../../composants/DialoguePin';
import { messageErreur } from '../../composants/messageErreur';
import { GardePin } from './garde-pin';

/** Errors after which the PIN dialog stays open for the holder to try again (or cancel). */
const ERREURS_DE_SAISIE: ReadonlySet<string> = new Set([
  'pin_incorrect',
  'code_deblocage_incorrect',
  'pin_longueur',
  'pin_bloque',
  'saisie_invalide',
]);

/** The operation wants another PIN at once (a card that asks it before each signature). */
export interface SuitePin {
  readonly motif: string;
  readonly operation: OperationPin;
}
export type OperationPin = (pin: string | undefined) => Promise<void | SuitePin>;

interface Demande {
  carte: CartePourPin;
  motif: string;
  operation: OperationPin;
  surErreur: (message: string) => void;
  erreursDeSaisie: ReadonlySet<string>;
}

/**
 * Drives the PIN dialog for one operation: opens it, runs the operation with the typed PIN,
 * keeps the dialog open with the error on a wrong PIN (the holder decides what next: we never
 * retry), closes it on success, on another error (reported to `surErreur`) or on cancel. An
 * operation may answer with a `SuitePin`: the dialog stays and asks again, emptied.
 *
 * Guard (garde-pin.ts): a PIN typed while the previous one is still in use, or once the dialog
 * is closing, starts nothing.
 */
export function usePin() {
  const [demande, setDemande] = useState<Demande | null>(null);
  // The last request stays for display while the dialog closes (its closing animation).
  const [ouvert, setOuvert] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);
  const garde = useRef(new GardePin()).current;

  const fermer = useCallback(() => {
    garde.fermer();
    setOuvert(false);
  }, [garde]);

  const demander = useCallback(
    (
      carte: CartePourPin,
      motif: string,
      operation: OperationPin,
      surErreur: (m: string) => void,
      options: { erreursDeSaisie?: ReadonlySet<string> } = {},
    ) => {
      setErreur(null);
      setDemande({ carte, motif, operation, surErreur, erreursDeSaisie: options.erreursDeSaisie ?? ERREURS_DE_SAISIE });
      garde.ouvrir();
      setOuvert(true);
    },
    [garde],
  );

  const valider = useCallback(
    async (pin: string) => {
      if (!demande || !garde.prendre()) return;
      setEnCours(true);
      try {
        const suite = await demande.operation(demande.carte.cheminProtege ? undefined : pin);
        if (suite && garde.ouvert) {
          setErreur(null);
          setDemande({ ...demande, motif: suite.motif, operation: suite.operation });
        } else fermer();
      } catch (e) {
        if (e instanceof RegistreError && demande.erreursDeSaisie.has(e.code)) {
          setErreur(messageErreur(e));
        } else {
          fermer();
          demande.surErreur(messageErreur(e));
        }
      } finally {
        garde.rendre();
        setEnCours(false);
      }
    },
    [demande, fermer, garde],
  );

  const annuler = useCallback(() => {
    fermer();
    setErreur(null);
  }, [fermer]);

  return { demande, ouvert, erreur, enCours, demander, valider, annuler };
}

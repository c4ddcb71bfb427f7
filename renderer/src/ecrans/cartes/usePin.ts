import { useCallback, useState } from 'react';
import { RegistreError } from '../../../../shared/errors';
import type { CartePourPin } from '../../composants/DialoguePin';
import { messageErreur } from '../../composants/messageErreur';

/** Errors after which the PIN dialog stays open for the holder to try again (or cancel). */
const ERREURS_DE_SAISIE = new Set([
  'pin_incorrect',
  'code_deblocage_incorrect',
  'pin_longueur',
  'pin_bloque',
  'saisie_invalide',
]);

/**
 * Drives the PIN dialog for one operation: opens it, runs the operation with the typed PIN,
 * keeps the dialog open with the error on a wrong PIN (the holder decides what next: we never
 * retry), closes it on success, on another error (reported to `surErreur`) or on cancel.
 */
export function usePin() {
  const [demande, setDemande] = useState<{
    carte: CartePourPin;
    motif: string;
    operation: (pin: string | undefined) => Promise<void>;
    surErreur: (message: string) => void;
  } | null>(null);
  // The last request stays for display while the dialog closes (its closing animation).
  const [ouvert, setOuvert] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);

  const demander = useCallback(
    (
      carte: CartePourPin,
      motif: string,
      operation: (pin: string | undefined) => Promise<void>,
      surErreur: (m: string) => void,
    ) => {
      setErreur(null);
      setDemande({ carte, motif, operation, surErreur });
      setOuvert(true);
    },
    [],
  );

  const valider = useCallback(
    async (pin: string) => {
      if (!demande) return;
      setEnCours(true);
      try {
        await demande.operation(demande.carte.cheminProtege ? undefined : pin);
        setOuvert(false);
      } catch (e) {
        if (e instanceof RegistreError && ERREURS_DE_SAISIE.has(e.code)) {
          setErreur(messageErreur(e));
        } else {
          setOuvert(false);
          demande.surErreur(messageErreur(e));
        }
      } finally {
        setEnCours(false);
      }
    },
    [demande],
  );

  const annuler = useCallback(() => {
    setOuvert(false);
    setErreur(null);
  }, []);

  return { demande, ouvert, erreur, enCours, demander, valider, annuler };
}

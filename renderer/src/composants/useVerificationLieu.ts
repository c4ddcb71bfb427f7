import { useEffect, useMemo, useState } from 'react';
import type { VerificationLieuReponse } from '../../../shared/contract/registre';
import type { Lieu } from '../../../shared/domain/acte';
import { api } from '../api';
import { creerSequenceur, creerTemporisation } from '../store/sequenceur';

/**
 * What a typed place designates, checked by the place normaliser in the main process
 * (debounced; late answers dropped). Only asked for a French place typed without choosing
 * a commune from the list: a chosen commune carries its code already.
 */
export function useVerificationLieu(lieu: Lieu, actif: boolean): VerificationLieuReponse | null {
  const [resultat, setResultat] = useState<{ cle: string; verification: VerificationLieuReponse } | null>(null);
  const outils = useMemo(() => ({ sequenceur: creerSequenceur(), temporisation: creerTemporisation(250) }), []);
  const { commune, codeInsee, departement, pays } = lieu;
  // The answer shown is the one for what is typed now, never an older one.
  const cle = actif && commune.trim() && !codeInsee ? JSON.stringify([commune, departement, pays]) : null;

  useEffect(() => {
    if (!cle) {
      outils.temporisation.annuler();
      outils.sequenceur.perimer();
      return;
    }
    outils.temporisation.lancer(async () => {
      const toujoursActuel = outils.sequenceur.ticket();
      try {
        const verification = await api.appeler('communes.verifierLieu', {
          lieu: { commune, codeInsee: null, departement, pays },
        });
        if (toujoursActuel()) setResultat({ cle, verification });
      } catch {
        // The check only advises: without it the place is kept as typed, as before.
      }
    });
    return () => outils.temporisation.annuler();
  }, [cle, commune, departement, pays, outils]);

  return resultat && resultat.cle === cle ? resultat.verification : null;
}

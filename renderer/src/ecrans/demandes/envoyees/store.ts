import { create } from 'zustand';
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';
import { BROUILLON_VIDE, type BrouillonDemande } from './brouillon';

/**
 * The requests sent: the list (refreshed after a change, a signing batch or a sync) and the form
 * being typed, kept here so that closing the form or a refusal loses nothing typed; it is emptied
 * only once the request is written.
 */
interface EtatEnvoyees {
  liste: DemandeEnvoyee[] | null;
  erreur: string | null;
  brouillon: BrouillonDemande;
  charger(): Promise<void>;
  modifierBrouillon(m: Partial<BrouillonDemande>): void;
  viderBrouillon(): void;
}

export const useEnvoyees = create<EtatEnvoyees>((set) => ({
  liste: null,
  erreur: null,
  brouillon: BROUILLON_VIDE,
  async charger() {
    try {
      set({ liste: await api.appeler('demandesEnvoyees.lister', {}), erreur: null });
    } catch (e) {
      set({ erreur: messageErreur(e) });
    }
  },
  modifierBrouillon(m) {
    set((e) => ({ brouillon: { ...e.brouillon, ...m } }));
  },
  viderBrouillon() {
    set({ brouillon: BROUILLON_VIDE });
  },
}));

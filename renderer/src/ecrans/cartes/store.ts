import { create } from 'zustand';
import type { EtatCartes } from '../../../../shared/contract/carte';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';

/**
 * The card state, live: loaded once, then replaced by every `carte.etatModifie` event (the main
 * process polls the readers about once a second). `annonce` is read out by screen readers.
 */
interface EtatEcranCartes {
  etat: EtatCartes | null;
  erreur: string | null;
  annonce: string;
  charger(): Promise<void>;
  remplacer(etat: EtatCartes): void;
  brancher(): () => void;
}

export const useCartes = create<EtatEcranCartes>((set) => ({
  etat: null,
  erreur: null,
  annonce: '',
  async charger() {
    try {
      set({ etat: await api.appeler('carte.etat', {}), erreur: null });
    } catch (e) {
      set({ erreur: messageErreur(e) });
    }
  },
  remplacer(etat) {
    set({ etat, erreur: null });
  },
  brancher() {
    const arrets = [
      api.ecouter('carte.etatModifie', ({ etat }) => set({ etat, erreur: null })),
      api.ecouter('carte.inseree', ({ label }) => set({ annonce: `Carte ${label} insérée.` })),
      api.ecouter('carte.retiree', ({ sessionFermee }) =>
        set({ annonce: sessionFermee ? 'Carte retirée : la session avec la carte est fermée.' : 'Carte retirée.' }),
      ),
    ];
    return () => arrets.forEach((a) => a());
  },
}));

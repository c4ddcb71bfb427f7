import { create } from 'zustand';
import type { Commune } from '../../../shared/contract/parametres';
import { api } from '../api';
import { messageErreur } from '../composants/messageErreur';

/** The commune's identity, loaded once at start and after each save in Paramètres. */
interface EtatCommune {
  etat: 'chargement' | 'pret' | 'erreur';
  commune: Commune | null;
  erreur: string | null;
  charger(): Promise<void>;
  remplacer(commune: Commune): void;
}

export const useCommune = create<EtatCommune>((set) => ({
  etat: 'chargement',
  commune: null,
  erreur: null,
  async charger() {
    set({ etat: 'chargement', erreur: null });
    try {
      const commune = await api.appeler('parametres.lireCommune', {});
      set({ etat: 'pret', commune });
    } catch (e) {
      set({ etat: 'erreur', erreur: messageErreur(e) });
    }
  },
  remplacer(commune) {
    set({ etat: 'pret', commune, erreur: null });
  },
}));

import { create } from 'zustand';
import type { SortieAppel } from '../../../shared/contract';
import { api } from '../api';

type Statistiques = SortieAppel<'registre.statistiques'>;
type Informations = SortieAppel<'app.informations'>;

/**
 * What the status bar shows: the register's size, the version, and the last short announcement
 * (also read by screen readers through a polite live region).
 */
interface EtatBarre {
  statistiques: Statistiques | null;
  informations: Informations | null;
  annonce: string;
  rafraichirStatistiques(): Promise<void>;
  chargerInformations(): Promise<void>;
  annoncer(texte: string): void;
}

export const useBarreEtat = create<EtatBarre>((set) => ({
  statistiques: null,
  informations: null,
  annonce: '',
  async rafraichirStatistiques() {
    try {
      set({ statistiques: await api.appeler('registre.statistiques', {}) });
    } catch {
      // The status bar is a convenience: a failure here is shown by the screens that need the data.
      set({ statistiques: null });
    }
  },
  async chargerInformations() {
    try {
      set({ informations: await api.appeler('app.informations', {}) });
    } catch {
      set({ informations: null });
    }
  },
  annoncer(annonce) {
    set({ annonce });
  },
}));

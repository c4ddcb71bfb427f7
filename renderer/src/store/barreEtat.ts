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

const DUREE_ANNONCE_MS = 8000;
let minuterieAnnonce: ReturnType<typeof setTimeout> | undefined;

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
    // An announcement is news, not a state: it leaves the bar after a few seconds.
    clearTimeout(minuterieAnnonce);
    set({ annonce });
    if (annonce) minuterieAnnonce = setTimeout(() => set({ annonce: '' }), DUREE_ANNONCE_MS);
  },
}));

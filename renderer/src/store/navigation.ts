import { create } from 'zustand';
import type { Ecran } from '../../../shared/labels.fr';

/**
 * Which screen is shown. Leaving a screen can be held back by a guard (the act editor with
 * unsaved changes): the guard gets the leaving action and decides when to run it.
 */
export type Garde = (partir: () => void) => boolean;

interface EtatNavigation {
  ecran: Ecran;
  /** Bumped to ask the Registre screen to focus its search box (shortcut Ctrl+F or /). */
  demandeFocusRecherche: number;
  garde: Garde | null;
  aller(ecran: Ecran): void;
  /** Runs `action` unless the current guard holds it back (and runs it later itself). */
  quitterPuis(action: () => void): void;
  poserGarde(garde: Garde | null): void;
  focaliserRecherche(): void;
}

export const useNavigation = create<EtatNavigation>((set, get) => ({
  ecran: 'registre',
  demandeFocusRecherche: 0,
  garde: null,
  aller(ecran) {
    if (ecran === get().ecran) return;
    get().quitterPuis(() => set({ ecran }));
  },
  quitterPuis(action) {
    const garde = get().garde;
    if (garde && garde(action)) return;
    action();
  },
  poserGarde(garde) {
    set({ garde });
  },
  focaliserRecherche() {
    get().quitterPuis(() => set((e) => ({ ecran: 'registre', demandeFocusRecherche: e.demandeFocusRecherche + 1 })));
  },
}));

import { create } from 'zustand';
import type { SortieAppel } from '../../../shared/contract';
import { api } from '../api';

type Statistiques = SortieAppel<'registre.statistiques'>;
type Informations = SortieAppel<'app.informations'>;
type Poste = SortieAppel<'annuaire.etat'>['poste'];
type EtatSync = SortieAppel<'sync.etat'>;

/**
 * What the status bar shows: the register's size, the version, who is at the keyboard (the
 * directory's reading of the card session), the platform and the syncs, and the last short
 * announcement (also read by screen readers through a polite live region). Kept fresh by the
 * contract's events, never by polling.
 */
interface EtatBarre {
  statistiques: Statistiques | null;
  informations: Informations | null;
  poste: Poste | null;
  sync: EtatSync | null;
  /** A sync is running (its progress events arrive). */
  synchroEnCours: boolean;
  annonce: string;
  rafraichirStatistiques(): Promise<void>;
  chargerInformations(): Promise<void>;
  chargerPoste(): Promise<void>;
  chargerSync(): Promise<void>;
  /** Listens to the card, sync and outbox events; returns what stops listening. */
  brancher(): () => void;
  annoncer(texte: string): void;
}

const DUREE_ANNONCE_MS = 8000;
let minuterieAnnonce: ReturnType<typeof setTimeout> | undefined;

export const useBarreEtat = create<EtatBarre>((set, get) => ({
  statistiques: null,
  informations: null,
  poste: null,
  sync: null,
  synchroEnCours: false,
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
  async chargerPoste() {
    try {
      set({ poste: (await api.appeler('annuaire.etat', {})).poste });
    } catch {
      set({ poste: null });
    }
  },
  async chargerSync() {
    try {
      set({ sync: await api.appeler('sync.etat', {}) });
    } catch {
      set({ sync: null });
    }
  },
  brancher() {
    void get().chargerPoste();
    void get().chargerSync();
    // An outbox change comes in bursts (a batch sent): one reading for the burst.
    let attente: ReturnType<typeof setTimeout> | undefined;
    const arrets = [
      api.ecouter('carte.etatModifie', ({ raison }) => {
        // Who is at the keyboard changes with the session only (not with each reader poll).
        if (raison === 'connexion' || raison === 'deconnexion' || raison === 'retrait') void get().chargerPoste();
      }),
      api.ecouter('sync.progression', (p) => {
        set({ synchroEnCours: p.phase !== 'terminee' });
        if (p.phase === 'terminee') void get().chargerSync();
      }),
      api.ecouter('sync.envoiModifie', () => {
        clearTimeout(attente);
        attente = setTimeout(() => void get().chargerSync(), 500);
      }),
      api.ecouter('registre.modifie', ({ raison }) => {
        // Another world (real / training) has its own syncs and directory.
        if (raison === 'monde' || raison === 'restauration') {
          void get().chargerPoste();
          void get().chargerSync();
        }
      }),
    ];
    return () => {
      clearTimeout(attente);
      arrets.forEach((a) => a());
    };
  },
  annoncer(annonce) {
    // An announcement is news, not a state: it leaves the bar after a few seconds.
    clearTimeout(minuterieAnnonce);
    set({ annonce });
    if (annonce) minuterieAnnonce = setTimeout(() => set({ annonce: '' }), DUREE_ANNONCE_MS);
  },
}));

import { create } from 'zustand';
import type { ResultatRecherche } from '../../../shared/contract/registre';
import { api } from '../api';
import { messageErreur } from '../composants/messageErreur';
import { creerSequenceur, creerTemporisation } from './sequenceur';

/** Results as you type: wait for a short pause in the typing, then search; late answers are dropped. */
export const DELAI_RECHERCHE_MS = 100;
export const LIMITE_RESULTATS = 200;

interface EtatRecherche {
  texte: string;
  /** The text the shown results answer (may lag behind `texte` while a search runs). */
  texteResultats: string | null;
  resultats: ResultatRecherche[];
  etat: 'repos' | 'chargement' | 'pret' | 'erreur';
  erreur: string | null;
  dureeMs: number | null;
  /** Index of the highlighted row (keyboard), -1 when none. */
  surligne: number;
  saisir(texte: string): void;
  /** `garder`: the act to keep highlighted if still found (the act just saved). */
  rechercherMaintenant(garder?: number | null): Promise<void>;
  deplacer(delta: number): void;
  surligner(index: number): void;
}

const sequenceur = creerSequenceur();
const temporisation = creerTemporisation(DELAI_RECHERCHE_MS);

export const useRecherche = create<EtatRecherche>((set, get) => ({
  texte: '',
  texteResultats: null,
  resultats: [],
  etat: 'repos',
  erreur: null,
  dureeMs: null,
  surligne: -1,
  saisir(texte) {
    set({ texte });
    temporisation.lancer(() => void get().rechercherMaintenant());
  },
  async rechercherMaintenant(garder) {
    temporisation.annuler();
    const texte = get().texte;
    // A refresh of the same search keeps the highlight on the same act, not on row 1: Enter
    // would otherwise open another act than the one shown.
    const avant = get();
    const cible = garder ?? (texte === avant.texteResultats ? avant.resultats[avant.surligne]?.id : undefined);
    const toujoursActuel = sequenceur.ticket();
    set({ etat: 'chargement', erreur: null });
    try {
      const { resultats, dureeMs } = await api.appeler('registre.rechercher', { texte, limite: LIMITE_RESULTATS });
      if (!toujoursActuel()) return;
      const garde = cible === undefined || cible === null ? -1 : resultats.findIndex((r) => r.id === cible);
      set({
        resultats,
        dureeMs,
        texteResultats: texte,
        etat: 'pret',
        surligne: garde >= 0 ? garde : resultats.length ? 0 : -1,
      });
    } catch (e) {
      if (!toujoursActuel()) return;
      set({ etat: 'erreur', erreur: messageErreur(e), resultats: [], texteResultats: texte, surligne: -1 });
    }
  },
  deplacer(delta) {
    const { resultats, surligne } = get();
    if (!resultats.length) return;
    const suivant = Math.min(resultats.length - 1, Math.max(0, surligne + delta));
    set({ surligne: suivant });
  },
  surligner(index) {
    set({ surligne: index });
  },
}));

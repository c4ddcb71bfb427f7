import { create } from 'zustand';
import type { Acte } from '../../../shared/domain/acte';
import { api } from '../api';
import { messageErreur } from '../composants/messageErreur';
import { creerSequenceur } from './sequenceur';

/** The act shown in the detail panel of the Registre screen. */
interface EtatFiche {
  id: number | null;
  acte: Acte | null;
  etat: 'vide' | 'chargement' | 'pret' | 'erreur';
  erreur: string | null;
  ouvrir(id: number): Promise<void>;
  /** Shows an act just saved by the editor without reading it again. */
  montrer(acte: Acte): void;
  fermer(): void;
}

const sequenceur = creerSequenceur();

export const useFiche = create<EtatFiche>((set) => ({
  id: null,
  acte: null,
  etat: 'vide',
  erreur: null,
  async ouvrir(id) {
    const toujoursActuel = sequenceur.ticket();
    set({ id, etat: 'chargement', erreur: null });
    try {
      const acte = await api.appeler('registre.lire', { id });
      if (toujoursActuel()) set({ acte, etat: 'pret' });
    } catch (e) {
      if (toujoursActuel()) set({ acte: null, etat: 'erreur', erreur: messageErreur(e) });
    }
  },
  montrer(acte) {
    sequenceur.perimer();
    set({ id: acte.id ?? null, acte, etat: 'pret', erreur: null });
  },
  fermer() {
    sequenceur.perimer();
    set({ id: null, acte: null, etat: 'vide', erreur: null });
  },
}));

import { create } from 'zustand';
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';
import { BROUILLON_VIDE, type BrouillonDemande } from './brouillon';

/** A draft opened again to be changed: its id, its reference as saved, the form as typed. */
export interface EditionDemande {
  id: number;
  reference: string;
  brouillon: BrouillonDemande;
}

/**
 * The requests sent: the list (refreshed after a change, a signing batch or a sync) and the forms
 * being typed, kept here so that closing a form or a refusal loses nothing typed: the new request
 * (emptied only once written) and the draft being changed (dropped once saved or discarded).
 */
interface EtatEnvoyees {
  liste: DemandeEnvoyee[] | null;
  erreur: string | null;
  brouillon: BrouillonDemande;
  edition: EditionDemande | null;
  charger(): Promise<void>;
  modifierBrouillon(m: Partial<BrouillonDemande>): void;
  viderBrouillon(): void;
  ouvrirEdition(e: EditionDemande): void;
  modifierEdition(m: Partial<BrouillonDemande>): void;
  fermerEdition(): void;
}

export const useEnvoyees = create<EtatEnvoyees>((set) => ({
  liste: null,
  erreur: null,
  brouillon: BROUILLON_VIDE,
  edition: null,
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
  ouvrirEdition(edition) {
    set({ edition });
  },
  modifierEdition(m) {
    set((e) => (e.edition ? { edition: { ...e.edition, brouillon: { ...e.edition.brouillon, ...m } } } : {}));
  },
  fermerEdition() {
    set({ edition: null });
  },
}));

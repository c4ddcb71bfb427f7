import { create } from 'zustand';
import type { ApercuReponse } from '../../../../../shared/contract/reponses';
import type { DetailDemande } from '../../../../../shared/contract/demandes';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';

/**
 * The request opened to be answered: its declaration, the matching outcome with its candidates,
 * the guard of a negative answer and the live draft (from `reponses.apercu`). Reloaded when the
 * matching or the answers change (events `rapprochement.modifie`, `reponses.modifiees`).
 */
interface EtatReponse {
  id: number | null;
  demande: DetailDemande | null;
  apercu: ApercuReponse | null;
  /** Index of the candidate shown beside the declaration. */
  choisi: number;
  chargement: boolean;
  erreur: string | null;
  ouvrir(id: number): Promise<void>;
  recharger(): Promise<void>;
  choisir(index: number): void;
  fermer(): void;
}

let ticket = 0;

/** The candidate of the draft when there is one, else the best. */
function indexInitial(a: ApercuReponse): number {
  const acteId = a.reponse?.acte?.acteId;
  const i = acteId ? a.rapprochement.candidats.findIndex((c) => c.acteId === acteId) : -1;
  return i >= 0 ? i : 0;
}

export const useReponse = create<EtatReponse>((set, get) => ({
  id: null,
  demande: null,
  apercu: null,
  choisi: 0,
  chargement: false,
  erreur: null,
  async ouvrir(id) {
    set({ id, demande: null, apercu: null, choisi: 0, chargement: true, erreur: null });
    await get().recharger();
  },
  async recharger() {
    const id = get().id;
    if (id === null) return;
    const moi = ++ticket;
    try {
      const [demande, apercu] = await Promise.all([
        api.appeler('demandes.lire', { id }),
        api.appeler('reponses.apercu', { demandeId: id }),
      ]);
      if (moi !== ticket || get().id !== id) return;
      const garder = get().apercu?.demandeId === id;
      const choisi = garder
        ? Math.min(get().choisi, Math.max(0, apercu.rapprochement.candidats.length - 1))
        : indexInitial(apercu);
      set({ demande, apercu, choisi, chargement: false, erreur: null });
    } catch (e) {
      if (moi === ticket) set({ chargement: false, erreur: messageErreur(e) });
    }
  },
  choisir(index) {
    const n = get().apercu?.rapprochement.candidats.length ?? 0;
    if (index >= 0 && index < n) set({ choisi: index });
  },
  fermer() {
    ticket++;
    set({ id: null, demande: null, apercu: null, choisi: 0, chargement: false, erreur: null });
  },
}));

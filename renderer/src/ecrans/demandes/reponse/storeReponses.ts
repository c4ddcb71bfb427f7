import { create } from 'zustand';
import type { ReponsePreparee } from '../../../../../shared/contract/reponses';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';

/**
 * The answers prepared, as the "Réponses" tab lists them: drafts waiting for the signature
 * (with who prepared them), then signed, sent, receipted and rejected ones. Reloaded on
 * `reponses.modifiees`, after a batch and after each sync.
 */
interface EtatReponses {
  reponses: ReponsePreparee[] | null;
  erreur: string | null;
  charger(): Promise<void>;
}

let ticket = 0;

export const useReponses = create<EtatReponses>((set) => ({
  reponses: null,
  erreur: null,
  async charger() {
    const moi = ++ticket;
    try {
      const reponses = await api.appeler('reponses.lister', {
        etats: ['brouillon', 'signee', 'envoyee', 'acceptee', 'rejetee'],
        limite: 500,
      });
      if (moi === ticket) set({ reponses, erreur: null });
    } catch (e) {
      if (moi === ticket) set({ erreur: messageErreur(e) });
    }
  },
}));

import { create } from 'zustand';
import type { SortieAppel } from '../../../../../shared/contract';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';
import { useSessionCarte } from '../useSessionCarte';

type EtatAnnuaire = SortieAppel<'annuaire.etat'>;
type Agents = SortieAppel<'annuaire.listerAgents'>;
type Cartes = SortieAppel<'annuaire.listerCartes'>;
type Journal = SortieAppel<'annuaire.journal'>;
type Couts = SortieAppel<'annuaire.couts'>;

/**
 * The directory as the two tabs show it: who is at the keyboard, the agents, their cards, the
 * journal and the costs. Reloaded after each change and whenever the card session changes
 * (another card at the keyboard may see and do other things).
 */
interface EtatEcranAnnuaire {
  etat: EtatAnnuaire | null;
  agents: Agents;
  cartes: Cartes;
  journal: Journal;
  couts: Couts;
  erreur: string | null;
  /** Said by screen readers, and shown under the form that made the change. */
  message: string;
  charger(): Promise<void>;
  /** Runs one change, then reloads; its error is shown, never thrown. */
  executer<T>(action: () => Promise<T>, reussite: string | ((resultat: T) => string)): Promise<boolean>;
  brancher(): () => void;
}

export const useAnnuaire = create<EtatEcranAnnuaire>((set, get) => ({
  etat: null,
  agents: [],
  cartes: [],
  journal: [],
  couts: [],
  erreur: null,
  message: '',
  async charger() {
    try {
      const etat = await api.appeler('annuaire.etat', {});
      if (!etat.existe) {
        set({ etat, agents: [], cartes: [], journal: [], couts: [] });
        return;
      }
      const [agents, cartes, journal, couts] = await Promise.all([
        api.appeler('annuaire.listerAgents', {}),
        api.appeler('annuaire.listerCartes', {}),
        api.appeler('annuaire.journal', { limite: 50 }),
        api.appeler('annuaire.couts', {}),
      ]);
      set({ etat, agents, cartes, journal, couts });
    } catch (e) {
      set({ erreur: messageErreur(e) });
    }
  },
  async executer(action, reussite) {
    set({ erreur: null, message: '' });
    try {
      const resultat = await action();
      set({ message: typeof reussite === 'string' ? reussite : reussite(resultat) });
      await get().charger();
      return true;
    } catch (e) {
      set({ erreur: messageErreur(e) });
      return false;
    }
  },
  brancher() {
    return api.ecouter('carte.etatModifie', ({ raison }) => {
      if (raison === 'connexion' || raison === 'deconnexion' || raison === 'retrait') void get().charger();
    });
  },
}));

/**
 * The directory's editing locks for whoever may not manage it, and at once when the card session
 * ends: the session's event locks before `annuaire.etat` is read again.
 */
export function useEditionVerrouillee(): boolean {
  const sansSession = useSessionCarte().verrouille;
  const peutGerer = useAnnuaire((e) => e.etat?.poste.peutGererAnnuaire ?? false);
  return sansSession || !peutGerer;
}

import { create } from 'zustand';
import type { ChargeEvenement, SortieAppel } from '../../../../shared/contract';
import type { EtatDemande } from '../../../../shared/domain/echeances';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import type { IssueDemande } from '../../../../shared/contract/rapprochement';

type Liste = SortieAppel<'demandes.lister'>;
type EtatSync = SortieAppel<'sync.etat'>;
export type Progression = ChargeEvenement<'sync.progression'>;
export type Filtre = 'a_traiter' | 'tout' | EtatDemande | 'J-2' | 'J-5';

/**
 * The requests screen's state: the list (with its filter), the quarantine, the outbox, and the
 * sync status. Fed by calls, kept fresh by the contract's events (sync progress, new requests,
 * outbox changes).
 */
interface EtatDemandes {
  filtre: Filtre;
  liste: Liste | null;
  quarantaine: SortieAppel<'demandes.quarantaine'> | null;
  envois: SortieAppel<'sync.envois'> | null;
  sync: EtatSync | null;
  progression: Progression | null;
  erreur: string | null;
  /** Matching outcome of each listed request (by id); absent while not matched yet. */
  issues: Record<number, IssueDemande>;
  chargerIssues(): Promise<void>;
  choisirFiltre(f: Filtre): Promise<void>;
  charger(): Promise<void>;
  synchroniser(): Promise<SortieAppel<'sync.maintenant'>>;
  surProgression(p: Progression): void;
}

function argumentsFiltre(f: Filtre) {
  if (f === 'tout') return {};
  if (f === 'a_traiter') return { etats: ['recue', 'en_cours', 'a_echeance', 'en_retard'] as EtatDemande[] };
  if (f === 'J-2' || f === 'J-5') return { alerte: f };
  return { etats: [f] };
}

export const useDemandes = create<EtatDemandes>((set, get) => ({
  filtre: 'a_traiter',
  liste: null,
  quarantaine: null,
  envois: null,
  sync: null,
  progression: null,
  erreur: null,
  issues: {},
  async chargerIssues() {
    const ids = get().liste?.demandes.map((d) => d.id) ?? [];
    if (!ids.length) return set({ issues: {} });
    try {
      const issues = await api.appeler('rapprochement.issues', { demandeIds: ids.slice(0, 500) });
      set({ issues: Object.fromEntries(issues.map((i) => [i.demandeId, i])) });
    } catch {
      // The outcome column stays empty; the list itself is shown.
      set({ issues: {} });
    }
  },
  async choisirFiltre(filtre) {
    set({ filtre });
    await get().charger();
  },
  async charger() {
    try {
      const [liste, quarantaine, envois, sync] = await Promise.all([
        api.appeler('demandes.lister', { ...argumentsFiltre(get().filtre), limite: 200 }),
        api.appeler('demandes.quarantaine', { limite: 100 }),
        api.appeler('sync.envois', { limite: 100 }),
        api.appeler('sync.etat', {}),
      ]);
      set({ liste, quarantaine, envois, sync, erreur: null });
      await get().chargerIssues();
    } catch (e) {
      set({ erreur: messageErreur(e) });
    }
  },
  async synchroniser() {
    try {
      return await api.appeler('sync.maintenant', {});
    } finally {
      await get().charger();
    }
  },
  surProgression(p) {
    set({ progression: p.phase === 'terminee' ? null : p });
    if (p.phase === 'terminee') void get().charger();
  },
}));

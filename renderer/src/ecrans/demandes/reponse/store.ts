import { create } from 'zustand';
import type { ApercuReponse } from '../../../../../shared/contract/reponses';
import type { DetailDemande } from '../../../../../shared/contract/demandes';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';

/**
 * The request opened to be answered: its declaration, the matching outcome with its candidates,
 * the guard of a negative answer and the live draft (from `reponses.apercu`). Reloaded when the
 * matching or the answers change (events `rapprochement.modifie`, `reponses.modifiees`).
 *
 * "Traiter à la suite" opens the requests to treat one after the other: after each answer the
 * next one is shown at once, its data read while the officer was reading the previous one.
 */
interface EtatReponse {
  id: number | null;
  demande: DetailDemande | null;
  apercu: ApercuReponse | null;
  /** Index of the candidate shown beside the declaration. */
  choisi: number;
  chargement: boolean;
  erreur: string | null;
  /** The run of requests to treat one after the other (empty: one request opened alone). */
  file: number[];
  /** What was done to the previous request of the run, said to the officer as the next opens. */
  precedente: string | null;
  ouvrir(id: number): Promise<void>;
  ouvrirFile(ids: number[]): Promise<void>;
  /** Opens the next request of the run, or closes the dialog after the last one. */
  suivante(fait: string | null): Promise<void>;
  recharger(): Promise<void>;
  /** True while the next request of the run is being shown. */
  enRoute(): boolean;
  /** Says how the previous request's answer ended (it may come after the next request shows). */
  dire(fait: string): void;
  choisir(index: number): void;
  /** Forgets what was read ahead for these requests (their matching or answer changed). */
  invalider(demandeIds: number[]): void;
  fermer(): void;
}

let ticket = 0;
/** Moving to the next request: a second key meanwhile must not answer the one left, nor skip one. */
let enRoute = false;

interface Lecture {
  demande: DetailDemande;
  apercu: ApercuReponse;
}
const lire = async (id: number): Promise<Lecture> => {
  const [demande, apercu] = await Promise.all([
    api.appeler('demandes.lire', { id }),
    api.appeler('reponses.apercu', { demandeId: id }),
  ]);
  return { demande, apercu };
};

/**
 * The next two requests of the run, read ahead: showing one after an answer costs no round
 * trip, even when the officer answers faster than a read.
 */
const avance = new Map<number, Promise<Lecture>>();
const AVANCE = 2;
function lireEnAvance(file: number[], id: number | null): void {
  if (id === null) return;
  const i = file.indexOf(id);
  for (const suivant of file.slice(i + 1, i + 1 + AVANCE)) {
    if (avance.has(suivant)) continue;
    const lecture = lire(suivant);
    // A failed read ahead is read again when the request is shown.
    lecture.catch(() => undefined);
    avance.set(suivant, lecture);
  }
}
function prendre(id: number): Promise<Lecture> {
  const lecture = avance.get(id) ?? lire(id);
  avance.delete(id);
  return lecture;
}
const apres = (file: number[], id: number | null) => (id === null ? undefined : file[file.indexOf(id) + 1]);

/** The candidate of the draft when there is one, else the best. */
function indexInitial(a: ApercuReponse): number {
  const acteId = a.reponse?.acte?.acteId;
  const i = acteId ? a.rapprochement.candidats.findIndex((c) => c.acteId === acteId) : -1;
  return i >= 0 ? i : 0;
}

// The dialog closed: nothing open, nothing queued (also the store's first state).
const FERME = {
  id: null,
  demande: null,
  apercu: null,
  choisi: 0,
  chargement: false,
  erreur: null,
  file: [],
  precedente: null,
} satisfies Partial<EtatReponse>;

export const useReponse = create<EtatReponse>((set, get) => ({
  ...FERME,
  async ouvrir(id) {
    set({ id, demande: null, apercu: null, choisi: 0, chargement: true, erreur: null, file: [], precedente: null });
    await get().recharger();
  },
  async ouvrirFile(ids) {
    if (!ids.length) return;
    const vide = { demande: null, apercu: null, choisi: 0, chargement: true, erreur: null, precedente: null };
    set({ ...vide, id: ids[0], file: ids });
    await get().recharger();
  },
  async suivante(fait) {
    const { file, id } = get();
    const prochaine = apres(file, id);
    if (prochaine === undefined) {
      get().fermer();
      return;
    }
    if (enRoute) return;
    enRoute = true;
    const lue = prendre(prochaine);
    try {
      const { demande, apercu } = await lue;
      // Only a closing or another opening stops the move: a reload of the request left does not.
      if (get().id !== id) return;
      ticket++;
      const choisi = indexInitial(apercu);
      set({ id: prochaine, demande, apercu, choisi, chargement: false, erreur: null, precedente: fait });
      lireEnAvance(file, prochaine);
    } catch (e) {
      if (get().id === id)
        set({ id: prochaine, demande: null, apercu: null, chargement: false, erreur: messageErreur(e) });
    } finally {
      enRoute = false;
    }
  },
  enRoute: () => enRoute,
  async recharger() {
    const id = get().id;
    if (id === null) return;
    const moi = ++ticket;
    try {
      const { demande, apercu } = await lire(id);
      if (moi !== ticket || get().id !== id) return;
      const garder = get().apercu?.demandeId === id;
      const choisi = garder
        ? Math.min(get().choisi, Math.max(0, apercu.rapprochement.candidats.length - 1))
        : indexInitial(apercu);
      set({ demande, apercu, choisi, chargement: false, erreur: null });
      lireEnAvance(get().file, id);
    } catch (e) {
      if (moi === ticket) set({ chargement: false, erreur: messageErreur(e) });
    }
  },
  dire(fait) {
    if (get().file.length) set({ precedente: fait });
  },
  choisir(index) {
    const n = get().apercu?.rapprochement.candidats.length ?? 0;
    if (index >= 0 && index < n) set({ choisi: index });
  },
  invalider(demandeIds) {
    if (!demandeIds.some((id) => avance.has(id))) return;
    for (const id of demandeIds) avance.delete(id);
    lireEnAvance(get().file, get().id);
  },
  fermer() {
    ticket++;
    avance.clear();
    set(FERME);
  },
}));

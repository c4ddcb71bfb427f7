import { create } from 'zustand';
import type { ChargeEvenement, EntreeAppel, SortieAppel } from '../../../../shared/contract';
import type { ResumeDemande } from '../../../../shared/contract/demandes';
import type { IssueDemande } from '../../../../shared/contract/rapprochement';
import type { TypeDemandeur } from '../../../../shared/comedec';
import type { TypeActe } from '../../../../shared/domain/acte';
import type { EtatDemande } from '../../../../shared/domain/echeances';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import { aTraiter } from './selection';

type Liste = SortieAppel<'demandes.lister'>;
type EtatSync = SortieAppel<'sync.etat'>;
export type Progression = ChargeEvenement<'sync.progression'>;
export type Filtre = 'a_traiter' | 'tout' | EtatDemande | 'J-2' | 'J-5';

/** The criteria beyond the state, as the filter bar holds them (days aaaa-mm-jj, '' = none). */
export interface Criteres {
  demandeurs: TypeDemandeur[];
  typesActe: TypeActe[];
  personne: string;
  du: string;
  au: string;
}
export const CRITERES_VIDES: Criteres = { demandeurs: [], typesActe: [], personne: '', du: '', au: '' };

/** Rows are fetched by pages as the list scrolls: 10,000 requests never cross at once. */
export const TAILLE_PAGE = 100;

/**
 * The requests screen's state: the list (its filters, counts and the pages read so far), the
 * quarantine, the outbox, and the sync status. Fed by calls, kept fresh by the contract's
 * events (sync progress, new requests, matching, outbox changes).
 */
interface EtatDemandes {
  filtre: Filtre;
  criteres: Criteres;
  /** Counts and total of the current filters (the rows are in `lignes`). */
  liste: Omit<Liste, 'demandes'> | null;
  /** One slot per listed request, in list order; undefined until its page is read. */
  lignes: (ResumeDemande | undefined)[];
  /** Changes with every new listing: the list screen reads its visible pages again. */
  generation: number;
  quarantaine: SortieAppel<'demandes.quarantaine'> | null;
  envois: SortieAppel<'sync.envois'> | null;
  sync: EtatSync | null;
  progression: Progression | null;
  erreur: string | null;
  /** Matching outcome of each read request (by id); absent while not matched yet. */
  issues: Record<number, IssueDemande>;
  chargerIssues(): Promise<void>;
  /** The counts again (matching moved on), the rows kept; a changed total lists everything again. */
  rafraichirComptes(): Promise<void>;
  choisirFiltre(f: Filtre): Promise<void>;
  changerCriteres(c: Partial<Criteres>): Promise<void>;
  charger(): Promise<void>;
  /** The list shows rows debut..fin (indexes): reads the pages they need. */
  voir(debut: number, fin: number): Promise<void>;
  synchroniser(): Promise<SortieAppel<'sync.maintenant'>>;
  surProgression(p: Progression): void;
}

function argumentsFiltre(f: Filtre) {
  if (f === 'tout') return {};
  if (f === 'a_traiter') return { etats: ['recue', 'en_cours', 'a_echeance', 'en_retard'] as EtatDemande[] };
  if (f === 'J-2' || f === 'J-5') return { alerte: f };
  return { etats: [f] };
}

/** The call's criteria: empty ones left out (the main process validates the rest). */
export function argumentsListe(f: Filtre, c: Criteres): EntreeAppel<'demandes.lister'> {
  return {
    ...argumentsFiltre(f),
    ...(c.demandeurs.length ? { demandeurs: c.demandeurs } : {}),
    ...(c.typesActe.length ? { typesActe: c.typesActe } : {}),
    ...(c.personne.trim() ? { personne: c.personne.trim() } : {}),
    ...(c.du ? { du: c.du } : {}),
    ...(c.au ? { au: c.au } : {}),
  };
}

// Outside the store: bookkeeping the screen never draws.
let generation = 0;
let plage: [number, number] = [0, TAILLE_PAGE - 1];
const pagesLues = new Set<number>();
const pagesEnVol = new Set<number>();
// The counts of the header are numbered when asked: main answers the calls in the order they
// were made, so a higher number is a fresher count. A listing asked before the last matching
// batch may come back after the refresh that followed it: its older counts must not replace
// the fresher ones (the header would then keep saying "en cours" for requests already matched).
let comptesDemandes = 0;
let comptesAffiches = 0;
const comptesPlusFrais = (n: number) => (n > comptesAffiches ? ((comptesAffiches = n), true) : false);

const pagesDe = (debut: number, fin: number) => {
  const pages: number[] = [];
  for (let p = Math.floor(Math.max(0, debut) / TAILLE_PAGE); p <= Math.floor(Math.max(0, fin) / TAILLE_PAGE); p++)
    pages.push(p);
  return pages;
};

export const useDemandes = create<EtatDemandes>((set, get) => {
  const lirePage = async (page: number) => {
    const numero = ++comptesDemandes;
    const r = await api.appeler('demandes.lister', {
      ...argumentsListe(get().filtre, get().criteres),
      limite: TAILLE_PAGE,
      decalage: page * TAILLE_PAGE,
    });
    return { ...r, numero };
  };

  /** The matching outcome of some requests (500 at most per call), merged into `issues`. */
  const lireIssues = async (ids: number[]) => {
    for (let i = 0; i < ids.length; i += 500) {
      const issues = await api.appeler('rapprochement.issues', { demandeIds: ids.slice(i, i + 500) });
      set((e) => ({ issues: { ...e.issues, ...Object.fromEntries(issues.map((x) => [x.demandeId, x])) } }));
    }
  };

  /** Places the rows of a page in `lignes`, unless the list changed meanwhile. */
  const placer = (gen: number, page: number, r: Liste & { numero: number }) => {
    if (gen !== generation) return false;
    const { demandes, numero, ...meta } = r;
    const frais = comptesPlusFrais(numero) || get().liste === null;
    set((e) => {
      const lignes = e.lignes.length === r.total ? e.lignes.slice() : new Array<ResumeDemande | undefined>(r.total);
      demandes.forEach((d, i) => (lignes[page * TAILLE_PAGE + i] = d));
      return frais ? { lignes, liste: meta } : { lignes };
    });
    pagesLues.add(page);
    return true;
  };

  return {
    filtre: 'a_traiter',
    criteres: CRITERES_VIDES,
    liste: null,
    lignes: [],
    generation: 0,
    quarantaine: null,
    envois: null,
    sync: null,
    progression: null,
    erreur: null,
    issues: {},
    async chargerIssues() {
      // The rows on screen: the others are read again when they come into view.
      const ids = get()
        .lignes.slice(plage[0], plage[1] + 1)
        .flatMap((d) => (d ? [d.id] : []));
      try {
        await lireIssues(ids);
      } catch {
        // The outcome column stays as it was; the list itself is shown.
      }
    },
    async rafraichirComptes() {
      const gen = generation;
      const cle = () => JSON.stringify(argumentsListe(get().filtre, get().criteres));
      const avant = cle();
      const numero = ++comptesDemandes;
      try {
        const { demandes: _, ...meta } = await api.appeler('demandes.lister', {
          ...argumentsListe(get().filtre, get().criteres),
          limite: 1,
        });
        // Other filters since: these counts are not theirs. A listing under way for the same
        // filters keeps its rows, but these counts, asked later, are the fresher ones.
        if (cle() !== avant || !comptesPlusFrais(numero)) return;
        if (gen === generation && meta.total !== get().lignes.length) await get().charger();
        else set({ liste: meta });
      } catch {
        // The counts stay as they were; the next listing brings them.
      }
    },
    async choisirFiltre(filtre) {
      set({ filtre });
      await get().charger();
    },
    async changerCriteres(c) {
      set((e) => ({ criteres: { ...e.criteres, ...c } }));
      await get().charger();
    },
    async charger() {
      const gen = ++generation;
      pagesLues.clear();
      pagesEnVol.clear();
      const pages = [...new Set([0, ...pagesDe(plage[0], plage[1])])];
      try {
        const [resultats, quarantaine, envois, sync] = await Promise.all([
          Promise.all(pages.map((p) => lirePage(p))),
          api.appeler('demandes.quarantaine', { limite: 100 }),
          api.appeler('sync.envois', { limite: 100 }),
          api.appeler('sync.etat', {}),
        ]);
        if (gen !== generation) return;
        // A new listing: the rows read before belong to other filters (or an older state).
        set({ lignes: [], quarantaine, envois, sync, erreur: null, generation: gen });
        pages.forEach((p, i) => placer(gen, p, resultats[i]));
        await lireIssues(resultats.flatMap((r) => r.demandes.map((d) => d.id)));
      } catch (e) {
        if (gen === generation) set({ erreur: messageErreur(e) });
      }
    },
    async voir(debut, fin) {
      plage = [debut, fin];
      const gen = generation;
      const manquantes = pagesDe(debut, fin).filter((p) => !pagesLues.has(p) && !pagesEnVol.has(p));
      await Promise.all(
        manquantes.map(async (p) => {
          pagesEnVol.add(p);
          try {
            const r = await lirePage(p);
            if (placer(gen, p, r)) await lireIssues(r.demandes.map((d) => d.id));
          } catch (e) {
            if (gen === generation) set({ erreur: messageErreur(e) });
          } finally {
            pagesEnVol.delete(p);
          }
        }),
      );
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
  };
});

/**
 * "Traiter à la suite" from a request (or the first): every request of the filtered list from
 * there on that still needs an answer, in list order. Asked of the main process: the rows read
 * here are only the pages scrolled through, the run must go to the end of the list
 * (MAX_IDS_LISTE requests at most: `tronquee` says the run stops there).
 */
export async function fileATraiter(depuis: number | null): Promise<{ ids: number[]; tronquee: boolean }> {
  const { filtre, criteres } = useDemandes.getState();
  const r = await api.appeler('demandes.listerIds', {
    ...argumentsListe(filtre, criteres),
    ...(depuis !== null ? { depuis } : {}),
  });
  return { ids: r.demandes.filter(aTraiter).map((d) => d.id), tronquee: r.tronquee };
}

import {
  deballer,
  estNomEvenement,
  type ApiRegistre,
  type ChargeEvenement,
  type EntreeAppel,
  type NomAppel,
  type NomEvenement,
  type PontRegistre,
  type SortieAppel,
} from '../../shared/contract';
import { RegistreError } from '../../shared/errors';

/**
 * The one place where the renderer talks to the main process. Two transports, one API:
 * - in Electron, the preload's bridge `window.registre` (IPC);
 * - in a browser, the harness over HTTP (calls) and Server-Sent Events (events), protected by
 *   the per-start token given in the page's address (`?jeton=…`).
 * Screens never see which one is used.
 */
declare global {
  interface Window {
    registre?: PontRegistre;
  }
}

type Abonne = (nom: NomEvenement, charge: unknown) => void;

function creerApi(
  envoyer: (nom: string, entree: unknown) => Promise<unknown>,
  brancher: (surEvenement: Abonne) => void,
): ApiRegistre {
  const abonnes = new Map<NomEvenement, Set<(charge: unknown) => void>>();
  brancher((nom, charge) => abonnes.get(nom)?.forEach((rappel) => rappel(charge)));
  return {
    async appeler<N extends NomAppel>(nom: N, entree: EntreeAppel<N>): Promise<SortieAppel<N>> {
      return deballer<SortieAppel<N>>(await envoyer(nom, entree));
    },
    ecouter<E extends NomEvenement>(nom: E, rappel: (charge: ChargeEvenement<E>) => void): () => void {
      const ensemble = abonnes.get(nom) ?? new Set();
      abonnes.set(nom, ensemble);
      const r = rappel as (charge: unknown) => void;
      ensemble.add(r);
      return () => ensemble.delete(r);
    },
  };
}

function apiElectron(pont: PontRegistre): ApiRegistre {
  return creerApi(
    (nom, entree) => pont.appeler(nom, entree),
    (surEvenement) => {
      pont.ecouter((nom, charge) => {
        if (estNomEvenement(nom)) surEvenement(nom, charge);
      });
    },
  );
}

const CLE_JETON = 'registre.jeton';

/** Takes the token from the address once, keeps it for the tab, and removes it from the address bar. */
function jetonHarnais(): string {
  const url = new URL(window.location.href);
  const depuisUrl = url.searchParams.get('jeton');
  if (depuisUrl) {
    sessionStorage.setItem(CLE_JETON, depuisUrl);
    url.searchParams.delete('jeton');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return depuisUrl;
  }
  return sessionStorage.getItem(CLE_JETON) ?? '';
}

function apiNavigateur(): ApiRegistre {
  const jeton = jetonHarnais();
  return creerApi(
    async (nom, entree) => {
      let reponse: Response;
      try {
        reponse = await fetch(`api/appel/${encodeURIComponent(nom)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jeton}` },
          body: JSON.stringify(entree ?? {}),
        });
      } catch {
        throw new RegistreError('interne', 'Le service Registre ne répond pas. Est-il toujours lancé ?');
      }
      if (reponse.status === 401)
        throw new RegistreError(
          'droits_insuffisants',
          'Accès refusé : ouvrez l’adresse complète affichée au lancement de Registre.',
        );
      return reponse.json();
    },
    (surEvenement) => {
      const source = new EventSource(`api/evenements?jeton=${encodeURIComponent(jeton)}`);
      source.onmessage = (m) => {
        const { nom, charge } = JSON.parse(m.data as string) as { nom: unknown; charge: unknown };
        if (estNomEvenement(nom)) surEvenement(nom, charge);
      };
    },
  );
}

export const api: ApiRegistre = window.registre ? apiElectron(window.registre) : apiNavigateur();
export const transport: 'electron' | 'navigateur' = window.registre ? 'electron' : 'navigateur';

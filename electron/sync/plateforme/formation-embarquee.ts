import { erreurs, RegistreError } from '../../../shared/errors';
import type { Commune } from '../../../shared/contract/parametres';
import { journal } from '../../journal';
import { versPem, type CarteFormation } from '../../signature';
import type { AdaptateurPlateforme, IdentiteConnexion, SessionPlateforme } from './adaptateur';
import { AdaptateurBacASable } from './bac-a-sable';

/**
 * Training mode's platform, embedded in the app: the sandbox platform started in this process
 * on 127.0.0.1 (`formation: true`, trusting only the training card's CA, the commune's mailbox
 * and the training officer registered, some requests to practise on). Started at the first
 * sync or diagnostic that needs it, not at launch (most sessions never sync in training);
 * started again when the commune or the training card changed (a new card = a new CA the old
 * platform would refuse); stopped when leaving training mode and when the app closes.
 * The platform lives in memory; the requests it delivered are stored in the training world's own
 * database (mondes.ts), under this platform instance's identity, never mixed with real ones.
 */
export interface DependancesFormationEmbarquee {
  carte: CarteFormation;
  commune: () => Commune | null;
  /** Starts the training platform: handed down by the composition root (app.ts), so sync never imports the sandbox. */
  demarrer: DemarrerPlateformeFormation;
}

/**
 * For a sync service built without a training platform (tests, CLI): training mode must then
 * fail loudly rather than fall back to the configured address (training never leaves the computer).
 */
export const sansPlateformeFormation: DemarrerPlateformeFormation = () =>
  Promise.reject(new RegistreError('interne', 'La plateforme de formation n’est pas disponible dans ce contexte.'));

/** What sync needs of a started training platform: where it listens, and how to stop it. */
export interface PlateformeFormationDemarree {
  readonly url: string;
  readonly port: number;
  arreter(): Promise<void>;
}

/** The sandbox's training-platform factory, as sync sees it (the sandbox's `demarrerPlateformeFormation`). */
export type DemarrerPlateformeFormation = (o: {
  commune: { codeInsee: string };
  carte: { titulaire: string; certificatsPem: string[]; caPem: string };
}) => Promise<PlateformeFormationDemarree>;

interface Demarree {
  cle: string;
  plateforme: Promise<PlateformeFormationDemarree>;
}

export class PlateformeFormationEmbarquee {
  private courante: Demarree | null = null;

  constructor(private readonly deps: DependancesFormationEmbarquee) {}

  /** The running platform's address (starts it if needed). */
  async adresse(): Promise<string> {
    return (await this.demarrer()).url;
  }

  /** An adapter that starts the platform on its first call (the engine asks for adapters synchronously). */
  adaptateur(): AdaptateurPlateforme {
    return new AdaptateurFormationEmbarquee(() => this.adresse());
  }

  private demarrer(): Promise<PlateformeFormationDemarree> {
    const commune = this.deps.commune();
    if (!commune)
      throw erreurs.saisieInvalide(
        'commune',
        'la commune n’est pas paramétrée : la plateforme de formation ne peut pas ouvrir sa boîte aux lettres',
      );
    if (!this.deps.carte.existe()) throw erreurs.carteAbsente();
    const caPem = this.deps.carte.caPem();
    const feuilles = this.deps.carte.certificats().filter((c) => !c.autorite);
    const cle = [commune.codeInsee, caPem, ...feuilles.map((c) => c.empreinte)].join('|');
    if (this.courante?.cle === cle) return this.courante.plateforme;
    void this.arreter();
    const auth = feuilles.find((c) => c.usage === 'authentification') ?? feuilles[0];
    const plateforme = this.deps.demarrer({
      commune: { codeInsee: commune.codeInsee },
      carte: { titulaire: auth?.titulaire ?? 'Agent de formation', certificatsPem: feuilles.map(versPem), caPem },
    });
    const demarree: Demarree = { cle, plateforme };
    this.courante = demarree;
    plateforme.then(
      (p) => journal.info('plateforme de formation démarrée', { port: p.port }),
      () => {
        // A failed start is not kept: the next sync tries again.
        if (this.courante === demarree) this.courante = null;
      },
    );
    return plateforme;
  }

  /** Stops the platform if one runs or is starting (a start in flight is stopped once up). */
  async arreter(): Promise<void> {
    const c = this.courante;
    this.courante = null;
    if (!c) return;
    try {
      const p = await c.plateforme;
      await p.arreter();
      journal.info('plateforme de formation arrêtée', { port: p.port });
    } catch {
      // It never started: nothing to stop.
    }
  }
}

/** Delegates to the sandbox adapter once the embedded platform's address is known. */
class AdaptateurFormationEmbarquee implements AdaptateurPlateforme {
  private cible: AdaptateurBacASable | null = null;

  constructor(private readonly adresseDe: () => Promise<string>) {}

  get adresse(): string {
    return this.cible ? `${this.cible.adresse} (plateforme de formation intégrée)` : 'plateforme de formation intégrée';
  }

  private async a(): Promise<AdaptateurBacASable> {
    this.cible ??= new AdaptateurBacASable({ url: await this.adresseDe() });
    return this.cible;
  }

  async informations() {
    return (await this.a()).informations();
  }
  async ouvrirSession(identite: IdentiteConnexion) {
    return (await this.a()).ouvrirSession(identite);
  }
  async demandes(s: SessionPlateforme, limite: number) {
    return (await this.a()).demandes(s, limite);
  }
  async acquitterDemandes(s: SessionPlateforme, ids: readonly string[]) {
    return (await this.a()).acquitterDemandes(s, ids);
  }
  async reponsesRecues(s: SessionPlateforme) {
    return (await this.a()).reponsesRecues(s);
  }
  async acquitterReponses(s: SessionPlateforme, ids: readonly string[]) {
    return (await this.a()).acquitterReponses(s, ids);
  }
  async deposerReponse(s: SessionPlateforme, demandeId: string, document: string, cle: string) {
    return (await this.a()).deposerReponse(s, demandeId, document, cle);
  }
  async deposerDemandeEmise(s: SessionPlateforme, document: string, cle: string) {
    return (await this.a()).deposerDemandeEmise(s, document, cle);
  }
}

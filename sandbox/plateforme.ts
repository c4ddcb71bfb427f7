import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { horlogeSysteme, type Horloge } from '../electron/horloge';
import { Confiance, depuisPem } from '../electron/signature';
import { TAILLE_MAX_DEFAUT } from '../electron/comedec';
import { ouvrirBasePlateforme, type BasePlateforme } from './base/ouvrir';
import { DepotCommunes } from './depots/communes';
import { DepotDemandes } from './depots/demandes';
import { DepotDemandesEmises } from './depots/demandes-emises';
import { DepotReglages } from './depots/reglages';
import { DepotReponses } from './depots/reponses';
import { DepotSessions } from './depots/sessions';
import { HorlogeReglable } from './horloge-reglable';
import { InjecteurPannes } from './pannes';
import { autoritePropre, type AutoriteEmettrice } from './pki/autorites';
import { ServiceAuthentification } from './services/authentification';
import { CommunesSimulees } from './services/commune-simulee';
import type { DependancesEmission } from './services/reception-demande-emise';

export interface OptionsPlateforme {
  /** SQLite file of the platform, or ':memory:' (default). */
  fichierBase?: string;
  horloge?: Horloge;
  /** Trust anchors for the agents' cards (PEM, one or more certificates). */
  ancres?: string[];
  /** CA issuing the simulated communes' officers (tests: the test agent CA); default: the platform's own. */
  autoriteSimulation?: AutoriteEmettrice;
  /** Training platform: accepts only training cards, says `formation: true`. */
  formation?: boolean;
  /** Largest document accepted, in bytes (default 1 MB). */
  tailleMaxDocument?: number;
  /** Session lifetime (default 15 minutes). */
  dureeSessionMs?: number;
  /** Admin token (default: random). */
  jetonAdmin?: string;
}

export const SimulationSchema = z.object({
  delaiReponseMs: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3600 * 1000)
    .default(0),
  proportionNonDetenus: z.number().min(0).max(1).default(0),
});
export type ReglageSimulation = z.infer<typeof SimulationSchema>;

/**
 * The sandbox platform without its HTTP face: database, stores, clock, trust list, services.
 * Built once by `demarrerPlateforme`; tests may reach it directly (e.g. to read a stored answer).
 */
export class Plateforme {
  readonly communes: DepotCommunes;
  readonly demandes: DepotDemandes;
  readonly reponses: DepotReponses;
  readonly emises: DepotDemandesEmises;
  readonly reglages: DepotReglages;
  readonly sessions: DepotSessions;
  readonly horloge: HorlogeReglable;
  readonly pannes: InjecteurPannes;
  readonly authentification: ServiceAuthentification;
  readonly confiance: Confiance;
  readonly formation: boolean;
  readonly tailleMax: number;
  readonly jetonAdmin: string;
  /**
   * Drawn once when the platform's database is created: two platforms (a fresh sandbox, the
   * training platform) both number their requests from 1, so a client tells them apart by this.
   */
  readonly instance: string;
  private simulees!: CommunesSimulees;
  private autorite!: AutoriteEmettrice;

  private constructor(
    readonly db: BasePlateforme,
    o: OptionsPlateforme,
  ) {
    this.reglages = new DepotReglages(db);
    this.communes = new DepotCommunes(db);
    this.demandes = new DepotDemandes(db);
    this.reponses = new DepotReponses(db);
    this.emises = new DepotDemandesEmises(db);
    this.sessions = new DepotSessions(db);
    this.horloge = new HorlogeReglable(o.horloge ?? horlogeSysteme, this.reglages);
    this.pannes = new InjecteurPannes(this.reglages);
    this.formation = o.formation ?? false;
    this.tailleMax = o.tailleMaxDocument ?? TAILLE_MAX_DEFAUT;
    this.jetonAdmin = o.jetonAdmin ?? randomBytes(24).toString('base64url');
    this.instance = this.reglages.lire<string | null>('instance', null) ?? randomBytes(12).toString('base64url');
    this.reglages.ecrire('instance', this.instance);
    this.confiance = new Confiance((o.ancres ?? []).flatMap((pem) => depuisPem(pem)));
    this.authentification = new ServiceAuthentification({
      horloge: this.horloge,
      communes: this.communes,
      sessions: this.sessions,
      confiance: this.confiance,
      formation: this.formation,
      dureeSessionMs: o.dureeSessionMs ?? 15 * 60 * 1000,
    });
  }

  static async creer(o: OptionsPlateforme = {}): Promise<Plateforme> {
    const p = new Plateforme(ouvrirBasePlateforme(o.fichierBase ?? ':memory:'), o);
    try {
      p.autorite = o.autoriteSimulation ?? (await autoritePropre(p.reglages, p.horloge.maintenant()));
      p.simulees = new CommunesSimulees(p.autorite, p.formation);
      return p;
    } catch (e) {
      p.db.close();
      throw e;
    }
  }

  /** CAs above the simulated communes' officers: what a client must trust to verify their answers. */
  autoritesSimulation(): string[] {
    return [this.autorite.certificat.x509.toString('pem'), ...this.autorite.superieures];
  }

  get simulation(): ReglageSimulation {
    return SimulationSchema.parse(this.reglages.lire('simulation', {}));
  }

  reglerSimulation(r: unknown): ReglageSimulation {
    const s = SimulationSchema.parse({ ...this.simulation, ...(r as object) });
    this.reglages.ecrire('simulation', s);
    return s;
  }

  /** What the reception services need. */
  dependances(): DependancesEmission {
    return {
      horloge: this.horloge,
      communes: this.communes,
      demandes: this.demandes,
      reponses: this.reponses,
      emises: this.emises,
      reglages: this.reglages,
      confiance: this.confiance,
      formation: this.formation,
      tailleMax: this.tailleMax,
      simulees: this.simulees,
      simulation: () => this.simulation,
    };
  }

  fermer(): void {
    if (this.db.open) this.db.close();
  }
}

import type { EtatRapprochement } from '../../../shared/contract/rapprochement';
import type { BusEvenements } from '../../contrat';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import { journal } from '../../journal';
import { versRegistreError } from '../../../shared/errors';
import { DonneesDemandes } from '../stockage/donnees';
import { DepotRapprochements } from './depot';
import { Rapprocheur } from './rapprocheur';

export interface DependancesRapprochement {
  db(): Base;
  bus: BusEvenements;
  horloge: Horloge;
}

/** Requests matched between two yields to the event loop, and per event sent to the screens. */
const TAILLE_LOT = 20;

/**
 * Background matching: every waiting request is matched when it arrives and again whenever
 * the register changes, without holding the main process for long. Each request takes a few
 * milliseconds (see `npm run bench:match`); between two requests the loop yields, so calls
 * from the screens are served in between. A worker thread is not needed at this volume (a
 * commune receives tens of requests a day; re-matching a few hundred after an import takes
 * about a second of small slices).
 *
 * What is to do lives in the database (no result, or a stale one), not in memory: a restart
 * or a crash loses nothing, the next pass picks it up.
 */
export class ServiceRapprochement {
  private passe: Promise<void> | null = null;
  private encore = false;
  private arrete = false;
  private demarre = false;

  constructor(private readonly deps: DependancesRapprochement) {}

  /**
   * Starts a first pass. What calls for matching later is wired by app.ts: after a reception
   * (`planifier`) and after a register change (`registreModifie`), never the renderer's events.
   */
  demarrer(): void {
    if (this.demarre) return;
    this.demarre = true;
    this.arrete = false;
    this.planifier();
  }

  async arreter(): Promise<void> {
    this.arrete = true;
    this.demarre = false;
    await this.passe;
  }

  /** The register changed: waiting requests' results are stale and redone. */
  registreModifie(): void {
    try {
      new DepotRapprochements(this.deps.db()).perimerEnAttente();
    } catch (e) {
      journal.erreur('rapprochement : péremption impossible', { code: versRegistreError(e).code });
    }
    this.planifier();
  }

  /** New requests may wait (after a reception): starts a pass, or asks the running one to look again. */
  planifier(): void {
    if (this.arrete) return;
    if (this.passe) {
      this.encore = true;
      return;
    }
    this.passe = this.executer().finally(() => {
      this.passe = null;
    });
  }

  /** Resolves when nothing is left to do (tests, the CLI). */
  async attendre(): Promise<void> {
    while (this.passe) await this.passe;
  }

  /** Matches one request now and stores the result (a screen asked for it). */
  rapprocherMaintenant(demandeId: number): EtatRapprochement {
    const db = this.deps.db();
    const etat = this.faire(
      new Rapprocheur(db, this.deps.horloge),
      new DonneesDemandes(db),
      new DepotRapprochements(db),
      demandeId,
    );
    this.deps.bus.emettre('rapprochement.modifie', { demandeIds: [demandeId] });
    return etat;
  }

  private async executer(): Promise<void> {
    // A request that cannot be matched (unreadable data) is skipped for the rest of the pass,
    // so that it neither blocks the others nor makes the pass spin.
    const enEchec = new Set<number>();
    do {
      this.encore = false;
      while (!this.arrete && (await this.lot(enEchec)) > 0);
    } while (this.encore && !this.arrete);
  }

  /** One batch: a fresh matcher (the register may have changed), one request per slice. */
  private async lot(enEchec: Set<number>): Promise<number> {
    const db = this.deps.db();
    if (!db.open) return 0;
    const depot = new DepotRapprochements(db);
    const ids = depot.aFaire(TAILLE_LOT + enEchec.size).filter((id) => !enEchec.has(id));
    if (ids.length === 0) return 0;
    const rapprocheur = new Rapprocheur(db, this.deps.horloge);
    const demandes = new DonneesDemandes(db);
    const faits: number[] = [];
    for (const id of ids) {
      // A restore swaps the connection: stop, the next pass starts on the new one.
      if (this.arrete || this.deps.db() !== db || !db.open) break;
      try {
        this.faire(rapprocheur, demandes, depot, id);
        faits.push(id);
      } catch (e) {
        enEchec.add(id);
        journal.erreur('rapprochement impossible', { code: versRegistreError(e).code });
      }
      await new Promise((r) => setImmediate(r));
    }
    if (faits.length) this.deps.bus.emettre('rapprochement.modifie', { demandeIds: faits });
    return ids.length;
  }

  private faire(
    rapprocheur: Rapprocheur,
    demandes: DonneesDemandes,
    depot: DepotRapprochements,
    demandeId: number,
  ): EtatRapprochement {
    const { resultat, dureeMs } = rapprocheur.rapprocher(demandes.donnees(demandeId));
    const calculeLe = this.deps.horloge.maintenant().toISOString();
    depot.enregistrer(demandeId, resultat, calculeLe, dureeMs);
    journal.debug('rapprochement', {
      issue: resultat.issue,
      candidats: resultat.candidats.length,
      ms: Math.round(dureeMs),
    });
    return { demandeId, resultat, calculeLe, dureeMs };
  }
}

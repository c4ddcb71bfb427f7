import type { Acte } from '../../shared/domain/acte';
import { dateIsoDuJour } from '../../shared/domain/dates';
import { validerActe } from '../../shared/domain/validation';
import { erreurs } from '../../shared/errors';
import type { ContexteApp } from '../contexte';
import { parConnexion, type Base } from '../db';
import { completerLieu } from './communes';
import { DepotActes } from './depot';
import { libelleCle } from './libelles';
import { moteurPour, type DemandeRecherche } from './recherche';

/** One depot per connection (a restore swaps the connection: a new one is then built). */
export const depotPour = parConnexion((db) => new DepotActes(db));

/** The register's search, as every door calls it (the contract's handler, the CLI). */
export function rechercherDans(db: Base, demande: DemandeRecherche) {
  return moteurPour(db).rechercher(demande);
}

/**
 * The register as the app uses it: search, read, save one act (the editor), statistics.
 * Reads `ctx.db()` at every call, never keeps it.
 */
export class ServiceRegistre {
  constructor(private readonly ctx: ContexteApp) {}

  rechercher(demande: DemandeRecherche) {
    return rechercherDans(this.ctx.db(), demande);
  }

  lire(id: number): Acte {
    const acte = depotPour(this.ctx.db()).lire(id);
    if (!acte) throw erreurs.introuvable('Acte', id);
    return acte;
  }

  /**
   * Creates or corrects one act, after the same validation as the editor shows. A new act
   * may not take the (type, year, number) of an act already in the register, and a corrected
   * act may not move onto another act's number: both are refused (`conflit`), nothing is
   * overwritten.
   */
  enregistrer(saisi: Acte): Acte {
    // The places keep the officer's spelling; the commune's code is added when it designates one.
    const acte: Acte = {
      ...saisi,
      lieuEvenement: completerLieu(saisi.lieuEvenement),
      personnes: saisi.personnes.map((p) => ({ ...p, lieuNaissance: completerLieu(p.lieuNaissance) })),
    };
    const maintenant = this.ctx.horloge.maintenant();
    const liste = validerActe(acte, { aujourdhui: dateIsoDuJour(maintenant) });
    if (liste.length) throw erreurs.saisiesInvalides(liste);
    const depot = depotPour(this.ctx.db());
    if (acte.id === undefined && depot.parCle(acte.type, acte.annee, acte.numero)) {
      throw erreurs.conflit(`${libelleCle(acte)} existe déjà dans le registre : ouvrez-le pour le corriger.`);
    }
    const { id } = depot.enregistrer(acte, maintenant.toISOString());
    this.ctx.registreModifie({ raison: 'saisie', ids: [id] });
    return depot.lire(id)!;
  }

  statistiques() {
    return depotPour(this.ctx.db()).statistiques();
  }
}

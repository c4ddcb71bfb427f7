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

/** The places keep the officer's spelling; the commune's code is added when it designates one. */
function avecCodesDesLieux(saisi: Acte): Acte {
  return {
    ...saisi,
    lieuEvenement: completerLieu(saisi.lieuEvenement),
    personnes: saisi.personnes.map((p) => ({ ...p, lieuNaissance: completerLieu(p.lieuNaissance) })),
  };
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
  enregistrer(acte: Acte): Acte {
    // Which request an act came from is said only by the indexing below, never by the editor.
    const { demandeOrigine: _ignore, ...sansOrigine } = acte;
    const saisi = avecCodesDesLieux(sansOrigine);
    this.valider(saisi);
    const depot = depotPour(this.ctx.db());
    if (saisi.id === undefined && depot.parCle(saisi.type, saisi.annee, saisi.numero)) {
      throw erreurs.conflit(`${libelleCle(saisi)} existe déjà dans le registre : ouvrez-le pour le corriger.`);
    }
    return this.ecrire(saisi);
  }

  /**
   * Keys in an act from a request (`idPlateforme`): the act remembers it ("indexé depuis la
   * demande …") and is indexed. A new act that takes the number of an act known only by its
   * number completes that act (what the paper register says it is); onto an act already
   * indexed, it is refused like any new act (`conflit`).
   */
  indexerDepuisDemande(lu: Acte, idPlateforme: string): Acte {
    const acte = avecCodesDesLieux(lu);
    this.valider({ ...acte, indexe: true });
    const depot = depotPour(this.ctx.db());
    let id = acte.id;
    if (id === undefined) {
      const existant = depot.parCle(acte.type, acte.annee, acte.numero);
      if (existant?.indexe)
        throw erreurs.conflit(
          `${libelleCle(acte)} est déjà indexé dans le registre : vérifiez le numéro lu dans le registre papier.`,
        );
      id = existant?.id;
    }
    const indexe: Acte = {
      ...acte,
      ...(id !== undefined ? { id } : { origine: 'demande' as const }),
      indexe: true,
      demandeOrigine: idPlateforme,
    };
    return this.ecrire(indexe);
  }

  private valider(acte: Acte): void {
    const liste = validerActe(acte, { aujourdhui: dateIsoDuJour(this.ctx.horloge.maintenant()) });
    if (liste.length) throw erreurs.saisiesInvalides(liste);
  }

  private ecrire(acte: Acte): Acte {
    const depot = depotPour(this.ctx.db());
    const { id } = depot.enregistrer(acte, this.ctx.horloge.maintenant().toISOString());
    this.ctx.registreModifie({ raison: 'saisie', ids: [id] });
    return depot.lire(id)!;
  }

  statistiques() {
    return depotPour(this.ctx.db()).statistiques();
  }
}

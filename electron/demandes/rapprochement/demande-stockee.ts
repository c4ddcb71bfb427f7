import type Database from 'better-sqlite3';
import type { DonneesDemande } from '../../../shared/domain/correspondance';
import { erreurs } from '../../../shared/errors';
import type { Base } from '../../db/connexion';
import { DemandeSchema } from '../../comedec/format';

/**
 * The declared data of a stored request (table `demandes`, migration 0004: the parsed request
 * as JSON). It was validated when received; it is validated again here because a result built
 * on a misread request would be a wrong answer to a citizen.
 */
export class DemandesStockees {
  private readonly lireDonnees: Database.Statement<[number], string>;

  constructor(db: Base) {
    this.lireDonnees = db.prepare<[number], string>('SELECT donnees FROM demandes WHERE id = ?').pluck();
  }

  donnees(demandeId: number): DonneesDemande {
    const texte = this.lireDonnees.get(demandeId);
    if (texte === undefined) throw erreurs.introuvable('Demande', demandeId);
    const lue = DemandeSchema.safeParse(JSON.parse(texte));
    if (!lue.success) throw erreurs.interne('demande stockée illisible');
    return lue.data;
  }
}

import type Database from 'better-sqlite3';
import { erreurs } from '../../../shared/errors';
import { DemandeSchema, type Demande } from '../../comedec';
import type { Base } from '../../db';

/**
 * THE reading of a stored request's declared data (column `donnees`: the parsed request as
 * JSON). It was validated when received; it is validated again whenever it is read, because
 * a screen or a match built on a misread request would be a wrong answer to a citizen. Every
 * reader goes through here: nothing casts the JSON.
 */
export function lireDonneesDemande(texte: string): Demande {
  let brut: unknown;
  try {
    brut = JSON.parse(texte);
  } catch {
    throw erreurs.interne('demande stockée illisible');
  }
  const lue = DemandeSchema.safeParse(brut);
  if (!lue.success) throw erreurs.interne('demande stockée illisible');
  return lue.data;
}

/** The declared data of stored requests, by id, with the statement prepared once (matching reads hundreds). */
export class DonneesDemandes {
  private readonly lire: Database.Statement<[number], string>;

  constructor(db: Base) {
    this.lire = db.prepare<[number], string>('SELECT donnees FROM demandes WHERE id = ?').pluck();
  }

  donnees(demandeId: number): Demande {
    const texte = this.lire.get(demandeId);
    if (texte === undefined) throw erreurs.introuvable('Demande', demandeId);
    return lireDonneesDemande(texte);
  }
}

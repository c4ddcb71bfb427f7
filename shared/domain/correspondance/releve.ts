import type { TypeActe } from '../acte';
import type { IndexCommunes } from '../lieux';
import type { Jugement } from './jugement';
import { libelleChamp } from './libelles';
import type { ChampComparable, ComparaisonChamp } from './types';

/**
 * Collects the field comparisons of one request against one act, with labels and display
 * values. A field that neither side gives is left out: it says nothing.
 */
export class Releve {
  readonly comparaisons: ComparaisonChamp[] = [];

  /** `communes`: the table places are read with (none: spellings only, see shared/domain/lieux). */
  constructor(
    private readonly type: TypeActe,
    readonly communes?: IndexCommunes,
  ) {}

  noter(champ: ChampComparable, demande: string | null, registre: string | null, jugement: Jugement): void {
    if (demande === null && registre === null) return;
    this.comparaisons.push({
      champ,
      libelle: libelleChamp(champ, this.type),
      demande,
      registre,
      verdict: jugement.verdict,
      natures: jugement.natures,
    });
  }

  /**
   * Name and given names both different: whatever the rest says, this act cannot be a
   * candidate (see score.ts, estPlausible). Checked early, because most acts retrieved for
   * a request (same day, same name) are about someone else.
   */
  autrePersonne(): boolean {
    const verdict = (champ: ChampComparable) => this.comparaisons.find((c) => c.champ === champ)?.verdict;
    return verdict('nom') === 'different' && verdict('prenoms') === 'different';
  }
}

import type { Base } from '../../db';
import { ExpanseurVocabulaire } from '../../registre';
import { MemoBorne } from '../../../shared/memo-borne';

/** Past this many forms, a name's search gets slow and brings in other names. */
const MAX_FORMES = 32;
const TAILLE_MEMO = 5_000;

/**
 * The register's words a declared word may stand for: itself, the words that sound the same,
 * the words one or two typing slips away: the register search's own vocabulary expansion
 * (electron/registre/recherche/expansion.ts), remembered for the requests of one batch
 * (the same names come back: MARTIN, Marie...).
 */
export class VariantesMot {
  private readonly expanseur: ExpanseurVocabulaire;
  private readonly memo = new MemoBorne<string, readonly string[]>(TAILLE_MEMO);

  constructor(db: Base) {
    this.expanseur = new ExpanseurVocabulaire(db);
  }

  /** `mot` is one normalised word. The word itself comes first, even if the register lacks it. */
  de(mot: string): readonly string[] {
    return this.memo.obtenir(mot, () => {
      const terme = { mot, prefixe: false, particule: false };
      const deja = new Set([...this.expanseur.exacts(terme), ...this.expanseur.ecritures(terme)]);
      for (const m of this.expanseur.phonetiques(terme, deja)) deja.add(m);
      for (const m of this.expanseur.approches(terme, deja)) deja.add(m);
      return [mot, ...[...deja].filter((m) => m !== mot)].slice(0, MAX_FORMES);
    });
  }
}

import type { NatureVariante, Verdict } from './types';

/** The verdict on one field, before labels and display values are attached. */
export interface Jugement {
  verdict: Verdict;
  natures: NatureVariante[];
}

export const identique = (): Jugement => ({ verdict: 'identique', natures: [] });
export const different = (): Jugement => ({ verdict: 'different', natures: [] });
export const absent = (): Jugement => ({ verdict: 'absent', natures: [] });
export const variante = (...natures: NatureVariante[]): Jugement => ({ verdict: 'variante', natures: [...new Set(natures)] });

/** Ranking of verdicts, to keep the better of two ways of reading a field. */
export function meilleur(a: Jugement, b: Jugement): Jugement {
  const rang = (j: Jugement) =>
    j.verdict === 'identique' ? 0 : j.verdict === 'variante' ? j.natures.length : j.verdict === 'absent' ? 50 : 100;
  return rang(b) < rang(a) ? b : a;
}

export function estVide(texte: string | null | undefined): texte is null | undefined | '' {
  return !texte || !texte.trim();
}

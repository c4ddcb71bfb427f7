import type { NatureVariante, Verdict } from './types';

/** The verdict on one field, before labels and display values are attached. */
export interface Jugement {
  verdict: Verdict;
  natures: NatureVariante[];
}

export const identique = (): Jugement => ({ verdict: 'identique', natures: [] });
export const different = (): Jugement => ({ verdict: 'different', natures: [] });
export const absent = (): Jugement => ({ verdict: 'absent', natures: [] });
export const variante = (...natures: NatureVariante[]): Jugement => ({
  verdict: 'variante',
  natures: [...new Set(natures)],
});

export function estVide(texte: string | null | undefined): texte is null | undefined | '' {
  return !texte || !texte.trim();
}

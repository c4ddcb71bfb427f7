import type { Sexe } from '../acte';
import { absent, different, identique, type Jugement } from './jugement';

export function comparerSexe(demande: Sexe | null | undefined, registre: Sexe | null | undefined): Jugement {
  if (!demande || !registre) return absent();
  return demande === registre ? identique() : different();
}

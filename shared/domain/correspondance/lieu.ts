import type { Lieu } from '../acte';
import { compact } from './memo';
import { absent, different, estVide, identique, variante, type Jugement } from './jugement';
import { memeSon } from './nom';
import { uneFauteDeFrappe } from './frappe';

/** A place "in France" when no country is given or the country is France. */
function pays(l: Lieu): string {
  return l.pays && compact(l.pays) !== 'france' ? compact(l.pays) : '';
}

/**
 * A declared place against the register's. The INSEE code decides when both have one (two
 * communes may share a name, never a code); otherwise the commune's name is compared like a
 * proper name (spelling, sound, one typing slip), within the same country.
 */
export function comparerLieu(demande: Lieu | null | undefined, registre: Lieu | null | undefined): Jugement {
  if (!demande || !registre || estVide(demande.commune) || estVide(registre.commune)) return absent();
  if (pays(demande) !== pays(registre)) return different();
  const memeTexte = demande.commune.trim() === registre.commune.trim();
  if (demande.codeInsee && registre.codeInsee) {
    if (demande.codeInsee === registre.codeInsee) return memeTexte ? identique() : variante('graphie');
    return different();
  }
  if (memeTexte) return identique();
  const d = compact(demande.commune);
  const r = compact(registre.commune);
  if (d === r) return variante('graphie');
  if (memeSon(d, r)) return variante('phonetique');
  if (uneFauteDeFrappe(d, r)) return variante('faute_de_frappe');
  return different();
}

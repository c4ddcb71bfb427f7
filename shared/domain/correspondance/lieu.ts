import type { Lieu } from '../acte';
import { comparerLieux, normaliserLieu, type IndexCommunes } from '../lieux';
import { compact } from './memo';
import { absent, different, estVide, identique, variante, type Jugement } from './jugement';
import { memeSon } from './nom';
import { uneFauteDeFrappe } from './frappe';

/**
 * A declared place against the register's, read through the place normaliser
 * (shared/domain/lieux): two spellings of one place ("Paris 20e" / "75120", "Puy-en-Velay (Le)"
 * / "Le Puy-en-Velay", a former commune / its commune nouvelle) are the same place, a harmless
 * variant named for the officer. The city without its arrondissement ("Paris" / "Paris 20e")
 * is compatible, also harmless but named as less precise. Two places the communes table knows
 * apart (other INSEE codes, other departments, other arrondissements) are different; a name it
 * does not know is compared like a proper name (sound, one typing slip), within one country.
 */
export function comparerLieu(
  demande: Lieu | null | undefined,
  registre: Lieu | null | undefined,
  communes?: IndexCommunes,
): Jugement {
  if (!demande || !registre || estVide(demande.commune) || estVide(registre.commune)) return absent();
  const a = normaliserLieu(demande, communes);
  const b = normaliserLieu(registre, communes);
  const { relation, fusion } = comparerLieux(a, b);
  const d = compact(demande.commune);
  const r = compact(registre.commune);
  if (relation === 'meme') {
    if (demande.commune.trim() === registre.commune.trim()) return identique();
    if (d === r) return variante('graphie');
    return variante(fusion ? 'ancienne_commune' : 'meme_lieu');
  }
  if (relation === 'englobe') return variante('lieu_moins_precis');
  if (relation === 'inconnu') return absent();
  // Different: unless one of them is a name the table does not know, in the same country.
  const connus = a.communes.length > 0 && b.communes.length > 0;
  const departements = a.departement && b.departement && a.departement !== b.departement;
  if (a.pays !== b.pays || connus || departements || (demande.codeInsee && registre.codeInsee)) return different();
  if (memeSon(d, r)) return variante('phonetique');
  if (uneFauteDeFrappe(d, r)) return variante('faute_de_frappe');
  return different();
}

import { mots } from '../normalisation';
import { compactDeNom, sansParticule, son } from './memo';
import { absent, different, estVide, identique, variante, type Jugement } from './jugement';
import { uneFauteDeFrappe } from './frappe';

/**
 * A surname (or any proper name) as declared against the register's.
 *
 * `estNomUsage`: says whether the declared name is one this person may go by according to the
 * act (a spouse's surname in a marriage act, a death act's spouse, a marriage mention): a
 * woman's usage name declared instead of her birth name is then recognised as such rather
 * than called different.
 */
export function comparerNom(
  demande: string | null | undefined,
  registre: string | null | undefined,
  estNomUsage: (nomDeclare: string) => boolean = () => false,
): Jugement {
  if (estVide(demande) || estVide(registre)) return absent();
  if (demande.trim() === registre.trim()) return identique();
  // One writing for both: accents, spaces, St / Saint, Mc / Mac (ecritures-noms.ts).
  const d = compactDeNom(demande);
  const r = compactDeNom(registre);
  if (!d || !r) return different();
  if (d === r) return variante('graphie');
  // A particle written on one side only: "de La Fontaine" / "Lafontaine", "D'Almeida" / "Almeida".
  if ((sansParticule(demande) ?? d) === (sansParticule(registre) ?? r)) return variante('graphie');
  if (estNomUsage(demande)) return variante('nom_usage');
  if (estPartieDe(mots(demande), mots(registre)) || estPartieDe(mots(registre), mots(demande)))
    return variante('nom_partiel');
  if (memeSon(d, r)) return variante('phonetique');
  if (uneFauteDeFrappe(d, r)) return variante('faute_de_frappe');
  return different();
}

/** Same French phonetic key (an empty key, from a name without letters, matches nothing). */
export function memeSon(motCompactA: string, motCompactB: string): boolean {
  const a = son(motCompactA);
  return a !== '' && a === son(motCompactB);
}

/** `partie` is a shorter run of consecutive words of `tout` ("martin" in "martin dupont"). */
function estPartieDe(partie: string[], tout: string[]): boolean {
  return partie.length < tout.length && contientSuite(tout, partie);
}

function contientSuite(tout: string[], suite: string[]): boolean {
  if (suite.length === 0) return false;
  for (let i = 0; i + suite.length <= tout.length; i++) {
    if (suite.every((m, k) => tout[i + k] === m)) return true;
  }
  return false;
}

/**
 * Is `nom` written in `texte` (a mention's text)? Word for word, after normalisation:
 * "DUPONT" is in "Marié le 3 mai 2010 à Albi avec Jean Dupont".
 */
export function nomCiteDans(nom: string, texte: string): boolean {
  return contientSuite(mots(texte), mots(nom));
}

import type { Correspondance } from '../../../shared/contract/registre';
import { personnesPrincipales, type Personne, type TypeActe } from '../../../shared/domain/acte';
import { motsDeNom, motsMemo } from './mots-memo';
import type { TermeNom } from './requete';

/** A query word with the vocabulary words it may stand for (see expansion.ts). */
export interface TermeEtendu {
  terme: TermeNom;
  phonetiques: ReadonlySet<string>;
  approches: ReadonlySet<string>;
}

export interface Evaluation {
  correspondance: Correspondance;
  score: number;
}

const EXACT = 3;
const DEBUT_EXACT = 2.8;
const PHONETIQUE = 2;
const APPROCHE = 1;
/** A match on a parent's or a spouse's name counts less than on the act's own person. */
const POIDS_AUTRE_PERSONNE = 0.7;
/** All the words found in one person ("Jean Dupont" is Jean Dupont, not Jean X and Y Dupont). */
const BONUS_MEME_PERSONNE = 8;
const BONUS_PARTICULE = 1;

/**
 * How well an act matches: the weakest of its words' matches gives the kind of match (an act
 * is "exacte" only if every word matched exactly), the score orders acts of the same kind.
 * Score: 0 to about 100, higher is better.
 */
export function evaluer(acte: { type: TypeActe; personnes: Personne[] }, termes: readonly TermeEtendu[], particules: readonly string[]): Evaluation {
  if (termes.length === 0) return { correspondance: 'exacte', score: 100 };
  const principales = new Set(personnesPrincipales(acte));
  const motsPersonnes = acte.personnes.map((p) => ({
    principale: principales.has(p),
    mots: [...motsDeNom(p.nom), ...p.prenoms.flatMap((x) => motsMemo(x))],
  }));

  let pire = EXACT;
  let total = 0;
  const personnesParTerme: Set<number>[] = [];
  for (const t of termes) {
    let meilleurNiveau = 0;
    let meilleurPoids = 0;
    const ou = new Set<number>();
    motsPersonnes.forEach((p, i) => {
      let niveau = 0;
      for (const m of p.mots) niveau = Math.max(niveau, niveauMot(m, t));
      if (niveau === 0) return;
      ou.add(i);
      meilleurNiveau = Math.max(meilleurNiveau, niveau);
      meilleurPoids = Math.max(meilleurPoids, niveau * (p.principale ? 1 : POIDS_AUTRE_PERSONNE));
    });
    // A word found only through the index's extra forms (joined name...) counts as a typo.
    pire = Math.min(pire, meilleurNiveau || APPROCHE);
    total += meilleurPoids;
    personnesParTerme.push(ou);
  }

  let score = (100 * total) / (EXACT * termes.length);
  if (termes.length > 1 && motsPersonnes.some((_, i) => personnesParTerme.every((s) => s.has(i)))) score += BONUS_MEME_PERSONNE;
  if (particules.length) {
    const tousMots = new Set(motsPersonnes.flatMap((p) => p.mots));
    for (const particule of particules) if (tousMots.has(particule)) score += BONUS_PARTICULE;
  }
  return {
    correspondance: pire >= DEBUT_EXACT ? 'exacte' : pire >= PHONETIQUE ? 'phonetique' : 'approchee',
    score: Math.round(score * 100) / 100,
  };
}

function niveauMot(mot: string, t: TermeEtendu): number {
  const q = t.terme;
  if (mot === q.mot) return EXACT;
  if (q.prefixe && mot.startsWith(q.mot)) return DEBUT_EXACT;
  if (t.phonetiques.has(mot)) return PHONETIQUE;
  if (t.approches.has(mot)) return APPROCHE;
  return 0;
}

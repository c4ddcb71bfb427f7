import type { Correspondance } from '../../../shared/contract/registre';
import type { Role, TypeActe } from '../../../shared/domain/acte';
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

/** What the scoring reads of a person. */
export interface NomsPersonne {
  role: Role;
  nom: string;
  prenoms: string[];
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
/** "Martin" as a surname before "Martin" as a given name: people search by surname first. */
const POIDS_PRENOM = 0.95;
const PRINCIPAUX: Record<TypeActe, readonly Role[]> = {
  naissance: ['titulaire'],
  mariage: ['epoux1', 'epoux2'],
  deces: ['titulaire'],
};

/**
 * How well an act matches: the weakest of its words' matches gives the kind of match (an act
 * is "exacte" only if every word matched exactly), the score orders acts of the same kind.
 * Score: 0 to about 100, higher is better. Runs on every candidate of every search: loops,
 * memoised word lists, no intermediate arrays.
 */
export function evaluer(
  type: TypeActe,
  personnes: readonly NomsPersonne[],
  termes: readonly TermeEtendu[],
  particules: readonly string[],
): Evaluation {
  if (termes.length === 0) return { correspondance: 'exacte', score: 100 };
  const principaux = PRINCIPAUX[type];
  let pire = EXACT;
  let total = 0;
  // Bit i set: every word so far was found in person i (for the "same person" bonus).
  let memePersonne = (1 << personnes.length) - 1;
  for (const t of termes) {
    let meilleurNiveau = 0;
    let meilleurPoids = 0;
    let ou = 0;
    for (let i = 0; i < personnes.length; i++) {
      const p = personnes[i];
      const surNom = niveauDansMots(motsDeNom(p.nom), t);
      const surPrenoms = surNom === EXACT ? 0 : niveauPrenoms(p, t);
      const niveau = Math.max(surNom, surPrenoms);
      if (niveau === 0) continue;
      ou |= 1 << i;
      if (niveau > meilleurNiveau) meilleurNiveau = niveau;
      const poids =
        Math.max(surNom, surPrenoms * POIDS_PRENOM) * (principaux.includes(p.role) ? 1 : POIDS_AUTRE_PERSONNE);
      if (poids > meilleurPoids) meilleurPoids = poids;
    }
    // A word found only through the index's extra forms counts as approximate.
    pire = Math.min(pire, meilleurNiveau || APPROCHE);
    total += meilleurPoids;
    memePersonne &= ou;
  }
  let score = (100 * total) / (EXACT * termes.length);
  if (termes.length > 1 && memePersonne !== 0) score += BONUS_MEME_PERSONNE;
  for (const particule of particules)
    if (personnes.some((p) => motsDeNom(p.nom).includes(particule))) score += BONUS_PARTICULE;
  return {
    correspondance: pire >= DEBUT_EXACT ? 'exacte' : pire >= PHONETIQUE ? 'phonetique' : 'approchee',
    score: Math.round(score * 100) / 100,
  };
}

function niveauDansMots(mots: readonly string[], t: TermeEtendu): number {
  let niveau = 0;
  for (const m of mots) niveau = Math.max(niveau, niveauMot(m, t));
  return niveau;
}

function niveauPrenoms(p: NomsPersonne, t: TermeEtendu): number {
  let niveau = 0;
  for (const prenom of p.prenoms) niveau = Math.max(niveau, niveauDansMots(motsMemo(prenom), t));
  return niveau;
}

function niveauMot(mot: string, t: TermeEtendu): number {
  const q = t.terme;
  if (mot === q.mot) return EXACT;
  if (q.prefixe && mot.startsWith(q.mot)) return DEBUT_EXACT;
  if (t.phonetiques.has(mot)) return PHONETIQUE;
  if (t.approches.has(mot)) return APPROCHE;
  return 0;
}

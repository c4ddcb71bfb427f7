import type { Correspondance } from '../../../shared/contract/registre';
import type { Role, TypeActe } from '../../../shared/domain/acte';
import { motsDeNom, motsMemo } from './mots-memo';
import type { TermeNom } from './requete';

/** A query word with the vocabulary words it may stand for (see expansion.ts). */
export interface TermeEtendu {
  terme: TermeNom;
  /** Other writings of the word itself ("saint" for "st", "macdonald" for "mcdonald"): exact. */
  ecritures: ReadonlySet<string>;
  phonetiques: ReadonlySet<string>;
  approches: ReadonlySet<string>;
}

export interface Evaluation {
  correspondance: Correspondance;
  score: number;
  /**
   * The act's rank class, smaller first (see `rangDe`): every word on one person or not,
   * on a principal person or a parent, exact, phonetic or approximate.
   */
  rang: number;
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
const ORDRE: Record<Correspondance, number> = { exacte: 0, phonetique: 1, approchee: 2 };

/**
 * The ranking of acts, as an officer ranks them (README, "Rechercher dans le registre"):
 * 1. every query word on ONE person, before words spread over several persons;
 * 2. that person a principal one (the child, a spouse, the deceased) before a parent;
 * 3. exact before phonetic before approximate (the weakest word of that person decides):
 *    so a whole-query phonetic match on the child ranks above an exact match spread over
 *    the child and a parent;
 * then the score, then the most recent event, then the most recent entry (moteur.ts).
 */
export function rangDe(memePersonne: boolean, principal: boolean, c: Correspondance): number {
  return (memePersonne ? 0 : 6) + (principal ? 0 : 3) + ORDRE[c];
}

function correspondanceDe(niveau: number): Correspondance {
  return niveau >= DEBUT_EXACT ? 'exacte' : niveau >= PHONETIQUE ? 'phonetique' : 'approchee';
}

/**
 * How well an act matches. For each person, each word's best match on that person's names;
 * a person "holds the query" when every word matched on it. The best such person (principal
 * first, then its weakest word) gives the kind of match and the rank; with no such person,
 * the weakest of the words' best matches over the whole act does, and the act ranks after.
 * Score: 0 to about 100, higher is better, orders acts of the same rank. Runs on every
 * candidate of every search: loops, memoised word lists, no intermediate arrays.
 */
export function evaluer(
  type: TypeActe,
  personnes: readonly NomsPersonne[],
  termes: readonly TermeEtendu[],
  particules: readonly string[],
): Evaluation {
  if (termes.length === 0) return { correspondance: 'exacte', score: 100, rang: 0 };
  const principaux = PRINCIPAUX[type];
  // Per person: its weakest word (0 when a word is missing on it).
  const pireParPersonne = new Array<number>(personnes.length).fill(EXACT);
  let pire = EXACT;
  let total = 0;
  for (const t of termes) {
    let meilleurNiveau = 0;
    let meilleurPoids = 0;
    for (let i = 0; i < personnes.length; i++) {
      const p = personnes[i];
      const surNom = niveauDansMots(motsDeNom(p.nom), t);
      const surPrenoms = surNom === EXACT ? 0 : niveauPrenoms(p, t);
      const niveau = Math.max(surNom, surPrenoms);
      if (niveau < pireParPersonne[i]) pireParPersonne[i] = niveau;
      if (niveau === 0) continue;
      if (niveau > meilleurNiveau) meilleurNiveau = niveau;
      const poids =
        Math.max(surNom, surPrenoms * POIDS_PRENOM) * (principaux.includes(p.role) ? 1 : POIDS_AUTRE_PERSONNE);
      if (poids > meilleurPoids) meilleurPoids = poids;
    }
    // A word found only through the index's extra forms counts as approximate.
    pire = Math.min(pire, meilleurNiveau || APPROCHE);
    total += meilleurPoids;
  }
  // The person holding the whole query best: a principal one first, then the strongest.
  let porteur = -1;
  for (let i = 0; i < personnes.length; i++) {
    if (pireParPersonne[i] === 0) continue;
    if (porteur < 0) {
      porteur = i;
      continue;
    }
    const principal = principaux.includes(personnes[i].role);
    const principalPorteur = principaux.includes(personnes[porteur].role);
    if (
      (principal && !principalPorteur) ||
      (principal === principalPorteur && pireParPersonne[i] > pireParPersonne[porteur])
    )
      porteur = i;
  }
  let score = (100 * total) / (EXACT * termes.length);
  if (termes.length > 1 && porteur >= 0) score += BONUS_MEME_PERSONNE;
  for (const particule of particules)
    if (personnes.some((p) => motsDeNom(p.nom).includes(particule))) score += BONUS_PARTICULE;
  const correspondance = correspondanceDe(porteur >= 0 ? pireParPersonne[porteur] : pire);
  const principal = porteur >= 0 && principaux.includes(personnes[porteur].role);
  return {
    correspondance,
    score: Math.round(score * 100) / 100,
    rang: rangDe(porteur >= 0, principal, correspondance),
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
  if (mot === q.mot || t.ecritures.has(mot)) return EXACT;
  if (q.prefixe && mot.startsWith(q.mot)) return DEBUT_EXACT;
  if (t.phonetiques.has(mot)) return PHONETIQUE;
  if (t.approches.has(mot)) return APPROCHE;
  return 0;
}

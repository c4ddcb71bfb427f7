import { lecturesDeLActe } from './comparer-acte';
import type { ActeCompare, DonneesDemande } from './demande';
import { expliquerAucun, expliquerAVerifier, expliquerSur } from './explication';
import { estConcordant, estIdentique, estPlausible, estRival, jumeauAutresPrenoms, score } from './score';
import type { IndexCommunes } from '../lieux';
import type { Candidat, ResultatRapprochement } from './types';

/**
 * Matching a COMEDEC request with the register, pure: given the request's declared data and
 * the acts retrieved for it (electron/demandes/rapprochement does the retrieval), says which
 * acts are candidates, how each field compares, and the outcome:
 * - `sur`: exactly one candidate, and every field identical or a harmless variant;
 * - `a_verifier`: one or more candidates, differing fields listed;
 * - `aucun`: no candidate (the act is not held, or not indexed yet).
 */
export interface NonIndexes {
  annee: number | null;
  nombre: number;
}

export interface ContexteRapprochement {
  /**
   * Acts of the request's type and year not keyed in yet (null: unknown), for the wording of
   * an "aucun" outcome; a function is only called then (it usually costs a query).
   */
  nonIndexes?: NonIndexes | null | (() => NonIndexes | null);
  /** How many candidates to keep in the result (the best ones). */
  maxCandidats?: number;
  /**
   * The communes table places are read with (electron/registre builds it from the INSEE's
   * list): with it, a former commune matches its commune nouvelle and a postal code its commune.
   */
  communes?: IndexCommunes;
}

const MAX_CANDIDATS = 10;

/** The best reading of one act (two for a marriage), or null when it is no candidate. */
export function evaluerActe(d: DonneesDemande, acte: ActeCompare, communes?: IndexCommunes): Candidat | null {
  let retenu: Candidat | null = null;
  for (const comparaisons of lecturesDeLActe(d, acte, communes)) {
    const valeur = score(comparaisons);
    if (!estPlausible(comparaisons, valeur)) continue;
    if (retenu && retenu.score >= valeur) continue;
    retenu = {
      acteId: acte.id,
      type: acte.type,
      annee: acte.annee,
      numero: acte.numero,
      score: valeur,
      concordant: estConcordant(acte.type, comparaisons),
      comparaisons,
    };
  }
  return retenu;
}

export function rapprocher(
  d: DonneesDemande,
  actes: Iterable<ActeCompare>,
  contexte: ContexteRapprochement = {},
): ResultatRapprochement {
  const candidats: Candidat[] = [];
  const vus = new Set<number>();
  for (const acte of actes) {
    if (vus.has(acte.id)) continue;
    vus.add(acte.id);
    const c = evaluerActe(d, acte, contexte.communes);
    if (c) candidats.push(c);
  }
  candidats.sort((a, b) => Number(b.concordant) - Number(a.concordant) || b.score - a.score || a.acteId - b.acteId);
  const max = contexte.maxCandidats ?? MAX_CANDIDATS;

  if (candidats.length === 0) {
    const nonIndexes =
      typeof contexte.nonIndexes === 'function' ? contexte.nonIndexes() : (contexte.nonIndexes ?? null);
    return { issue: 'aucun', explication: expliquerAucun(d.typeActe, nonIndexes), candidats: [] };
  }
  const concordants = candidats.filter((c) => c.concordant);
  if (concordants.length === 1) {
    // Next to an act that agrees with everything declared, the other acts only count if one
    // slip in the request could make them the act asked for (twins, duplicates): a sibling
    // born another day is not a candidate any more.
    const [retenu] = concordants;
    const rivaux = candidats.filter((c) => c !== retenu && estRival(c.type, c.comparaisons));
    // A twin (or namesake of the same day) whose given names share nothing with the request's
    // does not stop "sûr" when the act agrees with every key field to the letter: the request
    // names one of them. Twins with the same given names still do.
    const ecartes = estIdentique(retenu.comparaisons) ? rivaux.filter((c) => jumeauAutresPrenoms(c.comparaisons)) : [];
    if (rivaux.length === ecartes.length)
      return { issue: 'sur', explication: expliquerSur(retenu, ecartes), candidats: [retenu] };
    const gardes = [retenu, ...rivaux].slice(0, max);
    return { issue: 'a_verifier', explication: expliquerAVerifier(d.typeActe, gardes), candidats: gardes };
  }
  const gardes = candidats.slice(0, max);
  return { issue: 'a_verifier', explication: expliquerAVerifier(d.typeActe, gardes), candidats: gardes };
}

export * from './types';
export type { ActeCompare, DonneesDemande, ParentDemande, PersonneDemandee } from './demande';
export { comparerNom } from './nom';
export { comparerPrenoms, unitesPrenoms } from './prenoms';
export { comparerDate, dateInversee, datesVoisines } from './date';
export { comparerLieu } from './lieu';
export { comparerSexe } from './sexe';
export { score, estConcordant, estPlausible, estRival, SCORE_MIN_CANDIDAT } from './score';
export { libelleIssue, libelleNature, libelleVerdict } from './libelles';

import type { Acte, Role, TypeActe } from '../../../shared/domain/acte';
import { jetonAnnee, jetonsDate } from './jetons-date';
import { jetonType } from './jeton-type';
import { jetonsLieu } from './jetons-lieu';
import { motsDeNom, motsMemo } from './mots-memo';

/**
 * What the search index holds for one act: the normalised words of every person's names
 * (the main persons and the parents, spouse...), its type (`tnaissance`...), and date tokens
 * for the register's year, the event's date and the main persons' birth dates. An act not keyed in yet (indexe=false)
 * usually has none of these: it is then findable by its register year (and by type and
 * number, which are columns), like in the register's paper table. Places (the event's, the
 * main persons' birth places) are tokens too, written by the place normaliser (jetons-lieu.ts).
 *
 * `mots` are the name words (for the vocabulary: phonetic, typo and prefix expansion).
 * Written for speed (runs once per imported act): small arrays, no Set, memoised pieces.
 */
export interface TermesActe {
  texte: string;
  mots: string[];
}

const PRINCIPAUX: Record<TypeActe, readonly Role[]> = {
  naissance: ['titulaire'],
  mariage: ['epoux1', 'epoux2'],
  deces: ['titulaire'],
};

export function termesActe(
  acte: Pick<Acte, 'type' | 'annee' | 'dateEvenement' | 'personnes'> & Partial<Pick<Acte, 'lieuEvenement'>>,
): TermesActe {
  const mots: string[] = [];
  const jetons: string[] = [jetonType(acte.type), jetonAnnee(acte.annee)];
  const principaux = PRINCIPAUX[acte.type];
  for (const p of acte.personnes) {
    ajouter(mots, motsDeNom(p.nom));
    for (const prenom of p.prenoms) ajouter(mots, motsMemo(prenom));
    if (p.dateNaissance && principaux.includes(p.role)) ajouter(jetons, jetonsDate(p.dateNaissance));
    if (p.lieuNaissance && principaux.includes(p.role)) ajouter(jetons, jetonsLieu(p.lieuNaissance));
  }
  if (acte.dateEvenement) ajouter(jetons, jetonsDate(acte.dateEvenement));
  if (acte.lieuEvenement) ajouter(jetons, jetonsLieu(acte.lieuEvenement));
  return { texte: mots.length ? `${mots.join(' ')} ${jetons.join(' ')}` : jetons.join(' '), mots };
}

function ajouter(liste: string[], nouveaux: readonly string[]): void {
  for (const m of nouveaux) if (!liste.includes(m)) liste.push(m);
}

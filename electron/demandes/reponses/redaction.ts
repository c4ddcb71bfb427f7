import { ActeSchema, type Acte, type TypeActe } from '../../../shared/domain/acte';
import {
  rapprocher,
  type ActeCompare,
  type Candidat,
  type ComparaisonChamp,
  type ResultatRapprochement,
} from '../../../shared/domain/correspondance';
import { composerExtrait, deCommune, texteDocument, type ContexteExtrait } from '../../../shared/domain/extraits';
import { libelleTypeActe } from '../../../shared/labels.fr';
import { erreurs } from '../../../shared/errors';
import type { SorteExtrait } from '../../../shared/contract/registre';
import {
  construireReponse,
  contenuSelonForme,
  formeAttendue,
  type ActeReponse,
  type CommunePlateforme,
  type Demande,
  type FormeReponse,
  type MotifNegatif,
  type Resultat,
} from '../../comedec';
import { indexCommunes } from '../../registre';

/**
 * The drafting rules of an answer, pure (no database, no clock, no card): given the request as
 * received, the register's act and what matching found, they produce EXACTLY what will be sent
 * (the XML, built once here) and what the officer reads before signing (the same content in
 * French, and the differences from the declaration). A positive answer is made from the act
 * only: the declaration is never copied into it.
 */

export interface CommunReponse {
  demande: Demande;
  commune: CommunePlateforme;
  /** The answer's XML Id (an NCName: `REP-…`). */
  id: string;
  /** ISO instant. */
  emiseLe: string;
  extrait: ContexteExtrait;
}

export interface Redaction {
  sens: 'positive' | 'negative';
  forme: FormeReponse | null;
  /** The act's data as the answer carries it (positive only). */
  acte: ActeReponse | null;
  motif: MotifNegatif | null;
  commentaire: string | null;
  /** The unsigned XML, as the signing batch will sign it. */
  xml: string;
  /** What the officer reads: the answer in French. */
  texte: string;
  /** Field by field, the declaration against the act (positive only), as matching computed it. */
  differences: ComparaisonChamp[];
  /** The chosen act was not among matching's candidates: its differences were computed for it. */
  horsCandidats: boolean;
}

export const LIBELLES_MOTIF_NEGATIF: Record<MotifNegatif, string> = {
  acte_non_detenu: 'acte non détenu par la commune',
  donnees_insuffisantes: 'données insuffisantes pour identifier l’acte',
};

/** The extract's kind that renders a form (a death act has no extract: rendered as its full wording). */
export function sortePourForme(forme: FormeReponse, type: TypeActe): SorteExtrait {
  return forme === 'copie_integrale' || type === 'deces' ? 'copie-integrale' : 'avec-filiation';
}

const ENTETE_SPECIMEN = 'DEMANDE SPÉCIMEN (essai de raccordement) : cette réponse n’est jamais comptée.';

/** "acte de naissance n° 42 de 1987 (Éloïse Marthe QUÉRÉ-VASSEUR)", from the register's side of the comparison. */
export function designationCandidat(c: Pick<Candidat, 'type' | 'annee' | 'numero' | 'comparaisons'>): string {
  const valeur = (champ: string) => c.comparaisons.find((x) => x.champ === champ)?.registre ?? null;
  // Given names as civil-status prose writes them: no commas (the comparison's display lists them with commas).
  const noms = [valeur('prenoms')?.replace(/,\s*/g, ' '), valeur('nom')?.toLocaleUpperCase('fr-FR')]
    .filter((x): x is string => !!x)
    .join(' ');
  const base = `acte de ${libelleTypeActe[c.type].toLocaleLowerCase('fr-FR')} n° ${c.numero} de ${c.annee}`;
  const texte = noms ? `${base} (${noms})` : base;
  return texte.length > 200 ? `${texte.slice(0, 199)}…` : texte;
}

/**
 * A positive answer from the register's act. Its form follows the requester (formeAttendue);
 * its content is the act's (contenuSelonForme: the current persons and mentions), never the
 * declaration's. The differences are matching's comparison for this act when it was a
 * candidate, else the same comparison made now for the act chosen by hand.
 */
export function redigerPositive(c: CommunReponse & { acte: Acte; resultat: ResultatRapprochement }): Redaction {
  const { demande, acte } = c;
  if (acte.id === undefined) throw erreurs.interne('acte sans identifiant');
  if (!acte.indexe)
    throw erreurs.conflit(
      'Cet acte n’est connu que par son type, son année et son numéro : indexez-le avant de répondre positivement avec ses données.',
    );
  if (acte.type !== demande.typeActe)
    throw erreurs.saisieInvalide(
      'acteId',
      `la demande porte sur un acte de ${libelleTypeActe[demande.typeActe].toLocaleLowerCase('fr-FR')}, pas sur cet acte de ${libelleTypeActe[acte.type].toLocaleLowerCase('fr-FR')}`,
    );
  const forme = formeAttendue(demande.demandeur.type);
  const contenu = contenuSelonForme(acte, forme);
  const xml = construireReponse({
    version: demande.version,
    id: c.id,
    demandeId: demande.id,
    commune: c.commune,
    emiseLe: c.emiseLe,
    resultat: { nature: 'positive', forme, acte: contenu },
  });
  const { differences, horsCandidats } = differencesPour(demande, { ...acte, id: acte.id }, c.resultat);
  return {
    sens: 'positive',
    forme,
    acte: contenu,
    motif: null,
    commentaire: null,
    xml,
    texte: texteDeReponse({ nature: 'positive', forme, acte: contenu }, demande, c.extrait),
    differences,
    horsCandidats,
  };
}

/**
 * The declaration against the act, field by field: matching's comparison when the act was
 * one of its candidates, else the same pure comparison made now for this act.
 */
export function differencesPour(
  demande: Demande,
  acte: ActeCompare,
  resultat: ResultatRapprochement | null,
): { differences: ComparaisonChamp[]; horsCandidats: boolean } {
  const candidat = resultat?.candidats.find((x) => x.acteId === acte.id);
  if (candidat) return { differences: candidat.comparaisons, horsCandidats: false };
  const calcule = rapprocher(demande, [acte], { maxCandidats: 1, communes: indexCommunes() }).candidats[0];
  return { differences: calcule?.comparaisons ?? [], horsCandidats: true };
}

/**
 * What the officer reads, composed from the answer's content as the XML carries it (so the
 * text never shows more, or other, than what is sent): the extract or the full copy for a
 * positive answer, the reason and comment for a negative one; a specimen says so first.
 */
export function texteDeReponse(resultat: Resultat, demande: Demande, extrait: ContexteExtrait): string {
  let texte: string;
  if (resultat.nature === 'positive') {
    const rendu = ActeSchema.parse({ ...resultat.acte, indexe: true });
    texte = texteDocument(composerExtrait(rendu, sortePourForme(resultat.forme, rendu.type), extrait));
  } else {
    const lignes = [
      'RÉPONSE NÉGATIVE',
      `Demande ${demande.id} — ${demande.demandeur.libelle}`,
      `Motif : ${LIBELLES_MOTIF_NEGATIF[resultat.motif]}.`,
      ...(resultat.commentaire ? [`Commentaire : ${resultat.commentaire}`] : []),
      `Mairie ${deCommune(extrait.commune.nom)}, le ${extrait.dateDelivrance.split('-').reverse().join('/')}.`,
    ];
    texte = lignes.join('\n') + '\n';
  }
  return demande.specimen ? `${ENTETE_SPECIMEN}\n\n${texte}` : texte;
}

/** A negative answer: a reason code and an optional comment, nothing from the register. */
export function redigerNegative(c: CommunReponse & { motif: MotifNegatif; commentaire: string | null }): Redaction {
  const commentaire = c.commentaire?.trim() ? c.commentaire.trim() : null;
  const xml = construireReponse({
    version: c.demande.version,
    id: c.id,
    demandeId: c.demande.id,
    commune: c.commune,
    emiseLe: c.emiseLe,
    resultat: { nature: 'negative', motif: c.motif, commentaire },
  });
  return {
    sens: 'negative',
    forme: null,
    acte: null,
    motif: c.motif,
    commentaire,
    xml,
    texte: texteDeReponse({ nature: 'negative', motif: c.motif, commentaire }, c.demande, c.extrait),
    differences: [],
    horsCandidats: false,
  };
}

export interface ActeNonIndexe {
  acteId: number;
  type: TypeActe;
  annee: number;
  numero: number;
}

export interface CandidatAConfirmer {
  acteId: number;
  type: TypeActe;
  annee: number;
  numero: number;
  score: number;
  designation: string;
}

/**
 * The guard of a negative answer (the State does not fund, and the citizen suffers, a negative
 * answer for an act the commune holds):
 * 1. acts of the request's type and year known only by their number may be the one asked for:
 *    blocked, "indexez l'acte" (no confirmation lifts it; the screens link to those acts);
 * 2. matching found candidates ("sûr" or "à vérifier"): the officer must name every one of them
 *    (`confirmes`: their act ids) to say none is the act asked for.
 * Returns the candidates confirmed (to record with who confirmed them).
 */
export function garderNegative(p: {
  demandeId: number;
  resultat: ResultatRapprochement;
  nonIndexes: { libelle: string; actes: ActeNonIndexe[] };
  confirmes: readonly number[] | null;
}): CandidatAConfirmer[] {
  if (p.nonIndexes.actes.length > 0)
    throw erreurs.acteAIndexer(
      p.demandeId,
      p.nonIndexes.libelle,
      p.nonIndexes.actes.map((a) => ({ ...a })),
    );
  if (p.resultat.issue === 'aucun' || p.resultat.candidats.length === 0) return [];
  const aConfirmer: CandidatAConfirmer[] = p.resultat.candidats.map((c) => ({
    acteId: c.acteId,
    type: c.type,
    annee: c.annee,
    numero: c.numero,
    score: c.score,
    designation: designationCandidat(c),
  }));
  const nommes = new Set(p.confirmes ?? []);
  if (aConfirmer.some((c) => !nommes.has(c.acteId)))
    throw erreurs.confirmationRequise(
      p.demandeId,
      aConfirmer.map((c) => c.designation),
      aConfirmer.map((c) => ({ ...c, issue: p.resultat.issue })),
    );
  return aConfirmer;
}

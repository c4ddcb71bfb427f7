import { personne as personneDe, type Acte, type Lieu, type Personne, type Role } from '../acte';
import { comparerDate } from './date';
import type { ActeCompare, DonneesDemande, ParentDemande, PersonneDemandee } from './demande';
import { variante, type Jugement } from './jugement';
import { afficherDate, afficherLieu, afficherPrenoms, afficherSexe, afficherTexte } from './libelles';
import type { IndexCommunes } from '../lieux';
import { comparerLieu } from './lieu';
import { comparerNom, nomCiteDans } from './nom';
import { comparerPrenoms } from './prenoms';
import { Releve } from './releve';
import { comparerSexe } from './sexe';
import type { ComparaisonChamp } from './types';

/**
 * Field-by-field comparison of a request with one act, for each kind of act. The fields are
 * the ones a request declares (the person, the parents, the spouse, the event); the act's
 * person they are compared with depends on the kind of act, and for a marriage on which
 * spouse the request is about (both readings are tried, the better kept: see index.ts).
 */

/** Marriage mentions in the margin name the spouse: a usage name may be read there. */
function citeDansMentionsDeMariage(acte: Pick<Acte, 'mentions'>): (nom: string) => boolean {
  return (nom) => acte.mentions.some((m) => m.type === 'mariage' && nomCiteDans(nom, m.texte));
}

function nomDeLaPersonne(
  p: PersonneDemandee,
  registre: Personne | undefined,
  estNomUsage: (n: string) => boolean,
): Jugement {
  const j = comparerNom(p.nom, registre?.nom, estNomUsage);
  // A birth name put in the usage-name box (and the usage name in the name box).
  if (j.verdict === 'different' && p.nomUsage) {
    const parUsage = comparerNom(p.nomUsage, registre?.nom);
    if (parUsage.verdict === 'identique' || parUsage.verdict === 'variante') return variante('nom_usage');
  }
  return j;
}

/**
 * Name and given names; false when they show another person (the act is then no candidate).
 * Given names first: when they differ, a usage name is not looked for in the mentions (reading
 * every mention of the tens of acts of the same day was most of the cost), because a usage
 * name AND other given names would not be the person anyway.
 */
function noterIdentite(
  r: Releve,
  p: PersonneDemandee,
  registre: Personne | undefined,
  estNomUsage: (n: string) => boolean,
): boolean {
  const prenoms = comparerPrenoms(p.prenoms, registre?.prenoms);
  const nom = nomDeLaPersonne(p, registre, prenoms.verdict === 'different' ? () => false : estNomUsage);
  r.noter('nom', afficherTexte(p.nom), afficherTexte(registre?.nom), nom);
  r.noter('prenoms', afficherPrenoms(p.prenoms), afficherPrenoms(registre?.prenoms), prenoms);
  return !r.autrePersonne();
}

function noterNaissanceEtSexe(
  r: Releve,
  p: PersonneDemandee,
  registre: Personne | undefined,
  naissance: { date: string | null; lieu: Lieu | null },
  naissanceRegistre: { date: string | null; lieu: Lieu | null },
): void {
  r.noter('sexe', afficherSexe(p.sexe), afficherSexe(registre?.sexe), comparerSexe(p.sexe, registre?.sexe));
  r.noter(
    'dateNaissance',
    afficherDate(naissance.date),
    afficherDate(naissanceRegistre.date),
    comparerDate(naissance.date, naissanceRegistre.date),
  );
  r.noter(
    'lieuNaissance',
    afficherLieu(naissance.lieu),
    afficherLieu(naissanceRegistre.lieu),
    comparerLieu(naissance.lieu, naissanceRegistre.lieu, r.communes),
  );
}

function noterParent(
  r: Releve,
  qui: 'pere' | 'mere' | 'conjoint',
  declare: ParentDemande | null,
  registre: Personne | undefined,
  estNomUsage: (n: string) => boolean = () => false,
): void {
  r.noter(
    `${qui}.nom`,
    afficherTexte(declare?.nom),
    afficherTexte(registre?.nom),
    comparerNom(declare?.nom, registre?.nom, estNomUsage),
  );
  r.noter(
    `${qui}.prenoms`,
    afficherPrenoms(declare?.prenoms),
    afficherPrenoms(registre?.prenoms),
    comparerPrenoms(declare?.prenoms, registre?.prenoms),
  );
}

function noterEvenement(r: Releve, d: DonneesDemande, acte: ActeCompare): void {
  const date = d.evenement?.date ?? null;
  const lieu = d.evenement?.lieu ?? null;
  r.noter(
    'dateEvenement',
    afficherDate(date),
    afficherDate(acte.dateEvenement),
    comparerDate(date, acte.dateEvenement),
  );
  r.noter(
    'lieuEvenement',
    afficherLieu(lieu),
    afficherLieu(acte.lieuEvenement),
    comparerLieu(lieu, acte.lieuEvenement, r.communes),
  );
}

/** The declared name is this person's name, give or take spelling (a spouse's, a father's). */
function estLeNomDe(p: Personne | undefined): (n: string) => boolean {
  return (n) => {
    if (!p) return false;
    const v = comparerNom(n, p.nom).verdict;
    return v === 'identique' || v === 'variante';
  };
}

/** A mother declared under her married name (the father's surname) is not a different mother. */
function nomDuPere(acte: Pick<Acte, 'personnes'>, role: Role): (n: string) => boolean {
  return estLeNomDe(personneDe(acte, role));
}

function comparerNaissance(d: DonneesDemande, acte: ActeCompare, communes?: IndexCommunes): ComparaisonChamp[] | null {
  const r = new Releve('naissance', communes);
  const t = personneDe(acte, 'titulaire');
  if (!noterIdentite(r, d.personne, t, citeDansMentionsDeMariage(acte))) return null;
  const naissance = {
    date: d.personne.dateNaissance ?? d.evenement?.date ?? null,
    lieu: d.personne.lieuNaissance ?? d.evenement?.lieu ?? null,
  };
  const registre = {
    date: acte.dateEvenement ?? t?.dateNaissance ?? null,
    lieu: acte.lieuEvenement ?? t?.lieuNaissance ?? null,
  };
  noterNaissanceEtSexe(r, d.personne, t, naissance, registre);
  noterParent(r, 'pere', d.pere, personneDe(acte, 'pere'));
  noterParent(r, 'mere', d.mere, personneDe(acte, 'mere'), nomDuPere(acte, 'pere'));
  return r.comparaisons;
}

function comparerDeces(d: DonneesDemande, acte: ActeCompare, communes?: IndexCommunes): ComparaisonChamp[] | null {
  const r = new Releve('deces', communes);
  const t = personneDe(acte, 'titulaire');
  const conjoint = personneDe(acte, 'conjoint');
  const mentions = citeDansMentionsDeMariage(acte);
  const nomDuConjoint = estLeNomDe(conjoint);
  const estNomUsage = (n: string) => mentions(n) || nomDuConjoint(n);
  if (!noterIdentite(r, d.personne, t, estNomUsage)) return null;
  noterNaissanceEtSexe(
    r,
    d.personne,
    t,
    { date: d.personne.dateNaissance, lieu: d.personne.lieuNaissance },
    { date: t?.dateNaissance ?? null, lieu: t?.lieuNaissance ?? null },
  );
  noterEvenement(r, d, acte);
  noterParent(r, 'pere', d.pere, personneDe(acte, 'pere'));
  noterParent(r, 'mere', d.mere, personneDe(acte, 'mere'), nomDuPere(acte, 'pere'));
  noterParent(r, 'conjoint', d.conjoint, conjoint);
  return r.comparaisons;
}

/** One reading of a marriage act: the request's person is `epoux`, the declared spouse `autre`. */
export function comparerMariage(
  d: DonneesDemande,
  acte: ActeCompare,
  epoux: 'epoux1' | 'epoux2',
  communes?: IndexCommunes,
): ComparaisonChamp[] | null {
  const autre = epoux === 'epoux1' ? 'epoux2' : 'epoux1';
  const r = new Releve('mariage', communes);
  const x = personneDe(acte, epoux);
  const y = personneDe(acte, autre);
  if (!noterIdentite(r, d.personne, x, estLeNomDe(y))) return null;
  noterNaissanceEtSexe(
    r,
    d.personne,
    x,
    { date: d.personne.dateNaissance, lieu: d.personne.lieuNaissance },
    { date: x?.dateNaissance ?? null, lieu: x?.lieuNaissance ?? null },
  );
  noterEvenement(r, d, acte);
  noterParent(r, 'pere', d.pere, personneDe(acte, `pere_${epoux}`));
  noterParent(r, 'mere', d.mere, personneDe(acte, `mere_${epoux}`), nomDuPere(acte, `pere_${epoux}`));
  noterParent(r, 'conjoint', d.conjoint, y);
  return r.comparaisons;
}

/**
 * Every reading of the act worth scoring: one for a birth or a death, two for a marriage.
 * An act of another kind than the request's is never a candidate. `communes`: the communes
 * table places are read with (see shared/domain/lieux).
 */
export function lecturesDeLActe(d: DonneesDemande, acte: ActeCompare, communes?: IndexCommunes): ComparaisonChamp[][] {
  if (acte.type !== d.typeActe) return [];
  const lectures =
    acte.type === 'naissance'
      ? [comparerNaissance(d, acte, communes)]
      : acte.type === 'deces'
        ? [comparerDeces(d, acte, communes)]
        : [comparerMariage(d, acte, 'epoux1', communes), comparerMariage(d, acte, 'epoux2', communes)];
  return lectures.filter((l) => l !== null);
}

import type { Element } from '@xmldom/xmldom';
import type { Lieu, Mention, Personne } from '../../../shared/domain/acte';
import type { Ecrivain } from './ecrivain';
import type { Lecteur } from './lecteur';
import type { CommunePlateforme, EvenementDeclare, ParentDeclare, PersonneDeclaree } from '../../../shared/comedec';

/**
 * Pieces shared by several documents: places, declared persons, the act of a positive answer.
 * Writers take typed (already validated) values; readers return raw values that the document's
 * zod schema then checks, so each rule about a value lives in one place (shared/comedec/schemas.ts).
 */

// --- Places --------------------------------------------------------------------------------

export function ecrireLieu(e: Ecrivain, parent: Element, nom: string, lieu: Lieu | null): void {
  if (!lieu) return;
  e.element(parent, nom, null, {
    commune: lieu.commune,
    codeInsee: lieu.codeInsee,
    departement: lieu.departement,
    pays: lieu.pays,
  });
}

export function lireLieu(l: Lecteur | null): unknown {
  if (!l) return null;
  const lieu = {
    commune: l.attributRequis('commune'),
    codeInsee: l.attribut('codeInsee'),
    departement: l.attribut('departement'),
    pays: l.attribut('pays'),
  };
  l.terminer();
  return lieu;
}

export function ecrireCommune(
  e: Ecrivain,
  parent: Element,
  nom: string,
  c: Partial<CommunePlateforme> & { codeInsee: string },
): void {
  e.element(parent, nom, null, { codeInsee: c.codeInsee, libelle: c.libelle });
}

export function lireCommune(l: Lecteur): { codeInsee: string; libelle: string } {
  const c = { codeInsee: l.attributRequis('codeInsee'), libelle: l.attributRequis('libelle') };
  l.terminer();
  return c;
}

// --- Numbers, booleans ---------------------------------------------------------------------

/** An integer attribute: the number, or the raw text so that the schema reports it. */
export function entier(valeur: string | null): number | string | null {
  if (valeur === null) return null;
  return /^-?\d{1,9}$/.test(valeur) ? Number(valeur) : valeur;
}

export function booleen(l: Lecteur, nom: string): boolean | string {
  const v = l.attribut(nom);
  if (v === null || v === 'false') return false;
  if (v === 'true') return true;
  return v;
}

// --- Declared persons ----------------------------------------------------------------------

export function ecrirePersonneDeclaree(e: Ecrivain, parent: Element, p: PersonneDeclaree): void {
  const el = e.element(parent, 'personne', null, { sexe: p.sexe });
  e.element(el, 'nom', p.nom);
  e.elementSi(el, 'nomUsage', p.nomUsage);
  for (const pr of p.prenoms) e.element(el, 'prenom', pr);
  e.elementSi(el, 'dateNaissance', p.dateNaissance);
  ecrireLieu(e, el, 'lieuNaissance', p.lieuNaissance);
}

export function lirePersonneDeclaree(l: Lecteur): unknown {
  const p = {
    sexe: l.attribut('sexe'),
    nom: l.texteEnfantRequis('nom'),
    nomUsage: l.texteEnfant('nomUsage'),
    prenoms: l.enfants('prenom').map((x) => x.texte()),
    dateNaissance: l.texteEnfant('dateNaissance'),
    lieuNaissance: lireLieu(l.enfant('lieuNaissance')),
  };
  l.terminer();
  return p;
}

export function ecrireParent(e: Ecrivain, parent: Element, nom: string, p: ParentDeclare | null): void {
  if (!p) return;
  const el = e.element(parent, nom);
  e.element(el, 'nom', p.nom);
  for (const pr of p.prenoms) e.element(el, 'prenom', pr);
}

export function lireParent(l: Lecteur | null): unknown {
  if (!l) return null;
  const p = { nom: l.texteEnfantRequis('nom'), prenoms: l.enfants('prenom').map((x) => x.texte()) };
  l.terminer();
  return p;
}

export function ecrireEvenement(e: Ecrivain, parent: Element, ev: EvenementDeclare | null): void {
  if (!ev) return;
  const el = e.element(parent, 'evenement');
  e.elementSi(el, 'date', ev.date);
  ecrireLieu(e, el, 'lieu', ev.lieu);
}

export function lireEvenement(l: Lecteur | null): unknown {
  if (!l) return null;
  const ev = { date: l.texteEnfant('date'), lieu: lireLieu(l.enfant('lieu')) };
  l.terminer();
  return ev;
}

/** The declared data shared by `demande` and `demandeEmise`, in document order. */
export interface DonneesDeclarees {
  typeActe: string;
  personne: PersonneDeclaree;
  pere: ParentDeclare | null;
  mere: ParentDeclare | null;
  conjoint: ParentDeclare | null;
  evenement: EvenementDeclare | null;
}

export function ecrireDonneesDeclarees(e: Ecrivain, parent: Element, d: DonneesDeclarees): void {
  e.element(parent, 'typeActe', d.typeActe);
  ecrirePersonneDeclaree(e, parent, d.personne);
  ecrireParent(e, parent, 'pere', d.pere);
  ecrireParent(e, parent, 'mere', d.mere);
  ecrireParent(e, parent, 'conjoint', d.conjoint);
  ecrireEvenement(e, parent, d.evenement);
}

export function lireDonneesDeclarees(l: Lecteur): Record<string, unknown> {
  return {
    typeActe: l.texteEnfantRequis('typeActe'),
    personne: lirePersonneDeclaree(l.enfantRequis('personne')),
    pere: lireParent(l.enfant('pere')),
    mere: lireParent(l.enfant('mere')),
    conjoint: lireParent(l.enfant('conjoint')),
    evenement: lireEvenement(l.enfant('evenement')),
  };
}

// --- Persons and mentions of an act (positive answers) ------------------------------------

export function ecrirePersonneActe(e: Ecrivain, parent: Element, p: Personne): void {
  const el = e.element(parent, 'personne', null, { role: p.role, sexe: p.sexe });
  e.element(el, 'nom', p.nom);
  for (const pr of p.prenoms) e.element(el, 'prenom', pr);
  e.elementSi(el, 'dateNaissance', p.dateNaissance);
  ecrireLieu(e, el, 'lieuNaissance', p.lieuNaissance);
  e.elementSi(el, 'profession', p.profession);
}

export function lirePersonneActe(l: Lecteur): unknown {
  const p = {
    role: l.attributRequis('role'),
    sexe: l.attribut('sexe'),
    nom: l.texteEnfantRequis('nom'),
    prenoms: l.enfants('prenom').map((x) => x.texte()),
    dateNaissance: l.texteEnfant('dateNaissance'),
    lieuNaissance: lireLieu(l.enfant('lieuNaissance')),
    profession: l.texteEnfant('profession'),
  };
  l.terminer();
  return p;
}

export function ecrireMention(e: Ecrivain, parent: Element, m: Mention): void {
  const el = e.element(parent, 'mention', null, { type: m.type, date: m.date });
  e.element(el, 'texte', m.texte);
}

export function lireMention(l: Lecteur): unknown {
  const m = { type: l.attributRequis('type'), date: l.attribut('date'), texte: l.texteEnfantRequis('texte') };
  l.terminer();
  return m;
}

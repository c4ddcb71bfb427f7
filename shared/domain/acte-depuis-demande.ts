import type { Acte, Lieu, PersonneSaisie, Role } from './acte';
import type { DonneesDemande, ParentDemande, PersonneDemandee } from './correspondance/demande';

/**
 * The act an officer keys in from a request ("Saisir l'acte"): the editor opens on what the
 * request declares, to be corrected from the paper register. Nothing is invented: a field the
 * request does not give stays empty (the parents' sex, the date the act was drawn up, the number
 * of a new act). The act's year is the event's: a birth is registered within days of it (the
 * officer corrects the rare act drawn up the next January).
 *
 * Completing an act known only by its number (`existant`, not indexed): its type, year, number,
 * date of drawing up and mentions are the register's and are kept; what it already holds of a
 * person, place or date is kept too; the request fills only what is missing.
 */
export interface ActePreRempli {
  id?: number;
  type: Acte['type'];
  /** null: the request gives no date to take the year from. */
  annee: number | null;
  /** null: a new act, whose number is read in the paper register. */
  numero: number | null;
  dateActe: string | null;
  dateEvenement: string | null;
  lieuEvenement: Lieu | null;
  personnes: PersonneSaisie[];
  mentions: Acte['mentions'];
  origine: Acte['origine'];
  indexe: true;
}

function declaree(role: Role, p: PersonneDemandee): PersonneSaisie {
  return {
    role,
    nom: p.nom,
    prenoms: [...p.prenoms],
    sexe: p.sexe,
    dateNaissance: p.dateNaissance,
    lieuNaissance: p.lieuNaissance && { ...p.lieuNaissance },
  };
}

function parent(role: Role, p: ParentDemande | null): PersonneSaisie[] {
  return p ? [{ role, nom: p.nom, prenoms: [...p.prenoms] }] : [];
}

/** The persons as the request declares them, in the roles of its type of act. */
function personnesDeclarees(d: DonneesDemande): PersonneSaisie[] {
  if (d.typeActe === 'mariage') {
    return [
      declaree('epoux1', d.personne),
      ...parent('pere_epoux1', d.pere),
      ...parent('mere_epoux1', d.mere),
      ...parent('epoux2', d.conjoint),
    ];
  }
  return [
    declaree('titulaire', d.personne),
    ...parent('pere', d.pere),
    ...parent('mere', d.mere),
    ...(d.typeActe === 'deces' ? parent('conjoint', d.conjoint) : []),
  ];
}

/** The event's date and place: for a birth, the person's birth (or the event block when it is the one given). */
function evenementDeclare(d: DonneesDemande): { date: string | null; lieu: Lieu | null } {
  if (d.typeActe === 'naissance') {
    return {
      date: d.personne.dateNaissance ?? d.evenement?.date ?? null,
      lieu: d.personne.lieuNaissance ?? d.evenement?.lieu ?? null,
    };
  }
  return { date: d.evenement?.date ?? null, lieu: d.evenement?.lieu ?? null };
}

export function preRemplirActe(d: DonneesDemande, existant?: Acte | null): ActePreRempli {
  const evenement = evenementDeclare(d);
  const declarees = personnesDeclarees(d);
  if (d.typeActe === 'naissance') {
    // A birth's date and place are the child's own: the same on both, as the editor keeps them.
    const enfant = declarees[0];
    enfant.dateNaissance = evenement.date;
    enfant.lieuNaissance = evenement.lieu && { ...evenement.lieu };
  }
  if (!existant) {
    return {
      type: d.typeActe,
      annee: evenement.date ? Number(evenement.date.slice(0, 4)) : null,
      numero: null,
      dateActe: null,
      dateEvenement: evenement.date,
      lieuEvenement: evenement.lieu && { ...evenement.lieu },
      personnes: declarees,
      mentions: [],
      origine: 'demande',
      indexe: true,
    };
  }
  const roles = new Set(existant.personnes.map((p) => p.role));
  return {
    id: existant.id,
    type: existant.type,
    annee: existant.annee,
    numero: existant.numero,
    dateActe: existant.dateActe,
    dateEvenement: existant.dateEvenement ?? evenement.date,
    lieuEvenement: existant.lieuEvenement ?? (evenement.lieu && { ...evenement.lieu }),
    personnes: [...existant.personnes, ...declarees.filter((p) => !roles.has(p.role))],
    mentions: existant.mentions,
    origine: existant.origine,
    indexe: true,
  };
}

import type { ErreurChamp } from '../errors';
import { TypesActe, TypesMention, type Acte, type ActeSaisi, type Role, type TypeActe } from './acte';
import { ageEnAnnees, anneeDe, dateIsoDuJour, formaterDate, raisonDateIso } from './dates';

/**
 * What a demanding officer checks before an act enters the register. Pure: the act editor
 * (renderer), the `registre.enregistrer` handler and the CSV import run the same rules.
 *
 * Each error names its field as a path the editor attaches to an input:
 * `annee`, `numero`, `dateActe`, `dateEvenement`, `lieuEvenement`, `personnes`,
 * `personnes.<role>` (the person as a whole), `personnes.<role>.<champ>`,
 * `mentions.<index>.<champ>`.
 *
 * Field meaning per act type (the model is uniform, see acte.ts):
 * - naissance: `dateEvenement`/`lieuEvenement` are the birth's date and place; the child is
 *   `titulaire` (its own `dateNaissance`/`lieuNaissance` may repeat them and must then agree);
 * - mariage: `dateEvenement`/`lieuEvenement` are the celebration's; spouses `epoux1`/`epoux2`;
 * - décès: `dateEvenement`/`lieuEvenement` are the death's; the deceased is `titulaire`.
 */

export interface OptionsValidation {
  /** Today (ISO aaaa-mm-jj). Defaults to the local calendar day; tests and the import pass one. */
  aujourdhui?: string;
}

/** Civil registers are kept by the communes since the law of 20 September 1792. */
export const PREMIERE_ANNEE_REGISTRE = 1792;
/**
 * The last year a register search or an index knows: far past any act written today, so
 * that a year typed in a search ("2031") is still read as a year. Not a validation bound:
 * an act's year is checked against today.
 */
export const DERNIERE_ANNEE_REGISTRE = 2199;
/** Code civil (21 March 1804): minimum age to marry 15 (women) / 18 (men); the 1792 law said 13 / 15. */
const DEBUT_CODE_CIVIL = '1804-03-21';
/** Age below which nobody can be a parent: a plausibility bound, not a legal one. */
const AGE_MINIMUM_PARENT = 12;
/** Above the longest documented human life (122 years): a typing error, not a centenarian. */
const AGE_MAXIMUM = 125;

const rolesParType: Record<TypeActe, readonly Role[]> = {
  naissance: ['titulaire', 'pere', 'mere'],
  mariage: ['epoux1', 'epoux2', 'pere_epoux1', 'mere_epoux1', 'pere_epoux2', 'mere_epoux2'],
  deces: ['titulaire', 'pere', 'mere', 'conjoint'],
};

/** Parents of each "main" person, for the age checks. */
const parentsDe: Partial<Record<Role, Role[]>> = {
  titulaire: ['pere', 'mere'],
  epoux1: ['pere_epoux1', 'mere_epoux1'],
  epoux2: ['pere_epoux2', 'mere_epoux2'],
};

/**
 * Mentions about filiation may be dated before the act's event: a child may be recognised
 * before birth (reconnaissance anticipée, art. 316 of the Code civil) and the recognition is
 * then mentioned. Every other mention records something that happened after the event.
 */
const mentionsAnterieuresPermises = new Set(['reconnaissance']);

type PersonneEntree = (Acte | ActeSaisi)['personnes'][number];

/**
 * The errors of one act being checked. Methods rather than closures and field paths built
 * only when an error is found: the CSV import runs this a million times.
 */
class Controle {
  readonly erreurs: ErreurChamp[] = [];
  constructor(readonly aujourdhui: string) {}

  ajouter(champ: string, raison: string): void {
    this.erreurs.push({ champ, raison });
  }

  /** The date if it is a real, past date; null otherwise (the error is recorded once). */
  date(valeur: string | null | undefined, champ: string, role?: Role): string | null {
    if (valeur === null || valeur === undefined || valeur === '') return null;
    const raison = raisonDateIso(valeur);
    if (raison) {
      this.ajouter(chemin(champ, role), raison);
      return null;
    }
    if (valeur > this.aujourdhui) {
      this.ajouter(chemin(champ, role), `la date du ${formaterDate(valeur)} est dans le futur`);
      return null;
    }
    return valeur;
  }
}

function chemin(champ: string, role?: Role): string {
  return role ? `personnes.${role}.${champ}` : champ;
}

export function validerActe(acte: Acte | ActeSaisi, options: OptionsValidation = {}): ErreurChamp[] {
  const c = new Controle(options.aujourdhui ?? dateIsoDuJour());
  const anneeCourante = anneeDe(c.aujourdhui);

  // --- Identity in the register: type, year, number -------------------------------------
  const type = acte.type as TypeActe;
  if (!(TypesActe as readonly string[]).includes(type)) {
    c.ajouter('type', `type d’acte « ${String(acte.type)} » inconnu (naissance, mariage ou décès)`);
    return c.erreurs; // every other rule depends on the type
  }
  if (!Number.isInteger(acte.annee)) c.ajouter('annee', 'l’année du registre doit être un nombre entier');
  else if (acte.annee < PREMIERE_ANNEE_REGISTRE || acte.annee > anneeCourante)
    c.ajouter('annee', `l’année du registre doit être comprise entre ${PREMIERE_ANNEE_REGISTRE} et ${anneeCourante}`);
  if (!Number.isInteger(acte.numero) || acte.numero < 1)
    c.ajouter('numero', 'le numéro d’acte doit être un entier supérieur ou égal à 1');

  // --- Dates that exist and are not in the future -----------------------------------------
  const dateActe = c.date(acte.dateActe, 'dateActe');
  const dateEvenement = c.date(acte.dateEvenement, 'dateEvenement');
  const indexe = acte.indexe ?? true;

  // --- Persons: allowed roles, each role once ---------------------------------------------
  const personnes = new Map<Role, PersonneEntree>();
  /** Valid birth dates by role (null when absent or invalid, already reported). */
  const naissances = new Map<Role, string | null>();
  const rolesPermis = rolesParType[type];
  for (const p of acte.personnes ?? []) {
    if (!rolesPermis.includes(p.role)) {
      c.ajouter(
        `personnes.${p.role}`,
        `un acte de ${libelleType(type)} ne comporte pas de personne de rôle « ${p.role} »`,
      );
      continue;
    }
    if (personnes.has(p.role)) {
      c.ajouter(`personnes.${p.role}`, `la personne de rôle « ${p.role} » figure deux fois`);
      continue;
    }
    personnes.set(p.role, p);
    naissances.set(p.role, c.date(p.dateNaissance, 'dateNaissance', p.role));

    // Every person written in the act has a name and well-formed given names, whatever its
    // role: an empty parent entry is a keying slip, not "parent unknown" (then no entry).
    if (!p.nom?.trim()) c.ajouter(chemin('nom', p.role), 'le nom est obligatoire');
    if ((p.prenoms ?? []).some((x) => !x.trim())) c.ajouter(chemin('prenoms', p.role), 'un prénom est vide');
    if (p.lieuNaissance && !p.lieuNaissance.commune?.trim())
      c.ajouter(chemin('lieuNaissance', p.role), 'le lieu de naissance est incomplet (commune ou ville manquante)');
  }
  if (acte.lieuEvenement && !acte.lieuEvenement.commune?.trim())
    c.ajouter('lieuEvenement', 'le lieu est incomplet (commune ou ville manquante)');

  // --- Mentions marginales ----------------------------------------------------------------
  const mentions = acte.mentions ?? [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (!(TypesMention as readonly string[]).includes(m.type))
      c.ajouter(`mentions.${i}.type`, `type de mention « ${m.type} » inconnu`);
    if (!m.texte?.trim()) c.ajouter(`mentions.${i}.texte`, 'le texte de la mention est vide');
    const date = c.date(m.date, `mentions.${i}.date`);
    if (date && dateEvenement && date < dateEvenement && !mentionsAnterieuresPermises.has(m.type))
      c.ajouter(
        `mentions.${i}.date`,
        `la mention est datée du ${formaterDate(date)}, avant l’événement de l’acte (${formaterDate(dateEvenement)})`,
      );
  }

  // --- Act date against the register year and the event -----------------------------------
  if (dateActe && Number.isInteger(acte.annee) && anneeDe(dateActe) !== acte.annee)
    c.ajouter('dateActe', `l’acte est daté de ${anneeDe(dateActe)} mais inscrit au registre de ${acte.annee}`);
  if (dateActe && dateEvenement && dateActe < dateEvenement)
    c.ajouter(
      'dateActe',
      `l’acte ne peut pas être dressé (${formaterDate(dateActe)}) avant l’événement (${formaterDate(dateEvenement)})`,
    );
  // A marriage act is drawn up at the celebration, on the spot (art. 75 of the Code civil).
  if (type === 'mariage' && dateActe && dateEvenement && dateActe > dateEvenement)
    c.ajouter('dateActe', 'l’acte de mariage est dressé le jour même de la célébration');

  // An act not keyed in yet is known by type, year and number only: nothing else is required.
  if (!indexe) return c.erreurs;

  // --- Required content by act type -------------------------------------------------------
  if (type === 'naissance') {
    exiger(c, personnes, 'titulaire', 'l’enfant (titulaire)', true);
    if (!acte.dateEvenement) c.ajouter('dateEvenement', 'la date de naissance est obligatoire');
    if (!acte.lieuEvenement) c.ajouter('lieuEvenement', 'le lieu de naissance est obligatoire');
    const naissanceEnfant = naissances.get('titulaire');
    if (naissanceEnfant && dateEvenement && naissanceEnfant !== dateEvenement)
      c.ajouter(
        'personnes.titulaire.dateNaissance',
        'la date de naissance de l’enfant diffère de la date de l’événement de l’acte',
      );
  } else if (type === 'mariage') {
    exiger(c, personnes, 'epoux1', 'le premier époux', false);
    exiger(c, personnes, 'epoux2', 'le second époux', false);
    if (!acte.dateEvenement) c.ajouter('dateEvenement', 'la date du mariage est obligatoire');
  } else {
    exiger(c, personnes, 'titulaire', 'le défunt (titulaire)', false);
    if (!acte.dateEvenement) c.ajouter('dateEvenement', 'la date du décès est obligatoire');
  }

  // --- Ages: parents, spouses, the deceased -----------------------------------------------
  for (const [role, roleParents] of PARENTS) {
    const naissanceEnfant =
      type === 'naissance' && role === 'titulaire' ? (dateEvenement ?? naissances.get(role)) : naissances.get(role);
    if (!naissanceEnfant) continue;
    for (const roleParent of roleParents) {
      const naissanceParent = naissances.get(roleParent);
      if (!naissanceParent) continue;
      if (naissanceParent >= naissanceEnfant)
        c.ajouter(chemin('dateNaissance', roleParent), 'le parent est né après son enfant (ou le même jour)');
      else if (ageEnAnnees(naissanceParent, naissanceEnfant) < AGE_MINIMUM_PARENT)
        c.ajouter(
          chemin('dateNaissance', roleParent),
          `le parent aurait eu moins de ${AGE_MINIMUM_PARENT} ans à la naissance de son enfant`,
        );
    }
  }

  if (type === 'mariage' && dateEvenement) {
    const ageMinimum = dateEvenement < DEBUT_CODE_CIVIL ? 13 : 15;
    for (const role of EPOUX) {
      const naissance = naissances.get(role);
      if (!naissance) continue;
      const age = ageEnAnnees(naissance, dateEvenement);
      if (naissance >= dateEvenement)
        c.ajouter(chemin('dateNaissance', role), 'l’époux est né après la date du mariage');
      else if (age < ageMinimum)
        c.ajouter(chemin('dateNaissance', role), `l’époux aurait eu moins de ${ageMinimum} ans le jour du mariage`);
      else if (age > AGE_MAXIMUM)
        c.ajouter(chemin('dateNaissance', role), `l’époux aurait eu plus de ${AGE_MAXIMUM} ans le jour du mariage`);
    }
  }

  if (type === 'deces' && dateEvenement) {
    const naissance = naissances.get('titulaire');
    if (naissance && naissance > dateEvenement)
      c.ajouter('personnes.titulaire.dateNaissance', 'le défunt est né après la date de son décès');
    else if (naissance && ageEnAnnees(naissance, dateEvenement) > AGE_MAXIMUM)
      c.ajouter('personnes.titulaire.dateNaissance', `le défunt aurait eu plus de ${AGE_MAXIMUM} ans`);
  }

  return c.erreurs;
}

const PARENTS = Object.entries(parentsDe) as [Role, Role[]][];
const EPOUX = ['epoux1', 'epoux2'] as const;

/** The main person must be there, with at least one given name (and a sex for a birth). */
function exiger(c: Controle, personnes: Map<Role, PersonneEntree>, role: Role, libelle: string, sexe: boolean): void {
  const p = personnes.get(role);
  if (!p) {
    c.ajouter(`personnes.${role}`, `${libelle} est obligatoire`);
    return;
  }
  // the name is checked for every person above
  if (!p.prenoms?.length) c.ajouter(chemin('prenoms', role), 'au moins un prénom est obligatoire');
  if (sexe && !p.sexe) c.ajouter(chemin('sexe', role), 'le sexe est obligatoire');
}

function libelleType(type: TypeActe): string {
  return type === 'deces' ? 'décès' : type;
}

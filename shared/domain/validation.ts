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

interface PersonneLue {
  role: Role;
  nom: string;
  prenoms: string[];
  sexe: string | null;
  dateNaissance: string | null;
  lieuNaissance: { commune?: string } | null;
}

export function validerActe(acte: Acte | ActeSaisi, options: OptionsValidation = {}): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  const ajouter = (champ: string, raison: string) => erreurs.push({ champ, raison });
  const aujourdhui = options.aujourdhui ?? dateIsoDuJour();
  const anneeCourante = anneeDe(aujourdhui);

  // --- Identity in the register: type, year, number -------------------------------------
  const type = acte.type as TypeActe;
  if (!(TypesActe as readonly string[]).includes(type)) {
    ajouter('type', `type d’acte « ${String(acte.type)} » inconnu (naissance, mariage ou décès)`);
    return erreurs; // every other rule depends on the type
  }
  if (!Number.isInteger(acte.annee)) ajouter('annee', 'l’année du registre doit être un nombre entier');
  else if (acte.annee < PREMIERE_ANNEE_REGISTRE || acte.annee > anneeCourante)
    ajouter('annee', `l’année du registre doit être comprise entre ${PREMIERE_ANNEE_REGISTRE} et ${anneeCourante}`);
  if (!Number.isInteger(acte.numero) || acte.numero < 1) ajouter('numero', 'le numéro d’acte doit être un entier supérieur ou égal à 1');

  // --- Dates that exist and are not in the future -----------------------------------------
  /** The date if it is a real, past date; null otherwise (the error is recorded once). */
  const dateValide = (champ: string, valeur: string | null | undefined): string | null => {
    if (valeur === null || valeur === undefined || valeur === '') return null;
    const raison = raisonDateIso(valeur);
    if (raison) {
      ajouter(champ, raison);
      return null;
    }
    if (valeur > aujourdhui) {
      ajouter(champ, `la date du ${formaterDate(valeur)} est dans le futur`);
      return null;
    }
    return valeur;
  };

  const dateActe = dateValide('dateActe', acte.dateActe);
  const dateEvenement = dateValide('dateEvenement', acte.dateEvenement);
  const indexe = acte.indexe ?? true;

  // --- Persons: allowed roles, each role once ---------------------------------------------
  const personnes = new Map<Role, PersonneLue>();
  const rolesPermis = rolesParType[type];
  for (const p of acte.personnes ?? []) {
    if (!rolesPermis.includes(p.role)) {
      ajouter(`personnes.${p.role}`, `un acte de ${libelleType(type)} ne comporte pas de personne de rôle « ${p.role} »`);
      continue;
    }
    if (personnes.has(p.role)) {
      ajouter(`personnes.${p.role}`, `la personne de rôle « ${p.role} » figure deux fois`);
      continue;
    }
    personnes.set(p.role, {
      role: p.role,
      nom: (p.nom ?? '').trim(),
      prenoms: (p.prenoms ?? []).map((x) => x.trim()),
      sexe: p.sexe ?? null,
      dateNaissance: dateValide(`personnes.${p.role}.dateNaissance`, p.dateNaissance),
      lieuNaissance: p.lieuNaissance ?? null,
    });
  }

  // Every person written in the act has a name and well-formed given names, whatever its role:
  // an empty parent entry is a keying slip, not "parent unknown" (then no entry at all).
  for (const p of personnes.values()) {
    if (!p.nom) ajouter(`personnes.${p.role}.nom`, 'le nom est obligatoire');
    if (p.prenoms.some((x) => !x)) ajouter(`personnes.${p.role}.prenoms`, 'un prénom est vide');
    if (p.lieuNaissance && !p.lieuNaissance.commune?.trim())
      ajouter(`personnes.${p.role}.lieuNaissance`, 'le lieu de naissance est incomplet (commune ou ville manquante)');
  }
  if (acte.lieuEvenement && !acte.lieuEvenement.commune?.trim())
    ajouter('lieuEvenement', 'le lieu est incomplet (commune ou ville manquante)');

  // --- Mentions marginales ----------------------------------------------------------------
  (acte.mentions ?? []).forEach((m, i) => {
    if (!(TypesMention as readonly string[]).includes(m.type)) ajouter(`mentions.${i}.type`, `type de mention « ${m.type} » inconnu`);
    if (!m.texte?.trim()) ajouter(`mentions.${i}.texte`, 'le texte de la mention est vide');
    const date = dateValide(`mentions.${i}.date`, m.date);
    if (date && dateEvenement && date < dateEvenement && !mentionsAnterieuresPermises.has(m.type))
      ajouter(`mentions.${i}.date`, `la mention est datée du ${formaterDate(date)}, avant l’événement de l’acte (${formaterDate(dateEvenement)})`);
  });

  // --- Act date against the register year and the event -----------------------------------
  if (dateActe && Number.isInteger(acte.annee) && anneeDe(dateActe) !== acte.annee)
    ajouter('dateActe', `l’acte est daté de ${anneeDe(dateActe)} mais inscrit au registre de ${acte.annee}`);
  if (dateActe && dateEvenement && dateActe < dateEvenement)
    ajouter('dateActe', `l’acte ne peut pas être dressé (${formaterDate(dateActe)}) avant l’événement (${formaterDate(dateEvenement)})`);
  // A marriage act is drawn up at the celebration, on the spot (art. 75 of the Code civil).
  if (type === 'mariage' && dateActe && dateEvenement && dateActe > dateEvenement)
    ajouter('dateActe', 'l’acte de mariage est dressé le jour même de la célébration');

  // An act not keyed in yet is known by type, year and number only: nothing else is required.
  if (!indexe) return erreurs;

  // --- Required content by act type -------------------------------------------------------
  const exiger = (role: Role, libelle: string, champs: { prenoms?: boolean; sexe?: boolean }) => {
    const p = personnes.get(role);
    if (!p) {
      ajouter(`personnes.${role}`, `${libelle} est obligatoire`);
      return;
    }
    // nom is checked above for every person
    if (champs.prenoms && p.prenoms.length === 0) ajouter(`personnes.${role}.prenoms`, 'au moins un prénom est obligatoire');
    if (champs.sexe && !p.sexe) ajouter(`personnes.${role}.sexe`, 'le sexe est obligatoire');
  };

  if (type === 'naissance') {
    exiger('titulaire', 'l’enfant (titulaire)', { prenoms: true, sexe: true });
    if (!acte.dateEvenement) ajouter('dateEvenement', 'la date de naissance est obligatoire');
    if (!acte.lieuEvenement) ajouter('lieuEvenement', 'le lieu de naissance est obligatoire');
    const enfant = personnes.get('titulaire');
    if (enfant?.dateNaissance && dateEvenement && enfant.dateNaissance !== dateEvenement)
      ajouter('personnes.titulaire.dateNaissance', 'la date de naissance de l’enfant diffère de la date de l’événement de l’acte');
  } else if (type === 'mariage') {
    exiger('epoux1', 'le premier époux', { prenoms: true });
    exiger('epoux2', 'le second époux', { prenoms: true });
    if (!acte.dateEvenement) ajouter('dateEvenement', 'la date du mariage est obligatoire');
  } else {
    exiger('titulaire', 'le défunt (titulaire)', { prenoms: true });
    if (!acte.dateEvenement) ajouter('dateEvenement', 'la date du décès est obligatoire');
  }

  // --- Ages: parents, spouses, the deceased -----------------------------------------------
  for (const [role, roleParents] of Object.entries(parentsDe) as [Role, Role[]][]) {
    const enfant = personnes.get(role);
    const naissanceEnfant = type === 'naissance' && role === 'titulaire' ? (dateEvenement ?? enfant?.dateNaissance) : enfant?.dateNaissance;
    if (!naissanceEnfant) continue;
    for (const roleParent of roleParents) {
      const parent = personnes.get(roleParent);
      if (!parent?.dateNaissance) continue;
      const champ = `personnes.${roleParent}.dateNaissance`;
      if (parent.dateNaissance >= naissanceEnfant) ajouter(champ, 'le parent est né après son enfant (ou le même jour)');
      else if (ageEnAnnees(parent.dateNaissance, naissanceEnfant) < AGE_MINIMUM_PARENT)
        ajouter(champ, `le parent aurait eu moins de ${AGE_MINIMUM_PARENT} ans à la naissance de son enfant`);
    }
  }

  if (type === 'mariage' && dateEvenement) {
    const ageMinimum = dateEvenement < DEBUT_CODE_CIVIL ? 13 : 15;
    for (const role of ['epoux1', 'epoux2'] as const) {
      const naissance = personnes.get(role)?.dateNaissance;
      if (!naissance) continue;
      const champ = `personnes.${role}.dateNaissance`;
      if (naissance >= dateEvenement) ajouter(champ, 'l’époux est né après la date du mariage');
      else if (ageEnAnnees(naissance, dateEvenement) < ageMinimum)
        ajouter(champ, `l’époux aurait eu moins de ${ageMinimum} ans le jour du mariage`);
      else if (ageEnAnnees(naissance, dateEvenement) > AGE_MAXIMUM)
        ajouter(champ, `l’époux aurait eu plus de ${AGE_MAXIMUM} ans le jour du mariage`);
    }
  }

  if (type === 'deces' && dateEvenement) {
    const naissance = personnes.get('titulaire')?.dateNaissance;
    if (naissance && naissance > dateEvenement) ajouter('personnes.titulaire.dateNaissance', 'le défunt est né après la date de son décès');
    else if (naissance && ageEnAnnees(naissance, dateEvenement) > AGE_MAXIMUM)
      ajouter('personnes.titulaire.dateNaissance', `le défunt aurait eu plus de ${AGE_MAXIMUM} ans`);
  }

  return erreurs;
}

function libelleType(type: TypeActe): string {
  return type === 'deces' ? 'décès' : type;
}

import type {
  Acte,
  ActeSaisi,
  Lieu,
  Origine,
  PersonneSaisie,
  Role,
  TypeActe,
  TypeMention,
} from '../../../../../shared/domain/acte';
import { ActeSchema } from '../../../../../shared/domain/acte';
import type { ActePreRempli } from '../../../../../shared/domain/acte-depuis-demande';
import { analyserDate, formaterDate } from '../../../../../shared/domain/dates';

/**
 * The act editor's form: what the officer types, kept as typed (dates as "jj/mm/aaaa" text,
 * numbers as text) so that nothing is ever lost or rewritten behind their back, even when it
 * is not valid yet. `versActe` turns it into the model; `depuisActe` the other way round.
 */

export interface LieuFormulaire {
  commune: string;
  codeInsee: string | null;
  departement: string | null;
  etranger: boolean;
  pays: string;
}

export interface PersonneFormulaire {
  nom: string;
  prenoms: string;
  sexe: '' | 'M' | 'F';
  dateNaissance: string;
  lieuNaissance: LieuFormulaire;
  profession: string;
}

export interface MentionFormulaire {
  /** Stable key for React lists (mentions can be removed from the middle). */
  cle: string;
  type: TypeMention;
  date: string;
  texte: string;
}

export interface FormulaireActe {
  id?: number;
  type: TypeActe;
  annee: string;
  numero: string;
  dateActe: string;
  dateEvenement: string;
  lieuEvenement: LieuFormulaire;
  personnes: Record<Role, PersonneFormulaire>;
  mentions: MentionFormulaire[];
  indexe: boolean;
  origine: Origine;
  /** Keyed in from a request ("Saisir l'acte"): saved through it, and the answer drafted from it. */
  depuisDemande?: DemandeSource;
}

export interface DemandeSource {
  demandeId: number;
  idPlateforme: string;
}

/** Who appears in each kind of act, in the order the editor shows them. */
export const rolesParType: Record<TypeActe, Role[]> = {
  naissance: ['titulaire', 'pere', 'mere'],
  mariage: ['epoux1', 'pere_epoux1', 'mere_epoux1', 'epoux2', 'pere_epoux2', 'mere_epoux2'],
  deces: ['titulaire', 'pere', 'mere', 'conjoint'],
};

/** Persons an act of this type cannot do without: always sent, even empty, so validation names them. */
export const rolesObligatoires: Record<TypeActe, Role[]> = {
  naissance: ['titulaire'],
  mariage: ['epoux1', 'epoux2'],
  deces: ['titulaire'],
};

const tousLesRoles: Role[] = [
  'titulaire',
  'pere',
  'mere',
  'epoux1',
  'epoux2',
  'pere_epoux1',
  'mere_epoux1',
  'pere_epoux2',
  'mere_epoux2',
  'conjoint',
];

export function lieuVide(): LieuFormulaire {
  return { commune: '', codeInsee: null, departement: null, etranger: false, pays: '' };
}

export function personneVide(): PersonneFormulaire {
  return { nom: '', prenoms: '', sexe: '', dateNaissance: '', lieuNaissance: lieuVide(), profession: '' };
}

let compteurMentions = 0;
export function mentionVide(): MentionFormulaire {
  compteurMentions += 1;
  return { cle: `m${Date.now().toString(36)}-${compteurMentions}`, type: 'autre', date: '', texte: '' };
}

export function formulaireVide(type: TypeActe = 'naissance', annee = new Date().getFullYear()): FormulaireActe {
  return {
    type,
    annee: String(annee),
    numero: '',
    dateActe: '',
    dateEvenement: '',
    lieuEvenement: lieuVide(),
    personnes: Object.fromEntries(tousLesRoles.map((r) => [r, personneVide()])) as Record<Role, PersonneFormulaire>,
    mentions: [],
    indexe: true,
    origine: 'saisie',
  };
}

// --- model -> form -------------------------------------------------------------------------

function texteDate(iso: string | null | undefined): string {
  return iso ? formaterDate(iso) : '';
}

function lieuDepuis(lieu: Lieu | null | undefined): LieuFormulaire {
  if (!lieu) return lieuVide();
  return {
    commune: lieu.commune,
    codeInsee: lieu.codeInsee ?? null,
    departement: lieu.departement ?? null,
    etranger: lieu.pays !== null && lieu.pays !== undefined,
    pays: lieu.pays ?? '',
  };
}

export function depuisActe(acte: Acte): FormulaireActe {
  const f = formulaireVide(acte.type, acte.annee);
  for (const p of acte.personnes) {
    f.personnes[p.role] = {
      nom: p.nom,
      prenoms: p.prenoms.join(', '),
      sexe: p.sexe ?? '',
      dateNaissance: texteDate(p.dateNaissance),
      lieuNaissance: lieuDepuis(p.lieuNaissance),
      profession: p.profession ?? '',
    };
  }
  return {
    ...f,
    id: acte.id,
    numero: String(acte.numero),
    dateActe: texteDate(acte.dateActe),
    dateEvenement: texteDate(acte.dateEvenement),
    lieuEvenement: lieuDepuis(acte.lieuEvenement),
    mentions: acte.mentions.map((m) => ({ ...mentionVide(), type: m.type, date: texteDate(m.date), texte: m.texte })),
    indexe: acte.indexe,
    origine: acte.origine,
  };
}

/**
 * The form opened by "Saisir l'acte": what the request declares (shared/domain/acte-depuis-demande.ts),
 * with the year or number left empty when the request cannot give them.
 */
export function depuisPreRemplissage(p: ActePreRempli, demande: DemandeSource): FormulaireActe {
  const f = depuisActe(ActeSchema.parse({ ...p, annee: p.annee ?? 0, numero: p.numero ?? 1 }));
  return {
    ...f,
    annee: p.annee === null ? '' : String(p.annee),
    numero: p.numero === null ? '' : String(p.numero),
    depuisDemande: demande,
  };
}

// --- form -> model -------------------------------------------------------------------------

/** An error found while reading the form, keyed like the form's fields (see champs.ts). */
export interface ErreurFormulaire {
  cle: string;
  message: string;
}

/**
 * Given names as typed: "Jean, Pierre" or "Jean Pierre" both give two names; composed names
 * keep their hyphen ("Jean-Pierre"). With a comma present, only commas separate, so a rare
 * composed name written with a space ("Marie Claire, Louise") can still be entered.
 */
export function separerPrenoms(texte: string): string[] {
  const separateur = texte.includes(',') ? /,/ : /\s+/;
  return texte
    .split(separateur)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

function lireDate(texte: string, cle: string, erreurs: ErreurFormulaire[]): string | null {
  if (!texte.trim()) return null;
  const r = analyserDate(texte);
  if (r.ok) return r.iso;
  erreurs.push({ cle, message: r.raison });
  return null;
}

function lireEntier(texte: string, cle: string, quoi: string, erreurs: ErreurFormulaire[]): number {
  const t = texte.trim();
  if (!/^\d{1,6}$/.test(t)) {
    erreurs.push({ cle, message: t ? `${quoi} : un nombre entier est attendu` : `${quoi} obligatoire` });
    return 0;
  }
  return Number(t);
}

function lireLieu(l: LieuFormulaire, cle: string, erreurs: ErreurFormulaire[]): Lieu | null {
  const commune = l.commune.trim();
  const pays = l.pays.trim();
  if (!commune && !(l.etranger && pays)) return null;
  if (l.etranger) {
    if (!pays) erreurs.push({ cle: `${cle}.pays`, message: 'pays obligatoire pour un lieu à l’étranger' });
    return { commune, codeInsee: null, departement: null, pays: pays || null };
  }
  return { commune, codeInsee: l.codeInsee, departement: l.departement, pays: null };
}

function personneRemplie(p: PersonneFormulaire): boolean {
  return Boolean(
    p.nom.trim() ||
    p.prenoms.trim() ||
    p.sexe ||
    p.dateNaissance.trim() ||
    p.lieuNaissance.commune.trim() ||
    p.lieuNaissance.pays.trim() ||
    p.profession.trim(),
  );
}

export interface Lecture {
  acte: ActeSaisi;
  /** Errors of form (unreadable date or number), to show before the domain's validation. */
  erreurs: ErreurFormulaire[];
}

/** Reads the form into an act. Unreadable values become null and are reported, never dropped silently. */
export function versActe(f: FormulaireActe): Lecture {
  const erreurs: ErreurFormulaire[] = [];
  const personnes: PersonneSaisie[] = [];
  for (const role of rolesParType[f.type]) {
    const p = f.personnes[role];
    if (!personneRemplie(p) && !rolesObligatoires[f.type].includes(role)) continue;
    const base = `personnes.${role}`;
    // The child's birth is the act's event, copied below: its own copy in the form is not read.
    const naissanceEnfant = f.type === 'naissance' && role === 'titulaire';
    personnes.push({
      role,
      nom: p.nom.trim(),
      prenoms: separerPrenoms(p.prenoms),
      sexe: p.sexe || null,
      dateNaissance: naissanceEnfant ? null : lireDate(p.dateNaissance, `${base}.dateNaissance`, erreurs),
      lieuNaissance: naissanceEnfant ? null : lireLieu(p.lieuNaissance, `${base}.lieuNaissance`, erreurs),
      profession: p.profession.trim() || null,
    });
  }
  const dateEvenement = lireDate(f.dateEvenement, 'dateEvenement', erreurs);
  const lieuEvenement = lireLieu(f.lieuEvenement, 'lieuEvenement', erreurs);
  if (f.type === 'naissance') {
    // A birth's date and place are the child's: kept on both, as the CSV import does.
    const enfant = personnes.find((p) => p.role === 'titulaire');
    if (enfant) {
      enfant.dateNaissance = dateEvenement;
      enfant.lieuNaissance = lieuEvenement && { ...lieuEvenement };
    }
  }
  const acte: ActeSaisi = {
    ...(f.id !== undefined ? { id: f.id } : {}),
    type: f.type,
    annee: lireEntier(f.annee, 'annee', 'année', erreurs),
    numero: lireEntier(f.numero, 'numero', 'numéro', erreurs),
    dateActe: lireDate(f.dateActe, 'dateActe', erreurs),
    dateEvenement,
    lieuEvenement,
    personnes,
    mentions: f.mentions.map((m, i) => ({
      type: m.type,
      date: lireDate(m.date, `mentions.${i}.date`, erreurs),
      texte: m.texte.trim(),
    })),
    origine: f.origine,
    indexe: f.indexe,
  };
  return { acte, erreurs };
}

import type {
  DemandeEnvoyee,
  MotifDemandeEnvoyee,
  SaisieDemandeEnvoyee,
  SaisieDemandeEnvoyeeValidee,
} from '../../../../../shared/contract/demandes-envoyees';
import { analyserDate } from '../../../../../shared/domain/dates';
import { jourFr } from '../libelles';

/**
 * The form of a request to another commune as typed (strings, so nothing typed is ever lost),
 * and its translation into the contract's input. The dates are read here (jj/mm/aaaa); every
 * other rule is the contract's and the main process's, whose French reasons come back per field.
 */
export interface BrouillonDemande {
  motif: MotifDemandeEnvoyee;
  communeTexte: string;
  codeInsee: string | null;
  departement: string | null;
  reference: string;
  dateProcedure: string;
  nom: string;
  prenoms: string;
  sexe: '' | 'M' | 'F';
  dateNaissance: string;
  lieuTexte: string;
  lieuInsee: string | null;
  lieuDepartement: string | null;
  pereNom: string;
  perePrenoms: string;
  mereNom: string;
  merePrenoms: string;
}

export type ChampBrouillon = keyof BrouillonDemande;
export type ErreursBrouillon = Partial<Record<ChampBrouillon, string>>;

export const BROUILLON_VIDE: BrouillonDemande = {
  motif: 'dossier_mariage',
  communeTexte: '',
  codeInsee: null,
  departement: null,
  reference: '',
  dateProcedure: '',
  nom: '',
  prenoms: '',
  sexe: '',
  dateNaissance: '',
  lieuTexte: '',
  lieuInsee: null,
  lieuDepartement: null,
  pereNom: '',
  perePrenoms: '',
  mereNom: '',
  merePrenoms: '',
};

/** "Paul Marie" or "Paul, Marie": the given names in order. */
function prenomsDe(texte: string): string[] {
  return texte
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function parent(nom: string, prenoms: string) {
  return nom.trim() || prenoms.trim() ? { nom: nom.trim(), prenoms: prenomsDe(prenoms) } : null;
}

/** The contract's input, or the fields whose date cannot be read. */
export function versSaisie(b: BrouillonDemande): { saisie: SaisieDemandeEnvoyee } | { erreurs: ErreursBrouillon } {
  const erreurs: ErreursBrouillon = {};
  const date = (champ: 'dateNaissance' | 'dateProcedure', obligatoire: boolean): string | null => {
    const texte = b[champ].trim();
    if (!texte) {
      if (obligatoire) erreurs[champ] = 'Date de naissance à renseigner (jj/mm/aaaa).';
      return null;
    }
    const r = analyserDate(texte);
    if (r.ok) return r.iso;
    erreurs[champ] = `Date illisible : ${r.raison}.`;
    return null;
  };
  const dateNaissance = date('dateNaissance', true);
  const dateProcedure = date('dateProcedure', false);
  if (Object.keys(erreurs).length) return { erreurs };
  return {
    saisie: {
      motif: b.motif,
      // Without a commune picked from the list, the contract says so under the field.
      destinataire: b.codeInsee ? { codeInsee: b.codeInsee } : (undefined as never),
      reference: b.reference,
      dateProcedure,
      typeActe: 'naissance',
      personne: {
        nom: b.nom,
        prenoms: prenomsDe(b.prenoms),
        sexe: b.sexe || null,
        dateNaissance: dateNaissance!,
        lieuNaissance: b.lieuTexte.trim()
          ? { commune: b.lieuTexte.trim(), codeInsee: b.lieuInsee, departement: b.lieuDepartement }
          : null,
      },
      pere: parent(b.pereNom, b.perePrenoms),
      mere: parent(b.mereNom, b.merePrenoms),
    },
  };
}

/**
 * A draft written before, back in the form as typed (dates jj/mm/aaaa, given names "Paul, Marie"):
 * what `versSaisie` reads back into the same request. The commune asked is named as the list shows it.
 */
export function depuisSaisie(
  s: SaisieDemandeEnvoyeeValidee,
  d: Pick<DemandeEnvoyee, 'destinataire'>,
): BrouillonDemande {
  const p = s.personne;
  return {
    motif: s.motif,
    communeTexte: d.destinataire.nom,
    codeInsee: s.destinataire.codeInsee,
    departement: d.destinataire.departement,
    reference: s.reference,
    dateProcedure: s.dateProcedure ? jourFr(s.dateProcedure) : '',
    nom: p.nom,
    prenoms: p.prenoms.join(', '),
    sexe: p.sexe ?? '',
    dateNaissance: jourFr(p.dateNaissance),
    lieuTexte: p.lieuNaissance?.commune ?? '',
    lieuInsee: p.lieuNaissance?.codeInsee ?? null,
    lieuDepartement: p.lieuNaissance?.departement ?? null,
    pereNom: s.pere?.nom ?? '',
    perePrenoms: s.pere?.prenoms.join(', ') ?? '',
    mereNom: s.mere?.nom ?? '',
    merePrenoms: s.mere?.prenoms.join(', ') ?? '',
  };
}

const CHAMPS: [RegExp, ChampBrouillon][] = [
  [/^destinataire/, 'communeTexte'],
  [/^reference/, 'reference'],
  [/^dateProcedure/, 'dateProcedure'],
  [/^personne\.nom/, 'nom'],
  [/^personne\.prenoms/, 'prenoms'],
  [/^personne\.dateNaissance/, 'dateNaissance'],
  [/^personne\.lieuNaissance/, 'lieuTexte'],
  [/^pere\.nom/, 'pereNom'],
  [/^pere\.prenoms/, 'perePrenoms'],
  [/^mere\.nom/, 'mereNom'],
  [/^mere\.prenoms/, 'merePrenoms'],
  [/^motif/, 'motif'],
];

const phrase = (r: string) => {
  const t = r.trim();
  return `${t.charAt(0).toLocaleUpperCase('fr-FR')}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

/** The main process's reasons (`details.erreurs`: field path and reason) placed under their fields. */
export function erreursDuContrat(liste: { champ: string; raison: string }[]): ErreursBrouillon {
  const erreurs: ErreursBrouillon = {};
  for (const e of liste) {
    const champ = CHAMPS.find(([m]) => m.test(e.champ))?.[1];
    if (champ && !erreurs[champ]) erreurs[champ] = phrase(e.raison);
  }
  return erreurs;
}

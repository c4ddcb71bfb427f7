import type { Role, TypeActe } from '../../../../../shared/domain/acte';
import { libelleRole } from '../../../../../shared/labels.fr';

/** What the editor asks about each person, by act type: only what such an act records. */
export interface ChampsPersonne {
  sexe: boolean;
  naissance: boolean;
  profession: boolean;
}

/**
 * Same choices as the CSV import's columns (electron/registre/import/colonnes.ts): the child's
 * birth is the act's event (asked once, in the event block); parents' professions are written
 * in every kind of act. A field is also shown whenever it already holds a value, so that
 * nothing an act contains is ever hidden from correction.
 */
export function champsPersonne(
  type: TypeActe,
  role: Role,
  remplis?: { naissance: boolean; profession: boolean },
): ChampsPersonne {
  const base = champsHabituels(type, role);
  return {
    sexe: base.sexe,
    naissance: base.naissance || !!remplis?.naissance,
    profession: base.profession || !!remplis?.profession,
  };
}

function champsHabituels(type: TypeActe, role: Role): ChampsPersonne {
  if (role === 'titulaire') return { sexe: true, naissance: type === 'deces', profession: type === 'deces' };
  if (role === 'epoux1' || role === 'epoux2') return { sexe: true, naissance: true, profession: true };
  if (role === 'conjoint') return { sexe: false, naissance: false, profession: false };
  if (role === 'pere' || role === 'mere') return { sexe: false, naissance: true, profession: true };
  return { sexe: false, naissance: false, profession: true };
}

export function titrePersonne(type: TypeActe, role: Role): string {
  if (role === 'titulaire') return type === 'naissance' ? 'Enfant' : 'Défunt';
  return libelleRole[role];
}

export const libellesEvenement: Record<TypeActe, { titre: string; date: string; lieu: string }> = {
  naissance: { titre: 'Naissance', date: 'Date de naissance', lieu: 'Lieu de naissance' },
  mariage: { titre: 'Mariage', date: 'Date du mariage', lieu: 'Lieu du mariage' },
  deces: { titre: 'Décès', date: 'Date du décès', lieu: 'Lieu du décès' },
};

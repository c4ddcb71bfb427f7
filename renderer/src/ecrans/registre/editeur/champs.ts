import type { ActeSaisi, Role } from '../../../../../shared/domain/acte';
import { Roles } from '../../../../../shared/domain/acte';
import type { ErreurChamp } from '../../../../../shared/errors';

/**
 * Where an error goes in the form. Validation (shared/domain/validation.ts) and the server
 * (zod paths such as "acte.personnes.2.prenoms.0") name fields by their place in the *act*;
 * the form names them by role ("personnes.pere.prenoms"), because persons in the form do not
 * have an index. This turns the first into the second, using the act that was checked.
 *
 * Form keys: annee, numero, dateActe, dateEvenement, lieuEvenement, lieuEvenement.pays,
 * personnes.<role>.<nom|prenoms|sexe|dateNaissance|lieuNaissance|lieuNaissance.pays|profession>,
 * mentions.<i>.<type|date|texte>, indexe, type.
 */
const estRole = (s: string): s is Role => (Roles as readonly string[]).includes(s);

function cleLieu(base: string, reste: string[]): string {
  // One widget shows the commune, its INSEE code and department: their errors go to it; the
  // country has its own input.
  return reste[0] === 'pays' ? `${base}.pays` : base;
}

function clePersonne(role: Role, reste: string[]): string {
  const base = `personnes.${role}`;
  const [champ, ...suite] = reste;
  if (!champ) return `${base}.nom`;
  if (champ === 'lieuNaissance') return cleLieu(`${base}.lieuNaissance`, suite);
  if (champ === 'role') return `${base}.nom`;
  return `${base}.${champ}`;
}

export function cleDuChamp(champ: string, acte: ActeSaisi): string | null {
  const segments = champ
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  if (segments[0] === 'acte') segments.shift();
  const [tete, ...reste] = segments;
  if (!tete) return null;
  if (tete === 'personnes') {
    const [indice, ...suite] = reste;
    if (indice === undefined) return null;
    if (/^\d+$/.test(indice)) {
      const role = acte.personnes[Number(indice)]?.role;
      return role ? clePersonne(role, suite) : null;
    }
    return estRole(indice) ? clePersonne(indice, suite) : null;
  }
  if (estRole(tete)) return clePersonne(tete, reste);
  if (tete === 'lieuEvenement') return cleLieu('lieuEvenement', reste);
  if (tete === 'mentions') {
    const [indice, sousChamp] = reste;
    if (indice === undefined || !/^\d+$/.test(indice)) return null;
    return `mentions.${indice}.${sousChamp ?? 'texte'}`;
  }
  if (['annee', 'numero', 'dateActe', 'dateEvenement', 'indexe', 'type', 'origine'].includes(tete)) return tete;
  return null;
}

export interface ErreursRangees {
  /** Form key -> message (the first one per field: one message at a time is easier to act on). */
  parChamp: Record<string, string>;
  /** Errors that belong to no field of the form; shown above it. */
  generales: string[];
}

export function rangerErreurs(liste: ErreurChamp[], acte: ActeSaisi): ErreursRangees {
  const parChamp: Record<string, string> = {};
  const generales: string[] = [];
  for (const e of liste) {
    const cle = cleDuChamp(e.champ, acte);
    if (cle === null) generales.push(e.raison);
    else parChamp[cle] ??= e.raison;
  }
  return { parChamp, generales };
}

/** Reads `details.erreurs` of a `saisie_invalide` error (it crosses the boundary as unknown). */
export function erreursDesDetails(details: Record<string, unknown> | undefined): ErreurChamp[] {
  const brut = details?.erreurs;
  if (!Array.isArray(brut)) {
    if (typeof details?.champ === 'string' && typeof details?.raison === 'string')
      return [{ champ: details.champ, raison: details.raison }];
    return [];
  }
  return brut.filter(
    (e): e is ErreurChamp =>
      !!e &&
      typeof e === 'object' &&
      typeof (e as ErreurChamp).champ === 'string' &&
      typeof (e as ErreurChamp).raison === 'string',
  );
}

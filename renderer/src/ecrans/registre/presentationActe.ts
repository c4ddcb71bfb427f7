import type { Lieu, Role, TypeActe } from '../../../../shared/domain/acte';
import { formaterDate } from '../../../../shared/domain/dates';

/** How acts, persons and places read on screen (lists and detail panel). */

export function nomComplet(p: { nom: string; prenoms: string[] }): string {
  return [p.nom, p.prenoms.join(' ')].filter(Boolean).join(' ') || '(sans nom)';
}

/** The act's main person(s): the child or the deceased; both spouses for a marriage. */
export function nomsPrincipaux(type: TypeActe, personnes: { role: Role; nom: string; prenoms: string[] }[]): string {
  const roles: Role[] = type === 'mariage' ? ['epoux1', 'epoux2'] : ['titulaire'];
  const noms = roles
    .map((r) => personnes.find((p) => p.role === r))
    .filter((p) => p !== undefined)
    .map(nomComplet);
  return noms.join(' et ') || '(personne non renseignée)';
}

export function texteDate(iso: string | null | undefined): string {
  return iso ? formaterDate(iso) : '—';
}

export function texteLieu(lieu: Lieu | null | undefined): string {
  if (!lieu) return '—';
  if (lieu.pays) return [lieu.commune, lieu.pays].filter(Boolean).join(' (') + (lieu.commune ? ')' : '');
  return lieu.departement ? `${lieu.commune} (${lieu.departement})` : lieu.commune || '—';
}

export function referenceActe(a: { type: TypeActe; annee: number; numero: number }): string {
  return `${a.annee} — n° ${a.numero}`;
}

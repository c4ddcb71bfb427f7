/** Calendar days as integers (days since 1970-01-01, UTC): adding ages and delays stays exact. */
const JOUR_MS = 86_400_000;

export function jourDe(iso: string): number {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / JOUR_MS);
}

export function isoDe(jour: number): string {
  return new Date(jour * JOUR_MS).toISOString().slice(0, 10);
}

export function premierJour(annee: number): number {
  return Math.round(Date.UTC(annee, 0, 1) / JOUR_MS);
}

export function dernierJour(annee: number): number {
  return Math.round(Date.UTC(annee, 11, 31) / JOUR_MS);
}

/** jj/mm/aaaa, how the CSV exports of civil-status software write dates. */
export function dateFrancaise(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

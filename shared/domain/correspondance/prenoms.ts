import { compact } from './memo';
import { absent, different, identique, variante, type Jugement } from './jugement';
import { memeSon } from './nom';
import { uneFauteDeFrappe } from './frappe';
import type { NatureVariante } from './types';

/**
 * Given names as declared against the register's. A given name is a unit: "Jean-Pierre" is one
 * name ("jeanpierre"), not "Jean" plus "Pierre", so a request for "Jean" does not quietly match
 * "Jean-Pierre". Requesters sometimes send all given names in one field ("Marie Anne"):
 * spaces and commas separate units, hyphens do not.
 */
export function unitesPrenoms(prenoms: readonly string[]): string[] {
  return prenoms
    .flatMap((p) => p.split(/[\s,]+/))
    .map(compact)
    .filter(Boolean);
}

type Accord = 'egal' | 'phonetique' | 'faute_de_frappe';

function accord(a: string, b: string): Accord | null {
  if (a === b) return 'egal';
  if (memeSon(a, b)) return 'phonetique';
  if (uneFauteDeFrappe(a, b)) return 'faute_de_frappe';
  return null;
}

/**
 * Pairs each name of `court` with a distinct name of `long`, best agreement first.
 * `ordonne`: pairs must keep both lists' order (a subsequence). Returns the pairs
 * (indexes in `long`) and their agreements, or null when some name finds no partner.
 */
function apparier(court: string[], long: string[], ordonne: boolean): { indices: number[]; accords: Accord[] } | null {
  const pris = new Set<number>();
  const indices: number[] = [];
  const accords: Accord[] = [];
  let debut = 0;
  for (const nom of court) {
    let trouve: { i: number; a: Accord } | null = null;
    for (const voulu of ['egal', 'phonetique', 'faute_de_frappe'] as const) {
      for (let i = ordonne ? debut : 0; i < long.length && !trouve; i++) {
        if (!pris.has(i) && accord(nom, long[i]) === voulu) trouve = { i, a: voulu };
      }
      if (trouve) break;
    }
    if (!trouve) return null;
    pris.add(trouve.i);
    indices.push(trouve.i);
    accords.push(trouve.a);
    debut = trouve.i + 1;
  }
  return { indices, accords };
}

export function comparerPrenoms(
  demande: readonly string[] | null | undefined,
  registre: readonly string[] | null | undefined,
): Jugement {
  const d = unitesPrenoms(demande ?? []);
  const r = unitesPrenoms(registre ?? []);
  if (d.length === 0 || r.length === 0) return absent();
  const brut = (l: readonly string[]) => l.map((p) => p.trim()).join('\u0000');
  if (brut(demande ?? []) === brut(registre ?? [])) return identique();
  // "Jean Pierre" / "Jean-Pierre", "Marie Anne" / "MARIE ANNE": the same letters.
  if (d.join('') === r.join('')) return variante('graphie');

  const [court, long] = d.length <= r.length ? [d, r] : [r, d];
  const ordonne = apparier(court, long, true);
  const paire = ordonne ?? apparier(court, long, false);
  if (!paire) return different();

  const natures: NatureVariante[] = [];
  for (const a of paire.accords) if (a !== 'egal') natures.push(a);
  if (court.length < long.length) natures.push('prenom_manquant');
  // The first given name is the one people use and the one requesters know: a request whose
  // first name is not the act's first name is not a harmless omission.
  if (!ordonne || paire.indices[0] !== 0) natures.push('ordre_prenoms');
  return natures.length ? variante(...natures) : variante('graphie');
}

/**
 * No given name of one list agrees with any of the other (not even by sound or one typing
 * slip): "Marie Hélène" and "Paul", not "Jean Paul" and "Jean Pierre". Lists as displayed
 * (units separated by spaces or commas).
 */
export function aucunPrenomCommun(a: readonly string[], b: readonly string[]): boolean {
  const x = unitesPrenoms(a);
  const y = unitesPrenoms(b);
  if (x.length === 0 || y.length === 0) return false;
  return x.every((p) => y.every((q) => accord(p, q) === null));
}

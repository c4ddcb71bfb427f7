import { citer } from '../citation';

/**
 * Versions of our COMEDEC exchange format. The platform speaks the current version (N) and
 * the previous one (N-1) so that software can catch up; anything else is refused with
 * `format_inconnu` naming the version met. The version is carried by the root element's
 * namespace (`urn:registre:comedec:<n>`) and repeated in its `version` attribute, which must
 * agree: a namespace is what an XML tool dispatches on, the attribute is what a human reads.
 *
 * What version 1 lacks (see docs/format-echange.md):
 * - the requester's procedure deadline (`echeanceProcedure`) in requests and outgoing requests;
 * - the kind of the requester's reference (`reference/@type`).
 * A version 1 document carrying either is invalid; building a version 1 document drops them
 * (the down-conversion a platform does for a client that only knows version 1).
 */
export const VERSIONS_FORMAT = [1, 2] as const;
export type VersionFormat = (typeof VERSIONS_FORMAT)[number];

export const VERSION_COURANTE: VersionFormat = 2;
export const VERSION_PRECEDENTE: VersionFormat = 1;

const PREFIXE = 'urn:registre:comedec:';

export function espaceDeNoms(version: VersionFormat): string {
  return `${PREFIXE}${version}`;
}

export function estVersionConnue(v: unknown): v is VersionFormat {
  return (VERSIONS_FORMAT as readonly unknown[]).includes(v);
}

/**
 * The version a namespace names, compared as an exact string (`urn:registre:comedec:02` or
 * `:0002` is no version at all: XML tools compare namespaces so, and a signature covers the
 * text, not a number read from it): a known version, or the text to quote in a `format_inconnu`
 * error — the version when the namespace is ours, the namespace otherwise, always as a short
 * escaped excerpt (citer): a namespace may be 900,000 characters or carry terminal escapes.
 */
export function versionDeEspace(
  ns: string | null,
): { connue: true; version: VersionFormat } | { connue: false; version: string } {
  for (const v of VERSIONS_FORMAT) if (ns === espaceDeNoms(v)) return { connue: true, version: v };
  if (ns && ns.startsWith(PREFIXE)) return { connue: false, version: citer(ns.slice(PREFIXE.length)) };
  return { connue: false, version: ns ? citer(ns) : '(aucun espace de noms)' };
}

/** The fields only version 2 has, by document (documentation and tests read this list). */
export const CHAMPS_VERSION_2 = {
  demande: ['dates.echeanceProcedure', 'demandeur.typeReference'],
  demandeEmise: ['echeanceProcedure', 'typeReference'],
} as const;

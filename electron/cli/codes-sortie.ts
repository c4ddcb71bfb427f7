import { RegistreError } from '../../shared/errors';

/**
 * The CLI's exit codes, one per kind of failure, so a script can tell "fix your command" from
 * "this document is refused" from "this software is too old for the document" without reading
 * French text. Documented in README.md (« Codes de sortie »); 1 and 2 keep their meaning of
 * before for every command.
 */
export const CODES_SORTIE = {
  succes: 0,
  /** The operation failed: file or act not found, database, card, platform, internal error. */
  echec: 1,
  /** Usage: unknown option, missing argument, a value typed on the command line refused. */
  usage: 2,
  /** A document read (request, answer, receipt…) refused by the reader: unreadable or invalid. */
  documentRefuse: 3,
  /** A document in a version of the exchange format this software does not know. */
  versionInconnue: 4,
} as const;

/** The exit code for an error that ended a command. */
export function codeDeSortie(err: RegistreError): number {
  if (err.code === 'format_inconnu') return CODES_SORTIE.versionInconnue;
  // The reader's refusals name the document (electron/comedec/format/erreurs.ts).
  if (err.code === 'saisie_invalide' && typeof err.details?.document === 'string') return CODES_SORTIE.documentRefuse;
  if (err.code === 'saisie_invalide' || err.code === 'import_invalide') return CODES_SORTIE.usage;
  return CODES_SORTIE.echec;
}

import { MotifsDocumentInvalide } from '../../shared/comedec';
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
  /**
   * The directory of agents refuses this card what was asked (`registre sign`: not a registered
   * card in service of an active officer with a current delegation); the check is in the message.
   */
  droitRefuse: 5,
} as const;

/** The exit code for an error that ended a command. */
export function codeDeSortie(err: RegistreError): number {
  if (err.code === 'format_inconnu') return CODES_SORTIE.versionInconnue;
  // Only the directory's refusals name their check (shared/domain/droits-agent.ts) or the card it
  // does not know: other refusals of rights (no signature certificate…) keep code 1.
  if (
    (err.code === 'droits_insuffisants' && typeof err.details?.controle === 'string') ||
    (err.code === 'carte_inconnue' && err.details?.raison === 'hors_annuaire')
  )
    return CODES_SORTIE.droitRefuse;
  // The reader's refusals name the document (electron/comedec/format/erreurs.ts); the pre-scan's
  // (shared/xml/prebalayage.ts, also used before signing and verifying) carry its verdict.
  const refusDocument =
    typeof err.details?.document === 'string' ||
    (MotifsDocumentInvalide as readonly unknown[]).includes(err.details?.motif);
  if (err.code === 'saisie_invalide' && refusDocument) return CODES_SORTIE.documentRefuse;
  if (err.code === 'saisie_invalide' || err.code === 'import_invalide') return CODES_SORTIE.usage;
  return CODES_SORTIE.echec;
}

import type { z } from 'zod';
import type { MotifDocumentInvalide, NomDocument } from '../../../shared/comedec';
import { RegistreError, erreurs, type ErreurChamp } from '../../../shared/errors';

/**
 * Errors of the format module. A document that cannot be read is a `saisie_invalide` whose
 * details name the document, the field (a path in the typed object, e.g. `personne.prenoms.0`)
 * and the reason in French; `details.motif` says which kind of refusal it is, so the platform
 * maps it to a rejection reason and the client to a quarantine reason without parsing text.
 * An unknown version is `format_inconnu` (`erreurs.formatInconnu`), never a `saisie_invalide`.
 */
export function documentInvalide(
  document: NomDocument,
  motif: MotifDocumentInvalide,
  liste: ErreurChamp[],
): RegistreError {
  const premier = liste[0];
  const message =
    `Document COMEDEC invalide (${document}) : ${premier.raison}` +
    (premier.champ && premier.champ !== 'document' ? ` (${premier.champ})` : '') +
    (liste.length > 1 ? ` et ${liste.length - 1} autre(s) erreur(s)` : '');
  return new RegistreError('saisie_invalide', message, {
    document,
    motif,
    champ: premier.champ,
    raison: premier.raison,
    erreurs: liste,
  });
}

export function erreurDocument(
  document: NomDocument,
  motif: MotifDocumentInvalide,
  champ: string,
  raison: string,
): RegistreError {
  return documentInvalide(document, motif, [{ champ, raison }]);
}

/** Longest reason kept from a schema message (an enum's message lists every value allowed). */
const RAISON_MAX = 160;

/** zod issues -> field errors with dotted paths. */
export function depuisZod(document: NomDocument, erreur: z.ZodError): RegistreError {
  const liste = erreur.issues.slice(0, 20).map((i) => ({
    champ: i.path.length ? i.path.map(String).join('.') : document,
    raison: i.message.length > RAISON_MAX ? `${i.message.slice(0, RAISON_MAX - 1)}…` : i.message,
  }));
  return documentInvalide(document, 'schema', liste);
}

/** True when `e` is a document refusal from this module (not an unknown version). */
export function estDocumentInvalide(
  e: unknown,
): e is RegistreError & { details: { motif: MotifDocumentInvalide; champ: string } } {
  return e instanceof RegistreError && e.code === 'saisie_invalide' && typeof e.details?.document === 'string';
}

export { erreurs };

import type { z } from 'zod';
import type { NomDocument } from '../../../shared/comedec';
import { depuisZod } from './erreurs';

/** Checks a value against a document's schema; a failure is a field-by-field `saisie_invalide`. */
export function valider<S extends z.ZodType>(schema: S, valeur: unknown, document: NomDocument): z.infer<S> {
  const r = schema.safeParse(valeur);
  if (!r.success) throw depuisZod(document, r.error);
  return r.data;
}

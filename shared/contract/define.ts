import { z } from 'zod';
import { ErreurSchema, RegistreError, type ErreurSerialisee } from '../errors';

/**
 * How a contract is written: each area file (registre.ts, carte.ts, ...) declares its calls
 * with `appel(input, output)` and its events with `evenement(payload)`. The Electron IPC
 * binding, the preload bridge, the browser harness and the renderer client are all derived
 * from the merged `contrat` in index.ts: nothing is declared twice.
 */
export interface DefinitionAppel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly entree: I;
  readonly sortie: O;
  readonly description: string;
}

export interface DefinitionEvenement<P extends z.ZodType = z.ZodType> {
  readonly charge: P;
  readonly description: string;
}

export function appel<I extends z.ZodType, O extends z.ZodType>(
  entree: I,
  sortie: O,
  description: string,
): DefinitionAppel<I, O> {
  return { entree, sortie, description };
}

export function evenement<P extends z.ZodType>(charge: P, description: string): DefinitionEvenement<P> {
  return { charge, description };
}

/** Input of a call with no argument. */
export const Rien = z.object({}).strict();
/** Output of a call that returns nothing useful. */
export const Ok = z.object({ ok: z.literal(true) });

/** What crosses the boundary for one call: never a thrown exception, always this envelope. */
export type Enveloppe<T> = { ok: true; valeur: T } | { ok: false; erreur: ErreurSerialisee };

export const EnveloppeSchema = z.union([
  z.object({ ok: z.literal(true), valeur: z.unknown() }),
  z.object({ ok: z.literal(false), erreur: ErreurSchema }),
]);

export function deballer<T>(e: unknown): T {
  const parsed = EnveloppeSchema.safeParse(e);
  if (!parsed.success) throw new RegistreError('interne', 'Réponse illisible du processus principal.');
  if (parsed.data.ok) return parsed.data.valeur as T;
  throw RegistreError.fromJSON(parsed.data.erreur);
}

export { CANAL_APPEL, CANAL_EVENEMENT } from './canaux';

import { RegistreError } from '../../../shared/errors';

/** The French sentence to show for anything a call threw (RegistreError carries its own). */
export function messageErreur(e: unknown): string {
  if (e instanceof RegistreError) return e.message;
  return 'Erreur inattendue. L’opération n’a pas été effectuée.';
}

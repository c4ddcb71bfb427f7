import { z } from 'zod';
import '../../shared/zod-fr';
import {
  appels,
  estNomAppel,
  type EntreeValidee,
  type Enveloppe,
  type NomAppel,
  type SortieAppel,
} from '../../shared/contract';
import { erreurs, RegistreError, versRegistreError } from '../../shared/errors';
import { journal } from '../journal';

/** One handler per call of the contract; TypeScript refuses a missing or extra one. */
export type Gestionnaires = {
  [N in NomAppel]: (entree: EntreeValidee<N>) => Promise<SortieAppel<N>> | SortieAppel<N>;
};

export type Repartiteur = (nom: unknown, entree: unknown) => Promise<Enveloppe<unknown>>;

/**
 * The single entry point both transports call: checks the call exists, validates the argument
 * against the contract, runs the handler, validates the result, and turns every failure into a
 * typed error envelope. Logs carry the call name, the duration and the error code only.
 */
export function creerRepartiteur(gestionnaires: Gestionnaires): Repartiteur {
  const manquants = Object.keys(appels).filter(
    (n) => typeof (gestionnaires as Record<string, unknown>)[n] !== 'function',
  );
  if (manquants.length) throw new Error(`Appels du contrat sans gestionnaire : ${manquants.join(', ')}`);

  return async (nom, entree) => {
    const debut = performance.now();
    if (!estNomAppel(nom)) {
      const e = erreurs.saisieInvalide('appel', 'appel inconnu');
      journal.avertir('appel inconnu', { nom: typeof nom === 'string' ? nom.slice(0, 60) : typeof nom });
      return { ok: false, erreur: e.toJSON() };
    }
    try {
      const definition = appels[nom];
      const analyse = definition.entree.safeParse(entree ?? {});
      if (!analyse.success) throw erreurValidation(analyse.error);
      const gestionnaire = gestionnaires[nom] as (e: unknown) => unknown;
      const resultat = await gestionnaire(analyse.data);
      const sortie = definition.sortie.safeParse(resultat);
      if (!sortie.success) {
        journal.erreur('sortie hors contrat', {
          appel: nom,
          chemins: sortie.error.issues.map((i) => i.path.join('.')),
        });
        throw erreurs.interne('sortie hors contrat');
      }
      journal.debug('appel', { appel: nom, ms: Math.round(performance.now() - debut) });
      return { ok: true, valeur: sortie.data };
    } catch (e) {
      const err = estBaseOccupee(e) ? erreurs.baseOccupee() : versRegistreError(e);
      journal.info('appel en erreur', { appel: nom, code: err.code, ms: Math.round(performance.now() - debut) });
      if (err.code === 'interne' && !(e instanceof RegistreError))
        journal.erreur('exception', { appel: nom, type: (e as Error)?.name });
      return { ok: false, erreur: err.toJSON() };
    }
  };
}

/** SQLite's busy timeout ran out: a long write (an import) holds the database. */
function estBaseOccupee(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

function erreurValidation(erreur: z.ZodError): RegistreError {
  return erreurs.saisiesInvalides(
    erreur.issues.map((i) => ({ champ: i.path.map(String).join('.') || 'entrée', raison: i.message })),
  );
}

import { ActeSchema, type ActeSaisi } from '../../../../../shared/domain/acte';
import { validerActe } from '../../../../../shared/domain/validation';
import { rangerErreurs, type ErreursRangees } from './champs';
import { versActe, type FormulaireActe } from './formulaire';

export interface Verification extends ErreursRangees {
  acte: ActeSaisi;
}

/**
 * Checks the form the way the server will: first what cannot even be read (a date that does
 * not exist, a number with letters), then the domain rules of `validerActe`, the same function
 * the main process applies on save. A field keeps the first message found for it.
 */
export function verifierFormulaire(f: FormulaireActe): Verification {
  const { acte, erreurs } = versActe(f);
  const parChamp: Record<string, string> = {};
  for (const e of erreurs) parChamp[e.cle] ??= e.message;
  const analyse = ActeSchema.safeParse(acte);
  const domaine = analyse.success
    ? rangerErreurs(validerActe(analyse.data), acte)
    : rangerErreurs(
        analyse.error.issues.map((i) => ({ champ: i.path.map(String).join('.'), raison: i.message })),
        acte,
      );
  for (const [cle, message] of Object.entries(domaine.parChamp)) parChamp[cle] ??= message;
  return { acte, parChamp, generales: domaine.generales };
}

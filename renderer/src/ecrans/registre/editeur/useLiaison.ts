import { useCallback } from 'react';
import { useEditeur } from '../../../store/editeur';
import { ecrireChemin, idChamp, lireChemin } from './chemins';

/** Binds one field of the editor's form: its value, its error, change and live check on blur. */
export function useLiaison<T = string>(cle: string) {
  const valeur = useEditeur((e) => lireChemin(e.formulaire, cle)) as T;
  const erreur = useEditeur((e) => e.erreurs[cle]);
  const changer = useEditeur((e) => e.changer);
  const verifier = useEditeur((e) => e.verifierChamp);
  const surChangement = useCallback((v: T) => changer((f) => ecrireChemin(f, cle, v)), [changer, cle]);
  const surSortie = useCallback(() => verifier(cle), [verifier, cle]);
  return { id: idChamp(cle), valeur, erreur, surChangement, surSortie };
}

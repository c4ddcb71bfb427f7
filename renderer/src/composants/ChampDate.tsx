import { memo } from 'react';
import { analyserDate, formaterDate } from '../../../shared/domain/dates';
import { ChampSaisie, type PropsChampSaisie } from './ChampSaisie';

/**
 * A date typed as jj/mm/aaaa. On leaving the field a readable date is rewritten in the
 * canonical form (1/3/1950 -> 01/03/1950); an unreadable one is left exactly as typed, and
 * validation says why.
 */
export const ChampDate = memo(function ChampDate(props: Omit<PropsChampSaisie, 'indication' | 'inputMode'>) {
  return (
    <ChampSaisie
      {...props}
      indication="jj/mm/aaaa"
      inputMode="numeric"
      surSortie={() => {
        const r = props.valeur.trim() ? analyserDate(props.valeur) : null;
        if (r?.ok && formaterDate(r.iso) !== props.valeur) props.surChangement(formaterDate(r.iso));
        props.surSortie?.();
      }}
    />
  );
});

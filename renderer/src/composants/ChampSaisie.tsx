import { memo } from 'react';
import { Field, Input, type InputProps } from '@fluentui/react-components';

export interface PropsChampSaisie {
  id: string;
  libelle: string;
  valeur: string;
  surChangement(valeur: string): void;
  surSortie?(): void;
  erreur?: string;
  aide?: string;
  obligatoire?: boolean;
  indication?: string;
  type?: InputProps['type'];
  inputMode?: InputProps['inputMode'];
  autoFocus?: boolean;
  className?: string;
}

/** One labelled text input with its error message underneath (Fluent's Field wires aria-invalid/describedby). */
// Memoised: a key typed in one field re-renders that field only, not its neighbours in the block.
export const ChampSaisie = memo(function ChampSaisie(props: PropsChampSaisie) {
  return (
    <Field
      className={props.className}
      label={{ children: props.libelle, htmlFor: props.id }}
      required={props.obligatoire}
      validationState={props.erreur ? 'error' : 'none'}
      validationMessage={props.erreur}
      hint={props.aide}
    >
      <Input
        id={props.id}
        value={props.valeur}
        type={props.type}
        inputMode={props.inputMode}
        placeholder={props.indication}
        autoFocus={props.autoFocus}
        autoComplete="off"
        spellCheck={false}
        // Fills its cell and may shrink with it (a native input otherwise keeps ~20 characters).
        style={{ width: '100%', minWidth: 0 }}
        onChange={(_, d) => props.surChangement(d.value)}
        onBlur={props.surSortie}
      />
    </Field>
  );
});

import { useState } from 'react';
import { Combobox, Field, Option } from '@fluentui/react-components';
import type { CommuneReference } from '../../../shared/contract/registre';
import { normaliser } from '../../../shared/domain/normalisation';
import { useCommunes } from './useCommunes';

export interface PropsChampCommune {
  id: string;
  libelle: string;
  texte: string;
  codeInsee: string | null;
  departement: string | null;
  /** Typing: the INSEE code no longer applies until a commune is chosen again. */
  surTexte(texte: string): void;
  surChoix(commune: CommuneReference): void;
  surSortie?(): void;
  erreur?: string;
  obligatoire?: boolean;
  /** Shown when no commune is chosen. */
  aide?: string;
  indication?: string;
}

function libelleCommune(c: CommuneReference): string {
  return `${c.nom} (${c.departement})`;
}

/**
 * A French commune, typed freely with suggestions from the official list (INSEE codes). A
 * commune that is typed but not picked is kept as typed, without a code: old acts name places
 * that no longer exist. On leaving the field, an exact and unique match is picked for the user.
 */
export function ChampCommune(props: PropsChampCommune) {
  const [actif, setActif] = useState(false);
  // The list opens as soon as suggestions arrive for what is being typed (they come after the
  // keystroke, asynchronously), and closes on Échap, on a choice, or when leaving the field.
  const [listeVoulue, setListeVoulue] = useState(false);
  const { suggestions, erreur } = useCommunes(props.texte, actif && !props.codeInsee);

  const choisirParCode = (code: string | undefined) => {
    const c = suggestions.find((s) => s.codeInsee === code);
    if (c) props.surChoix(c);
  };

  const sortir = () => {
    setActif(false);
    setListeVoulue(false);
    if (!props.codeInsee && props.texte.trim()) {
      const cible = normaliser(props.texte);
      const exactes = suggestions.filter((s) => normaliser(s.nom) === cible);
      if (exactes.length === 1) props.surChoix(exactes[0]);
    }
    props.surSortie?.();
  };

  const aide = props.codeInsee
    ? `Code INSEE ${props.codeInsee}${props.departement ? `, département ${props.departement}` : ''}`
    : erreur
      ? 'Liste des communes indisponible : le nom sera gardé tel que saisi.'
      : props.aide;

  return (
    <Field
      label={props.libelle}
      required={props.obligatoire}
      validationState={props.erreur ? 'error' : 'none'}
      validationMessage={props.erreur}
      hint={aide}
    >
      <Combobox
        id={props.id}
        freeform
        // No chevron: suggestions come from typing; an English "Open" button would only add a tab stop.
        expandIcon={null}
        autoComplete="off"
        value={props.texte}
        placeholder={props.indication}
        selectedOptions={props.codeInsee ? [props.codeInsee] : []}
        open={actif && listeVoulue && suggestions.length > 0}
        onOpenChange={(_, d) => setListeVoulue(d.open)}
        onChange={(e) => {
          setActif(true);
          setListeVoulue(true);
          props.surTexte(e.target.value);
        }}
        onFocus={() => setActif(true)}
        onBlur={sortir}
        onOptionSelect={(_, d) => choisirParCode(d.optionValue)}
      >
        {suggestions.map((c) => (
          <Option key={c.codeInsee} value={c.codeInsee} text={c.nom}>
            {`${libelleCommune(c)} — ${c.codeInsee}`}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

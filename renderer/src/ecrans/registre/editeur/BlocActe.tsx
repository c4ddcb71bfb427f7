import { Checkbox, Field, Select } from '@fluentui/react-components';
import { TypesActe, type TypeActe } from '../../../../../shared/domain/acte';
import { libelleTypeActe } from '../../../../../shared/labels.fr';
import { ChampDate } from '../../../composants/ChampDate';
import { ChampSaisie } from '../../../composants/ChampSaisie';
import { useEditeur } from '../../../store/editeur';
import { Groupe, Ligne } from './Groupe';
import { useLiaison } from './useLiaison';

/** The act's place in the register: type, year, number, date of the act, indexed or not. */
export function BlocActe(props: { nouveau: boolean }) {
  const type = useLiaison<TypeActe>('type');
  const annee = useLiaison('annee');
  const numero = useLiaison('numero');
  const dateActe = useLiaison('dateActe');
  const indexe = useEditeur((e) => e.formulaire.indexe);
  const changer = useEditeur((e) => e.changer);
  return (
    <Groupe titre="Acte">
      <Ligne>
        <Field
          label={{ children: 'Type d’acte', htmlFor: type.id }}
          required
          hint={props.nouveau ? undefined : 'Non modifiable'}
        >
          <Select
            id={type.id}
            value={type.valeur}
            disabled={!props.nouveau}
            onChange={(_, d) => type.surChangement(d.value as TypeActe)}
          >
            {TypesActe.map((t) => (
              <option key={t} value={t}>
                {libelleTypeActe[t]}
              </option>
            ))}
          </Select>
        </Field>
        <ChampSaisie {...annee} libelle="Année du registre" obligatoire inputMode="numeric" />
        <ChampSaisie {...numero} libelle="Numéro" obligatoire inputMode="numeric" />
        <ChampDate {...dateActe} libelle="Date de l’acte" />
      </Ligne>
      <Checkbox
        checked={indexe}
        onChange={(_, d) => changer((f) => ({ ...f, indexe: !!d.checked }))}
        label="Acte indexé (décoché : acte connu seulement par son type, son année et son numéro)"
      />
    </Groupe>
  );
}

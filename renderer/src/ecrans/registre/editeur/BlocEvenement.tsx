import type { TypeActe } from '../../../../../shared/domain/acte';
import { ChampDate } from '../../../composants/ChampDate';
import { ChampLieu } from './ChampLieu';
import { Groupe, Ligne } from './Groupe';
import { libellesEvenement } from './presentation';
import { useLiaison } from './useLiaison';

/** The event the act records: birth, marriage or death, with its date and place. */
export function BlocEvenement(props: { type: TypeActe }) {
  const libelles = libellesEvenement[props.type];
  const date = useLiaison('dateEvenement');
  return (
    <Groupe titre={libelles.titre}>
      <Ligne>
        <ChampDate {...date} libelle={libelles.date} obligatoire />
        <ChampLieu cle="lieuEvenement" libelle={libelles.lieu} obligatoire />
      </Ligne>
    </Groupe>
  );
}

import { Field, Select } from '@fluentui/react-components';
import type { Role, TypeActe } from '../../../../../shared/domain/acte';
import { ChampDate } from '../../../composants/ChampDate';
import { ChampSaisie } from '../../../composants/ChampSaisie';
import { ChampLieu } from './ChampLieu';
import { Groupe, Ligne } from './Groupe';
import { champsPersonne, titrePersonne } from './presentation';
import { rolesObligatoires } from './formulaire';
import { useLiaison } from './useLiaison';
import { useShallow } from 'zustand/react/shallow';
import { useEditeur } from '../../../store/editeur';

/** One person of the act (child, deceased, spouse, parent...): only the fields this role records. */
export function BlocPersonne(props: { type: TypeActe; role: Role }) {
  const base = `personnes.${props.role}`;
  const remplis = useEditeur(
    useShallow((e) => {
      const p = e.formulaire.personnes[props.role];
      // The child's birth is the act's event: asked once, in the event block.
      const naissanceEnfant = props.type === 'naissance' && props.role === 'titulaire';
      return {
        naissance:
          !naissanceEnfant &&
          !!(p.dateNaissance.trim() || p.lieuNaissance.commune.trim() || p.lieuNaissance.pays.trim()),
        profession: !!p.profession.trim(),
      };
    }),
  );
  const champs = champsPersonne(props.type, props.role, remplis);
  const principal = rolesObligatoires[props.type].includes(props.role);
  const nom = useLiaison(`${base}.nom`);
  const prenoms = useLiaison(`${base}.prenoms`);
  const sexe = useLiaison(`${base}.sexe`);
  const dateNaissance = useLiaison(`${base}.dateNaissance`);
  const profession = useLiaison(`${base}.profession`);
  return (
    <Groupe titre={titrePersonne(props.type, props.role)}>
      <Ligne>
        <ChampSaisie {...nom} libelle="Nom" obligatoire={principal} />
        <ChampSaisie {...prenoms} libelle="Prénoms" indication="ex. : Marie, Louise" />
        {champs.sexe && (
          <Field
            label={{ children: 'Sexe', htmlFor: sexe.id }}
            validationState={sexe.erreur ? 'error' : 'none'}
            validationMessage={sexe.erreur}
          >
            <Select
              id={sexe.id}
              value={sexe.valeur}
              onChange={(_, d) => sexe.surChangement(d.value)}
              onBlur={sexe.surSortie}
            >
              <option value="">Non précisé</option>
              <option value="M">Masculin</option>
              <option value="F">Féminin</option>
            </Select>
          </Field>
        )}
      </Ligne>
      {champs.naissance && (
        <Ligne>
          <ChampDate {...dateNaissance} libelle="Date de naissance" />
          <ChampLieu cle={`${base}.lieuNaissance`} libelle="Lieu de naissance" />
        </Ligne>
      )}
      {champs.profession && (
        <Ligne>
          <ChampSaisie {...profession} libelle="Profession" />
        </Ligne>
      )}
    </Groupe>
  );
}

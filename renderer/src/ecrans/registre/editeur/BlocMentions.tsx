import { Button, Field, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { TypesMention, type TypeMention } from '../../../../../shared/domain/acte';
import { libelleMention } from '../../../../../shared/labels.fr';
import { ChampDate } from '../../../composants/ChampDate';
import { useEditeur } from '../../../store/editeur';
import { idChamp } from './chemins';
import { mentionVide } from './formulaire';
import { Groupe } from './Groupe';
import { useLiaison } from './useLiaison';

const useStyles = makeStyles({
  mention: {
    display: 'grid',
    gridTemplateColumns: '15em 10em minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  retirer: { marginTop: '24px' },
  // Grid cells may shrink below their content (a native select is as wide as its longest option).
  cellule: { minWidth: 0 },
  pleineLargeur: { width: '100%', minWidth: 0 },
});

function LigneMention(props: { indice: number }) {
  const styles = useStyles();
  const base = `mentions.${props.indice}`;
  const type = useLiaison<TypeMention>(`${base}.type`);
  const date = useLiaison(`${base}.date`);
  const texte = useLiaison(`${base}.texte`);
  const changer = useEditeur((e) => e.changer);
  const numero = props.indice + 1;
  return (
    <div className={styles.mention} role="group" aria-label={`Mention ${numero}`}>
      <Field
        className={styles.cellule}
        label={{ children: 'Nature', htmlFor: type.id }}
        validationMessage={type.erreur}
        validationState={type.erreur ? 'error' : 'none'}
      >
        <Select
          className={styles.pleineLargeur}
          id={type.id}
          value={type.valeur}
          onChange={(_, d) => type.surChangement(d.value as TypeMention)}
        >
          {TypesMention.map((t) => (
            <option key={t} value={t}>
              {libelleMention[t]}
            </option>
          ))}
        </Select>
      </Field>
      <ChampDate {...date} libelle="Date" className={styles.cellule} />
      <Field
        className={styles.cellule}
        label={{ children: 'Texte de la mention', htmlFor: texte.id }}
        required
        validationMessage={texte.erreur}
        validationState={texte.erreur ? 'error' : 'none'}
      >
        <Textarea
          id={texte.id}
          value={texte.valeur}
          resize="vertical"
          onChange={(_, d) => texte.surChangement(d.value)}
          onBlur={texte.surSortie}
        />
      </Field>
      <Button
        className={styles.retirer}
        icon={<Delete20Regular />}
        aria-label={`Retirer la mention ${numero}`}
        title={`Retirer la mention ${numero}`}
        onClick={() => {
          changer((f) => ({ ...f, mentions: f.mentions.filter((_, i) => i !== props.indice) }));
          // Keep the keyboard user in the list: focus the add button once the row is gone.
          requestAnimationFrame(() => document.getElementById('bouton-ajouter-mention')?.focus());
        }}
      />
    </div>
  );
}

/** Marginal mentions: later events written in the act's margin. Rows can be added and removed. */
export function BlocMentions() {
  const mentions = useEditeur((e) => e.formulaire.mentions);
  const changer = useEditeur((e) => e.changer);
  const ajouter = () => {
    const indice = mentions.length;
    changer((f) => ({ ...f, mentions: [...f.mentions, mentionVide()] }));
    requestAnimationFrame(() => document.getElementById(idChamp(`mentions.${indice}.type`))?.focus());
  };
  return (
    <Groupe titre="Mentions marginales">
      {mentions.length === 0 && <Text>Aucune mention marginale.</Text>}
      {mentions.map((m, i) => (
        <LigneMention key={m.cle} indice={i} />
      ))}
      <div>
        <Button id="bouton-ajouter-mention" icon={<Add20Regular />} onClick={ajouter}>
          Ajouter une mention
        </Button>
      </div>
    </Groupe>
  );
}

import { makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import type { ApercuReponse } from '../../../../../shared/contract/reponses';

const useStyles = makeStyles({ groupe: { gap: tokens.spacingVerticalXXS } });

/** The candidate acts, best first; 1 to 9 or the arrows choose the one shown beside the declaration. */
export function ListeCandidats(props: {
  candidats: ApercuReponse['rapprochement']['candidats'];
  choisi: number;
  surChoisir: (index: number) => void;
}) {
  const styles = useStyles();
  return (
    <RadioGroup
      className={styles.groupe}
      aria-label="Actes candidats (touches 1 à 9 ou flèches)"
      value={String(props.choisi)}
      onChange={(_, d) => props.surChoisir(Number(d.value))}
    >
      {props.candidats.map((c, i) => (
        <Radio
          key={c.acteId}
          value={String(i)}
          label={`${i + 1}. ${c.designation} — ${c.score} %${c.concordant ? ', concordant' : ', à examiner'}`}
        />
      ))}
    </RadioGroup>
  );
}

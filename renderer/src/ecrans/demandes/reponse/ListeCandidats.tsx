import { makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import type { ApercuReponse } from '../../../../../shared/contract/reponses';
import { libelleVerdict } from './libelles';

const useStyles = makeStyles({
  groupe: { gap: tokens.spacingVerticalXXS },
  differences: { paddingLeft: tokens.spacingHorizontalXXXL, color: tokens.colorNeutralForeground2 },
});

type Candidat = ApercuReponse['rapprochement']['candidats'][number];

/** What sets a candidate apart from the declaration, in one line: every twin or namesake stays comparable. */
function differences(c: Candidat): string {
  const ecarts = c.comparaisons.filter((x) => x.verdict === 'different' || x.verdict === 'variante');
  if (!ecarts.length) return 'Aucune différence avec la déclaration.';
  return `Différences : ${ecarts
    .map(
      (x) =>
        `${x.libelle} déclaré « ${x.demande ?? '—'} », registre « ${x.registre ?? '—'} » (${libelleVerdict[x.verdict].toLocaleLowerCase('fr-FR')})`,
    )
    .join(' ; ')}.`;
}

/**
 * The candidate acts, best first, each with its differences from the declaration; 1 to 9 or the
 * arrows choose the one shown beside the declaration.
 */
export function ListeCandidats(props: { candidats: Candidat[]; choisi: number; surChoisir: (index: number) => void }) {
  const styles = useStyles();
  return (
    <RadioGroup
      className={styles.groupe}
      aria-label="Actes candidats (touches 1 à 9 ou flèches)"
      value={String(props.choisi)}
      onChange={(_, d) => props.surChoisir(Number(d.value))}
    >
      {props.candidats.map((c, i) => (
        <div key={c.acteId}>
          <Radio
            value={String(i)}
            label={`${i + 1}. ${c.designation} — ${c.score} %${c.concordant ? ', concordant' : ', à examiner'}`}
            input={{ 'aria-describedby': `differences-candidat-${c.acteId}` }}
          />
          <Text as="p" size={200} block id={`differences-candidat-${c.acteId}`} className={styles.differences}>
            {differences(c)}
          </Text>
        </div>
      ))}
    </RadioGroup>
  );
}

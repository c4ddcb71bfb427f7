import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ResultatRecherche } from '../../../../shared/contract/registre';
import { BadgeCorrespondance } from './BadgeCorrespondance';
import { BadgeType } from './BadgeType';
import { nomsPrincipaux, referenceActe, texteDate } from './presentationActe';

export const HAUTEUR_LIGNE = 60;

const useStyles = makeStyles({
  ligne: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${HAUTEUR_LIGNE}px`,
    boxSizing: 'border-box',
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    gridTemplateRows: 'auto auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  surlignee: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  ouverte: { fontWeight: tokens.fontWeightSemibold },
  noms: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  secondaire: { gridColumn: '2 / 4', color: tokens.colorNeutralForeground2 },
});

/** One act in the result list: type, year and number, names, date, how it matched. */
export function LigneResultat(props: {
  id: string;
  resultat: ResultatRecherche;
  position: number;
  total: number;
  debut: number;
  surlignee: boolean;
  ouverte: boolean;
  surClic(): void;
}) {
  const styles = useStyles();
  const r = props.resultat;
  return (
    <div
      id={props.id}
      role="option"
      aria-selected={props.surlignee}
      aria-posinset={props.position + 1}
      aria-setsize={props.total}
      className={mergeClasses(styles.ligne, props.surlignee && styles.surlignee, props.ouverte && styles.ouverte)}
      style={{ transform: `translateY(${props.debut}px)` }}
      onMouseDown={(e) => e.preventDefault() /* keep the focus in the search box */}
      onClick={props.surClic}
    >
      <BadgeType type={r.type} />
      <Text className={styles.noms} weight={props.ouverte ? 'semibold' : 'regular'}>
        {r.indexe ? nomsPrincipaux(r.type, r.personnes) : 'Acte non indexé'}
      </Text>
      {r.correspondance ? <BadgeCorrespondance correspondance={r.correspondance} /> : <span />}
      <Text size={200} className={styles.secondaire}>
        {referenceActe(r)} · {texteDate(r.dateEvenement)}
      </Text>
    </div>
  );
}

import type { ReactElement } from 'react';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircle16Regular,
  DismissCircle16Filled,
  Subtract16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import type { ComparaisonChamp, Verdict } from '../../../../../shared/domain/correspondance/types';
import { libelleNature, libelleVerdict } from './libelles';

const useStyles = makeStyles({
  verdict: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  different: { backgroundColor: tokens.colorPaletteRedBackground1, fontWeight: tokens.fontWeightSemibold },
  variante: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

const icones: Record<Verdict, ReactElement> = {
  identique: <CheckmarkCircle16Regular aria-hidden />,
  variante: <Warning16Filled aria-hidden />,
  different: <DismissCircle16Filled aria-hidden />,
  absent: <Subtract16Regular aria-hidden />,
};

/**
 * The declaration beside the register's act, field by field. A difference is said by a word and
 * an icon, the row's colour only repeats it.
 */
export function ComparaisonChamps(props: { comparaisons: ComparaisonChamp[]; titre: string }) {
  const styles = useStyles();
  return (
    <Table aria-label={props.titre} size="extra-small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Champ</TableHeaderCell>
          <TableHeaderCell>Déclaré</TableHeaderCell>
          <TableHeaderCell>Registre</TableHeaderCell>
          <TableHeaderCell>Comparaison</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.comparaisons.map((c) => (
          <TableRow
            key={c.champ}
            className={
              c.verdict === 'different' ? styles.different : c.verdict === 'variante' ? styles.variante : undefined
            }
          >
            <TableCell>{c.libelle}</TableCell>
            <TableCell>{c.demande ?? '—'}</TableCell>
            <TableCell>{c.registre ?? '—'}</TableCell>
            <TableCell>
              <span className={styles.verdict}>
                {icones[c.verdict]}
                {libelleVerdict[c.verdict]}
                {c.natures.length ? ` (${c.natures.map((n) => libelleNature[n]).join(', ')})` : ''}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

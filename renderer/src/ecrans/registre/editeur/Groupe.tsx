import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  groupe: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
    margin: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  legende: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    color: tokens.colorBrandForeground1,
  },
});

/** A titled group of fields (fieldset + legend: screen readers announce the group with each field). */
export function Groupe(props: { titre: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  return (
    <fieldset className={`${styles.groupe} ${props.className ?? ''}`}>
      <legend className={styles.legende}>{props.titre}</legend>
      {props.children}
    </fieldset>
  );
}

const useStylesLigne = makeStyles({
  ligne: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12em, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
    // Cells may shrink below their content (a native select is as wide as its longest option).
    '& > *': { minWidth: 0 },
  },
});

/** Fields side by side, wrapping on narrow windows. */
export function Ligne(props: { children: ReactNode }) {
  return <div className={useStylesLigne().ligne}>{props.children}</div>;
}

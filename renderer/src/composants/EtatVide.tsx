import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  racine: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL,
    color: tokens.colorNeutralForeground2,
    height: '100%',
    boxSizing: 'border-box',
  },
  icone: { color: tokens.colorBrandForeground1, display: 'flex', '& svg': { width: '48px', height: '48px' } },
  texte: { maxWidth: '520px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', justifyContent: 'center' },
});

/** A screen or list with nothing to show: what it is, why it is empty, and what to do now. */
export function EtatVide(props: { icone?: ReactNode; titre: string; children?: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.racine}>
      {props.icone && (
        <span className={styles.icone} aria-hidden="true">
          {props.icone}
        </span>
      )}
      <Text as="h2" size={500} weight="semibold" style={{ margin: 0 }}>
        {props.titre}
      </Text>
      {props.children && <div className={styles.texte}>{props.children}</div>}
      {props.actions && <div className={styles.actions}>{props.actions}</div>}
    </div>
  );
}

import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  carte: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  description: { color: tokens.colorNeutralForeground2 },
});

/** A titled section of the Paramètres screen. */
export function Carte(props: { titre: string; description?: ReactNode; children: ReactNode; id: string }) {
  const styles = useStyles();
  return (
    <section className={styles.carte} aria-labelledby={props.id}>
      <Text as="h2" id={props.id} size={500} weight="semibold" style={{ margin: 0 }}>
        {props.titre}
      </Text>
      {props.description && (
        <Text as="p" className={styles.description} style={{ margin: 0 }}>
          {props.description}
        </Text>
      )}
      {props.children}
    </section>
  );
}

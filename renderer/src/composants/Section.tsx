import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  description: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** A titled block of a screen (Cartes, Paramètres...). */
export function Section(props: { id: string; titre: string; description?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <Text as="h2" id={props.id} size={500} weight="semibold" style={{ margin: 0 }}>
        {props.titre}
      </Text>
      {props.description && (
        <Text as="p" className={styles.description}>
          {props.description}
        </Text>
      )}
      {props.children}
    </section>
  );
}

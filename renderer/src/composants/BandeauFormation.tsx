import { makeStyles, tokens } from '@fluentui/react-components';
import { useBarreEtat } from '../store/barreEtat';

const useStyles = makeStyles({
  bande: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.2em',
    textAlign: 'center',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
  },
});

/**
 * On every screen while the training world is open: nothing done here is real, and nothing
 * real is shown here (training has its own database).
 */
export function BandeauFormation() {
  const styles = useStyles();
  const formation = useBarreEtat((e) => e.informations?.formation ?? false);
  if (!formation) return null;
  return (
    <div
      role="status"
      className={styles.bande}
      data-testid="bandeau-formation"
      title="Mode formation : base d’entraînement, séparée du registre réel"
    >
      FORMATION — base d’entraînement, rien n’est réel
    </div>
  );
}

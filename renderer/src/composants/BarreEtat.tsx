import { makeStyles, tokens, Text } from '@fluentui/react-components';
import { libellePlateforme } from '../../../shared/contract/parametres';
import { useBarreEtat } from '../store/barreEtat';
import { useCommune } from '../store/commune';
import { ID_EMPLACEMENT_BARRE_ETAT } from './DansBarreEtat';
import { formaterNombre } from './format';

const useStyles = makeStyles({
  racine: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground4,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    minHeight: '28px',
  },
  annonce: { flexGrow: 1, textAlign: 'right' },
  emplacement: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Bottom bar: the commune as the platform knows it, the register's size, the last announcement, the version. */
export function BarreEtat() {
  const styles = useStyles();
  const commune = useCommune((e) => e.commune);
  const statistiques = useBarreEtat((e) => e.statistiques);
  const informations = useBarreEtat((e) => e.informations);
  const annonce = useBarreEtat((e) => e.annonce);
  return (
    <footer className={styles.racine} aria-label="Barre d’état">
      <Text size={200}>{commune ? libellePlateforme(commune) : 'Commune non renseignée'}</Text>
      {statistiques && (
        <Text size={200}>
          {formaterNombre(statistiques.total)} acte{statistiques.total > 1 ? 's' : ''}
          {statistiques.nonIndexes > 0 &&
            ` (${formaterNombre(statistiques.nonIndexes)} non indexé${statistiques.nonIndexes > 1 ? 's' : ''})`}
        </Text>
      )}
      <span id={ID_EMPLACEMENT_BARRE_ETAT} className={styles.emplacement} />
      <Text size={200} className={styles.annonce} role="status" aria-live="polite">
        {annonce}
      </Text>
      {informations && (
        <Text size={200}>
          Version {informations.version}
          {informations.transport === 'navigateur' ? ' — navigateur' : ''}
        </Text>
      )}
    </footer>
  );
}

import type { ReactElement } from 'react';
import { makeStyles, Tab, TabList, Text, tokens, Button, Tooltip } from '@fluentui/react-components';
import {
  BookOpen24Regular,
  ContactCard24Regular,
  DataBarVertical24Regular,
  Keyboard24Regular,
  MailInbox24Regular,
  Settings24Regular,
} from '@fluentui/react-icons';
import { ecrans, libelleEcran, type Ecran } from '../../../shared/labels.fr';
import { useNavigation } from '../store/navigation';

const icones: Record<Ecran, ReactElement> = {
  demandes: <MailInbox24Regular />,
  registre: <BookOpen24Regular />,
  cartes: <ContactCard24Regular />,
  statistiques: <DataBarVertical24Regular />,
  parametres: <Settings24Regular />,
};

const useStyles = makeStyles({
  racine: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: '190px',
  },
  marque: { padding: `0 ${tokens.spacingHorizontalM}`, color: tokens.colorBrandForeground1 },
  liste: { flexGrow: 1 },
});

/** The main navigation: one entry per screen; Alt+1 to Alt+5 reach them from anywhere. */
export function Navigation(props: { surAideClavier: () => void }) {
  const styles = useStyles();
  const ecran = useNavigation((e) => e.ecran);
  const aller = useNavigation((e) => e.aller);
  return (
    <nav className={styles.racine} aria-label="Navigation principale">
      <Text className={styles.marque} size={500} weight="bold">
        Registre
      </Text>
      <TabList
        className={styles.liste}
        vertical
        size="large"
        selectedValue={ecran}
        onTabSelect={(_, d) => aller(d.value as Ecran)}
        aria-label="Écrans"
      >
        {ecrans.map((e, i) => (
          <Tab key={e} value={e} icon={icones[e]} aria-keyshortcuts={`Alt+${i + 1}`}>
            {libelleEcran[e]}
          </Tab>
        ))}
      </TabList>
      <Tooltip content="Raccourcis clavier (F1)" relationship="description">
        <Button appearance="subtle" icon={<Keyboard24Regular />} onClick={props.surAideClavier}>
          Raccourcis clavier
        </Button>
      </Tooltip>
    </nav>
  );
}

import { useEffect, useState } from 'react';
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { OngletAnnuaire } from './annuaire/OngletAnnuaire';
import { PropositionAnnuaire } from './annuaire/PropositionAnnuaire';
import { GestionPin } from './GestionPin';
import { PanneauLecteurs } from './PanneauLecteurs';
import { ReglagesCarte } from './ReglagesCarte';
import { Section } from '../../composants/Section';
import { SignatureLot } from './SignatureLot';
import { useCartes } from './store';

const useStyles = makeStyles({
  racine: { height: '100%', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground2 },
  contenu: {
    maxWidth: '1000px',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  annonce: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

type Onglet = 'ma-carte' | 'agents' | 'cartes-agents';

/**
 * Cartes, three tabs. "Ma carte": the agent card, live (reader, card present or not, holder,
 * certificates with their validity, PIN tries), the signature of pending documents, the PIN
 * tools, and the card's settings. "Agents et droits" and "Cartes des agents": the directory
 * (docs/annuaire.md).
 */
export function EcranCartes() {
  const styles = useStyles();
  const etat = useCartes((e) => e.etat);
  const erreur = useCartes((e) => e.erreur);
  const annonce = useCartes((e) => e.annonce);
  const [onglet, setOnglet] = useState<Onglet>('ma-carte');

  useEffect(() => {
    const debrancher = useCartes.getState().brancher();
    void useCartes.getState().charger();
    return debrancher;
  }, []);

  return (
    <div className={styles.racine}>
      <div className={styles.contenu}>
        <Text as="h1" size={700} weight="semibold">
          Carte agent
        </Text>
        <div className={styles.annonce} role="status" aria-live="polite">
          {annonce}
        </div>
        <TabList selectedValue={onglet} onTabSelect={(_, d) => setOnglet(d.value as Onglet)} aria-label="Cartes">
          <Tab value="ma-carte">Ma carte</Tab>
          <Tab value="agents">Agents et droits</Tab>
          <Tab value="cartes-agents">Cartes des agents</Tab>
        </TabList>
        {onglet !== 'ma-carte' && <OngletAnnuaire onglet={onglet} />}
        {onglet === 'ma-carte' && <PropositionAnnuaire surCreer={() => setOnglet('agents')} />}
        {onglet === 'ma-carte' && etat?.mode === 'formation' && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Mode formation : les signatures faites ici ne valent que pour l’entraînement.
            </MessageBarBody>
          </MessageBar>
        )}
        {onglet === 'ma-carte' && erreur && (
          <MessageBar intent="error">
            <MessageBarBody>{erreur}</MessageBarBody>
          </MessageBar>
        )}
        {onglet === 'ma-carte' && !etat && !erreur && <Spinner label="Recherche des lecteurs de carte…" />}
        {onglet === 'ma-carte' && etat && (
          <>
            <Section
              id="titre-lecteurs"
              titre="Lecteurs et cartes"
              description="L’état se met à jour seul quand une carte est insérée ou retirée."
            >
              <PanneauLecteurs />
            </Section>
            <Section
              id="titre-signature"
              titre="Documents à signer"
              description="Une seule saisie du code PIN signe tout le lot."
            >
              <SignatureLot />
            </Section>
            <Section
              id="titre-pin"
              titre="Code PIN"
              description="Changer le code, ou débloquer la carte avec le code de déblocage (responsable cartes)."
            >
              <GestionPin />
            </Section>
            <Section id="titre-reglages" titre="Réglages de la carte">
              <ReglagesCarte />
            </Section>
          </>
        )}
      </div>
    </div>
  );
}

export default EcranCartes;

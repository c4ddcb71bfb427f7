import { useEffect } from 'react';
import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
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

/**
 * Cartes: the agent card, live (reader, card present or not, holder, certificates with their
 * validity, PIN tries), the signature of pending documents, the PIN tools of the card manager,
 * and the card's settings.
 */
export function EcranCartes() {
  const styles = useStyles();
  const etat = useCartes((e) => e.etat);
  const erreur = useCartes((e) => e.erreur);
  const annonce = useCartes((e) => e.annonce);

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
        {etat?.mode === 'formation' && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Mode formation : les signatures faites ici ne valent que pour l’entraînement.
            </MessageBarBody>
          </MessageBar>
        )}
        {erreur && (
          <MessageBar intent="error">
            <MessageBarBody>{erreur}</MessageBarBody>
          </MessageBar>
        )}
        {!etat && !erreur && <Spinner label="Recherche des lecteurs de carte…" />}
        {etat && (
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

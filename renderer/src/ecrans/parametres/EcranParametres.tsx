import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCommune } from '../../store/commune';
import { Section } from '../../composants/Section';
import { CarteAPropos } from './CarteAPropos';
import { CarteSauvegardes } from './CarteSauvegardes';
import { FormulaireCommune } from './FormulaireCommune';

const useStyles = makeStyles({
  racine: { height: '100%', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground2 },
  contenu: {
    maxWidth: '960px',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

/** Paramètres: the commune's identity, backups, version. */
export function EcranParametres() {
  const styles = useStyles();
  const commune = useCommune((e) => e.commune);
  const etat = useCommune((e) => e.etat);
  return (
    <div className={styles.racine}>
      <div className={styles.contenu}>
        <Text as="h1" size={700} weight="semibold" style={{ margin: 0 }}>
          Paramètres
        </Text>
        <Section
          id="titre-commune"
          titre="Identité de la commune"
          description={
            etat === 'pret' && !commune
              ? 'À renseigner en premier : la commune est nommée sur les extraits et identifie la mairie auprès de la plateforme COMEDEC.'
              : 'La commune est nommée sur les extraits et identifie la mairie auprès de la plateforme COMEDEC.'
          }
        >
          <FormulaireCommune />
        </Section>
        <CarteSauvegardes />
        <CarteAPropos />
      </div>
    </div>
  );
}

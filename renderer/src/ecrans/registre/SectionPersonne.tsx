import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Acte, Personne } from '../../../../shared/domain/acte';
import { libelleSexe } from '../../../../shared/labels.fr';
import { titrePersonne } from './editeur/presentation';
import { texteDate, texteLieu } from './presentationActe';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  liste: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  terme: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0 },
});

/** Label/value pairs as a description list: read as such by screen readers. */
export function ListeDefinitions(props: { elements: [string, string][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.liste}>
      {props.elements.map(([terme, valeur]) => (
        <div key={terme} style={{ display: 'contents' }}>
          <dt className={styles.terme}>{terme}</dt>
          <dd className={styles.definition}>{valeur}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Everything the register holds about one person of the act. */
export function SectionPersonne(props: { type: Acte['type']; personne: Personne }) {
  const styles = useStyles();
  const p = props.personne;
  const elements: [string, string][] = [
    ['Nom', p.nom || '—'],
    ['Prénoms', p.prenoms.join(', ') || '—'],
  ];
  if (p.sexe) elements.push(['Sexe', libelleSexe[p.sexe]]);
  if (p.dateNaissance) elements.push(['Date de naissance', texteDate(p.dateNaissance)]);
  if (p.lieuNaissance) elements.push(['Lieu de naissance', texteLieu(p.lieuNaissance)]);
  if (p.profession) elements.push(['Profession', p.profession]);
  return (
    <section className={styles.section} aria-label={titrePersonne(props.type, p.role)}>
      <Text as="h3" weight="semibold" style={{ margin: 0 }}>
        {titrePersonne(props.type, p.role)}
      </Text>
      <ListeDefinitions elements={elements} />
    </section>
  );
}

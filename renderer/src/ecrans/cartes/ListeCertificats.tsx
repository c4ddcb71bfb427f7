import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CertificatCarte } from '../../../../shared/contract/carte';
import { couleurValidite, dateFr, libelleUsage, libelleValidite } from './libelles';

const useStyles = makeStyles({
  liste: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  certificat: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, auto) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  titre: {
    gridColumn: '1 / -1',
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  terme: { color: tokens.colorNeutralForeground2 },
});

/** The card's certificates: use, holder, issuer, serial, validity (with the expiry warning). */
export function ListeCertificats(props: { certificats: CertificatCarte[] }) {
  const styles = useStyles();
  const ordre = { signature: 0, authentification: 1, autre: 2, autorite: 3 };
  const tries = [...props.certificats].sort((a, b) => ordre[a.usage] - ordre[b.usage]);
  return (
    <ul className={styles.liste} aria-label="Certificats de la carte">
      {tries.map((c) => (
        <li key={c.empreinte} className={styles.certificat}>
          <div className={styles.titre}>
            <Text weight="semibold">{libelleUsage[c.usage]}</Text>
            <Badge appearance="tint" color={couleurValidite[c.validite]}>
              {libelleValidite(c)}
            </Badge>
            {c.formation && (
              <Badge appearance="tint" color="warning">
                carte de formation
              </Badge>
            )}
          </div>
          <Text className={styles.terme}>Titulaire</Text>
          <Text>
            {c.titulaire}
            {c.organisation ? ` — ${c.organisation}` : ''}
            {c.uniteOrganisation ? ` (${c.uniteOrganisation})` : ''}
          </Text>
          <Text className={styles.terme}>Émis par</Text>
          <Text>{c.emetteur}</Text>
          <Text className={styles.terme}>Numéro de série</Text>
          <Text font="monospace">{c.serie}</Text>
          <Text className={styles.terme}>Validité</Text>
          <Text>
            du {dateFr(c.debut)} au {dateFr(c.fin)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

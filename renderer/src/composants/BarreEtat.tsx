import { useEffect } from 'react';
import { Badge, makeStyles, mergeClasses, tokens, Text } from '@fluentui/react-components';
import { libellePlateforme } from '../../../shared/contract/parametres';
import { etatPlateforme, resumeCarte } from '../../../shared/domain/barre-etat';
import { useSessionCarte } from '../ecrans/cartes/useSessionCarte';
import { useCartes } from '../ecrans/cartes/store';
import { useBarreEtat } from '../store/barreEtat';
import { useCommune } from '../store/commune';
import { ID_EMPLACEMENT_BARRE_ETAT } from './DansBarreEtat';
import { formaterHorodatage, formaterNombre } from './format';

const useStyles = makeStyles({
  racine: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground4,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    minHeight: '28px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  annonce: { flexGrow: 1, textAlign: 'right', overflow: 'hidden', textOverflow: 'ellipsis' },
  emplacement: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  // A dot before the text: colour helps, the words say it all.
  voyant: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    '::before': {
      content: '""',
      width: '8px',
      height: '8px',
      borderRadius: '50%',
      backgroundColor: tokens.colorNeutralForeground3,
    },
  },
  ok: { '::before': { backgroundColor: tokens.colorPaletteGreenForeground1 } },
  attention: { '::before': { backgroundColor: tokens.colorPaletteDarkOrangeForeground1 } },
});

/** Who holds the card at the keyboard, by the directory (officer or agent), or that none is there. */
function EtatCarte() {
  const styles = useStyles();
  useSessionCarte();
  const etat = useCartes((e) => e.etat);
  const poste = useBarreEtat((e) => e.poste);
  const session = etat?.session ?? null;
  const certificat = session?.certificats.find((c) => c.usage === 'signature') ?? session?.certificats[0];
  const { texte, niveau } = resumeCarte({
    carteInseree: !!etat?.lecteurs.some((l) => l.carte),
    session: session && {
      nature: session.nature,
      titulaire: certificat
        ? certificat.prenom && certificat.nom
          ? `${certificat.prenom} ${certificat.nom}`
          : certificat.titulaire
        : null,
    },
    poste,
  });
  return (
    <Text
      size={200}
      data-testid="barre-carte"
      className={mergeClasses(
        styles.voyant,
        niveau === 'session' && styles.ok,
        niveau === 'inseree' && styles.attention,
      )}
    >
      {etat ? texte : 'Carte : lecture…'}
    </Text>
  );
}

/** The platform as the last sync found it, when that was and when the next one comes. */
function EtatPlateforme() {
  const styles = useStyles();
  const sync = useBarreEtat((e) => e.sync);
  const enCours = useBarreEtat((e) => e.synchroEnCours);
  const { etat, texte } = etatPlateforme(sync, enCours);
  const derniere = sync?.derniere;
  return (
    <>
      <Text
        size={200}
        data-testid="barre-plateforme"
        title={etat === 'non_atteinte' ? (derniere?.erreur ?? undefined) : undefined}
        className={mergeClasses(
          styles.voyant,
          etat === 'joignable' && styles.ok,
          etat === 'non_atteinte' && styles.attention,
        )}
      >
        {texte}
      </Text>
      <Text size={200} data-testid="barre-synchros">
        {derniere
          ? `Dernière mise à jour : ${formaterHorodatage(derniere.fin ?? derniere.debut)}`
          : 'Aucune mise à jour'}
        {sync?.prochaine
          ? ` ; prochaine : ${formaterHorodatage(sync.prochaine)}`
          : ' ; pas de mise à jour automatique prévue'}
      </Text>
    </>
  );
}

/**
 * Bottom bar: the commune as the platform knows it, the register's size, the card at the
 * keyboard, the platform and the syncs, the training mode, the last announcement, the version.
 */
export function BarreEtat() {
  const styles = useStyles();
  const commune = useCommune((e) => e.commune);
  const statistiques = useBarreEtat((e) => e.statistiques);
  const informations = useBarreEtat((e) => e.informations);
  const annonce = useBarreEtat((e) => e.annonce);
  useEffect(() => useBarreEtat.getState().brancher(), []);
  return (
    <footer className={styles.racine} aria-label="Barre d’état">
      {informations?.formation && (
        <Badge appearance="filled" color="severe" data-testid="barre-formation">
          FORMATION
        </Badge>
      )}
      <Text size={200}>{commune ? libellePlateforme(commune) : 'Commune non renseignée'}</Text>
      {statistiques && (
        <Text size={200}>
          {formaterNombre(statistiques.total)} acte{statistiques.total > 1 ? 's' : ''}
          {statistiques.nonIndexes > 0 &&
            ` (${formaterNombre(statistiques.nonIndexes)} non indexé${statistiques.nonIndexes > 1 ? 's' : ''})`}
        </Text>
      )}
      <EtatCarte />
      <EtatPlateforme />
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

import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, PlugConnected20Regular, Settings20Regular } from '@fluentui/react-icons';
import { formaterHorodatage } from '../../composants/format';
import type { Progression } from './store';
import type { SortieAppel } from '../../../../shared/contract';

const useStyles = makeStyles({
  racine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  etat: { display: 'flex', flexDirection: 'column', minWidth: '260px', flexGrow: 1 },
});

const statuts = {
  reussie: 'réussie',
  partielle: 'partielle',
  echouee: 'échouée',
  interrompue: 'interrompue',
  en_cours: 'en cours',
} as const;

/** "Mettre à jour", its progress, and what the last and next syncs were. */
export function BarreSynchro(props: {
  sync: SortieAppel<'sync.etat'> | null;
  progression: Progression | null;
  occupe: boolean;
  surMettreAJour: () => void;
  surTester: () => void;
  surParametres: () => void;
}) {
  const styles = useStyles();
  const { sync, progression } = props;
  const enCours = props.occupe || !!sync?.enCours || !!progression;
  const derniere = sync?.derniere;
  return (
    <div className={styles.racine}>
      <Button appearance="primary" icon={<ArrowSync20Regular />} onClick={props.surMettreAJour} disabled={enCours}>
        {enCours ? 'Mise à jour…' : 'Mettre à jour'}
      </Button>
      <Button icon={<PlugConnected20Regular />} onClick={props.surTester} disabled={enCours}>
        Tester la connexion
      </Button>
      <Button appearance="subtle" icon={<Settings20Regular />} onClick={props.surParametres}>
        Paramètres de synchronisation
      </Button>
      <div className={styles.etat} role="status" aria-live="polite">
        {progression ? (
          <>
            <Text size={200}>{progression.message}</Text>
            <ProgressBar
              aria-label="Progression de la mise à jour"
              value={progression.total ? progression.fait / progression.total : undefined}
              thickness="medium"
            />
          </>
        ) : (
          <Text size={200}>
            {derniere
              ? `Dernière mise à jour ${statuts[derniere.statut]} le ${formaterHorodatage(derniere.debut)} : ${derniere.recues} reçue(s), ${derniere.acceptees} réponse(s) acceptée(s)${derniere.rejetees ? `, ${derniere.rejetees} rejetée(s)` : ''}${derniere.quarantaine ? `, ${derniere.quarantaine} en quarantaine` : ''}.`
              : 'Aucune mise à jour pour le moment.'}
            {derniere?.erreur && ` ${derniere.erreur}`}
            {sync?.envoisEnAttente ? ` ${sync.envoisEnAttente} envoi(s) en attente.` : ''}
            {sync?.prochaine ? ` Prochaine mise à jour automatique : ${formaterHorodatage(sync.prochaine)}.` : ''}
          </Text>
        )}
      </div>
    </div>
  );
}

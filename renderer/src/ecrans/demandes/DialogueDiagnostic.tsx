import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, DismissCircle20Filled, QuestionCircle20Regular } from '@fluentui/react-icons';
import type { SortieAppel } from '../../../../shared/contract';
import { DialogueLecture } from '../../composants/DialogueLecture';
import { libelleEtape } from './libelles';

const useStyles = makeStyles({
  liste: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  etape: { display: 'grid', gridTemplateColumns: '24px 1fr', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  echec: { color: tokens.colorPaletteRedForeground1 },
});

type Resultat = SortieAppel<'sync.testerConnexion'>;

const statut = { ok: 'réussie', echec: 'en échec', non_verifiee: 'non vérifiée' } as const;

/** "Tester la connexion": the result of each step, in order, in words. */
export function DialogueDiagnostic(props: {
  ouvert: boolean;
  resultat: Resultat | null;
  erreur: string | null;
  surFermer: () => void;
  surOuvrirSession: () => void;
}) {
  const styles = useStyles();
  const sessionRequise = props.resultat?.etapes.some((e) => e.code === 'session_requise') ?? false;
  return (
    <DialogueLecture
      ouvert={props.ouvert}
      titre="Tester la connexion à COMEDEC"
      surFermer={props.surFermer}
      attente={!props.resultat && !props.erreur ? 'Vérification en cours…' : null}
      erreur={props.erreur}
      resume="diagnostic-resume"
      actions={
        sessionRequise && (
          <Button appearance="primary" onClick={props.surOuvrirSession}>
            Ouvrir une session
          </Button>
        )
      }
    >
      {props.resultat && (
        <>
          <Text id="diagnostic-resume" weight="semibold">
            {props.resultat.ok
              ? 'La connexion fonctionne.'
              : 'La connexion ne fonctionne pas : voyez l’étape en échec.'}
          </Text>
          <ol className={styles.liste}>
            {props.resultat.etapes.map((e) => (
              <li key={e.etape} className={styles.etape}>
                {e.statut === 'ok' ? (
                  <CheckmarkCircle20Filled className={styles.ok} aria-hidden="true" />
                ) : e.statut === 'echec' ? (
                  <DismissCircle20Filled className={styles.echec} aria-hidden="true" />
                ) : (
                  <QuestionCircle20Regular aria-hidden="true" />
                )}
                <span>
                  <Text weight="semibold">
                    {libelleEtape[e.etape]} : {statut[e.statut]}.
                  </Text>{' '}
                  <Text>{e.message}</Text>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </DialogueLecture>
  );
}

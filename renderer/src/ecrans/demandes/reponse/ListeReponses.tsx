import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { EtatVide } from '../../../composants/EtatVide';
import { SignerReponses } from './SignerReponses';
import { useReponses } from './storeReponses';
import { TableReponses } from './TableReponses';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The answers on the Demandes screen: those to sign (with who prepared them) and "Signer les N
 * réponses", then those signed, sent, receipted or rejected (reason in French and what to do).
 */
export function ListeReponses(props: { surOuvrir: (demandeId: number) => void }) {
  const styles = useStyles();
  const { reponses, erreur } = useReponses();
  if (erreur)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{erreur}</MessageBarBody>
      </MessageBar>
    );
  if (!reponses) return <Spinner label="Chargement des réponses…" />;
  const aSigner = reponses.filter((r) => r.etat === 'brouillon');
  const suivantes = reponses.filter((r) => r.etat !== 'brouillon');
  const documentIds = aSigner.map((r) => r.documentSignatureId).filter((id): id is number => id !== null);
  return (
    <div className={styles.racine}>
      <Text as="h2" size={400} weight="semibold">
        À signer ({aSigner.length})
      </Text>
      {aSigner.length ? (
        <TableReponses titre="Réponses à signer" reponses={aSigner} aSigner surOuvrir={props.surOuvrir} />
      ) : (
        <Text>Aucune réponse à signer. Préparez-en depuis une demande (P ou N).</Text>
      )}
      {/* Always there: the batch's report stays once the list is empty. */}
      <SignerReponses documentIds={documentIds} surFini={() => void useReponses.getState().charger()} />
      <Text as="h2" size={400} weight="semibold">
        Signées et envoyées ({suivantes.length})
      </Text>
      {suivantes.length ? (
        <TableReponses
          titre="Réponses signées et envoyées"
          reponses={suivantes}
          aSigner={false}
          surOuvrir={props.surOuvrir}
        />
      ) : (
        <EtatVide titre="Aucune réponse signée">
          Les réponses signées partent à la mise à jour suivante ; leur accusé de réception s’affiche ici.
        </EtatVide>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { MailArrowUp20Regular } from '@fluentui/react-icons';
import { api } from '../../../api';
import { EtatVide } from '../../../composants/EtatVide';
import { messageErreur } from '../../../composants/messageErreur';
import { useNotifier } from '../../../composants/notifications';
import { SignerReponses } from '../reponse/SignerReponses';
import { DialogueReponseRecue } from './DialogueReponseRecue';
import { FormulaireDemandeEnvoyee } from './FormulaireDemandeEnvoyee';
import { useEnvoyees } from './store';
import { TableEnvoyees } from './TableEnvoyees';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entete: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * "Demandes envoyées": requests to other communes for marriage and PACS files. Write one, sign
 * the drafts in one batch (officer's card), send them with "Mettre à jour", follow them
 * (reçue par la commune, répondue, en retard), and read a verified answer as an extract.
 */
export function OngletEnvoyees() {
  const styles = useStyles();
  const notifier = useNotifier();
  const { liste, erreur } = useEnvoyees();
  const [formulaire, setFormulaire] = useState(false);
  const [lue, setLue] = useState<number | null>(null);

  useEffect(() => {
    const charger = () => void useEnvoyees.getState().charger();
    charger();
    const arrets = [
      api.ecouter('sync.envoiModifie', charger),
      api.ecouter('sync.progression', (p) => p.phase === 'terminee' && charger()),
    ];
    return () => arrets.forEach((a) => a());
  }, []);

  const abandonner = async (id: number) => {
    try {
      await api.appeler('demandesEnvoyees.abandonner', { id });
      notifier('info', 'Demande abandonnée', 'Elle reste dans la liste, sans être envoyée.');
    } catch (e) {
      notifier('error', 'Abandon impossible', messageErreur(e));
    }
    void useEnvoyees.getState().charger();
  };

  if (erreur)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{erreur}</MessageBarBody>
      </MessageBar>
    );
  if (!liste) return <Spinner label="Chargement des demandes envoyées…" />;
  const aSigner = liste.filter((d) => d.etat === 'brouillon');
  const suivies = liste.filter((d) => d.etat !== 'brouillon');
  const documentIds = aSigner.map((d) => d.documentSignatureId).filter((id): id is number => id !== null);
  return (
    <div className={styles.racine}>
      <div className={styles.entete}>
        <Button appearance="primary" icon={<MailArrowUp20Regular />} onClick={() => setFormulaire(true)}>
          Nouvelle demande à une autre commune
        </Button>
        <Text>Pour un dossier de mariage ou de PACS : l’acte de naissance, demandé à la commune de naissance.</Text>
      </div>
      <Text as="h2" size={400} weight="semibold">
        À signer ({aSigner.length})
      </Text>
      {aSigner.length ? (
        <TableEnvoyees
          titre="Demandes envoyées à signer"
          demandes={aSigner}
          surLire={setLue}
          surAbandonner={(id) => void abandonner(id)}
        />
      ) : (
        <Text>Aucune demande à signer.</Text>
      )}
      <SignerReponses quoi="demande" documentIds={documentIds} surFini={() => void useEnvoyees.getState().charger()} />
      <Text as="h2" size={400} weight="semibold">
        Suivi ({suivies.length})
      </Text>
      {suivies.length ? (
        <TableEnvoyees
          titre="Suivi des demandes envoyées"
          demandes={suivies}
          surLire={setLue}
          surAbandonner={(id) => void abandonner(id)}
        />
      ) : (
        <EtatVide titre="Aucune demande envoyée">
          Les demandes signées partent à la mise à jour suivante ; leur accusé de réception, puis la réponse de la
          commune, s’affichent ici.
        </EtatVide>
      )}
      <FormulaireDemandeEnvoyee
        ouvert={formulaire}
        surFermer={(ecrite) => {
          setFormulaire(false);
          if (ecrite) {
            notifier('success', 'Demande prête à signer', `${ecrite.reference} : ${ecrite.destinataire.nom}.`);
            void useEnvoyees.getState().charger();
          }
        }}
      />
      <DialogueReponseRecue id={lue} surFermer={() => setLue(null)} />
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { MailArrowUp20Regular } from '@fluentui/react-icons';
import { api } from '../../../api';
import { EtatVide } from '../../../composants/EtatVide';
import { messageErreur } from '../../../composants/messageErreur';
import { useNotifier } from '../../../composants/notifications';
import { SignerReponses } from '../reponse/SignerReponses';
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { depuisSaisie } from './brouillon';
import { DialogueReponseRecue } from './DialogueReponseRecue';
import { DialogueSupprimerBrouillon } from './DialogueSupprimerBrouillon';
import { FormulaireDemandeEnvoyee } from './FormulaireDemandeEnvoyee';
import { useEnvoyees } from './store';
import { TableEnvoyees, type ActionsBrouillon } from './TableEnvoyees';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entete: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * "Demandes envoyées": requests to other communes for marriage and PACS files. Write one, sign
 * the drafts in one batch (officer's card), send them with "Mettre à jour", follow them
 * (reçue par la commune, répondue, en retard), and read a verified answer as an extract. A draft
 * not yet signed opens again in the same form (Enter on its row, or "Modifier"), or is deleted.
 */
export function OngletEnvoyees() {
  const styles = useStyles();
  const notifier = useNotifier();
  const { liste, erreur } = useEnvoyees();
  const [formulaire, setFormulaire] = useState<'nouvelle' | 'edition' | null>(null);
  const [lue, setLue] = useState<number | null>(null);
  const [aSupprimer, setASupprimer] = useState<DemandeEnvoyee | null>(null);
  const edition = useEnvoyees((e) => e.edition);

  useEffect(() => {
    const charger = () => void useEnvoyees.getState().charger();
    charger();
    const arrets = [
      api.ecouter('sync.envoiModifie', charger),
      api.ecouter('sync.progression', (p) => p.phase === 'terminee' && charger()),
    ];
    return () => arrets.forEach((a) => a());
  }, []);

  /** The draft as written, in the form; changes typed earlier to the same draft and not saved are kept. */
  const modifier = async (d: DemandeEnvoyee) => {
    if (useEnvoyees.getState().edition?.id !== d.id) {
      try {
        const saisie = await api.appeler('demandesEnvoyees.saisie', { id: d.id });
        useEnvoyees.getState().ouvrirEdition({ id: d.id, reference: d.reference, brouillon: depuisSaisie(saisie, d) });
      } catch (e) {
        notifier('error', 'Ouverture impossible', messageErreur(e));
        return;
      }
    }
    setFormulaire('edition');
  };

  const supprimer = async (id: number) => {
    setASupprimer(null);
    try {
      await api.appeler('demandesEnvoyees.abandonner', { id });
      if (useEnvoyees.getState().edition?.id === id) useEnvoyees.getState().fermerEdition();
      notifier('info', 'Brouillon supprimé', 'La demande ne sera pas envoyée ; elle reste dans le suivi, abandonnée.');
    } catch (e) {
      notifier('error', 'Suppression impossible', messageErreur(e));
    }
    void useEnvoyees.getState().charger();
  };

  const actionsBrouillon: ActionsBrouillon = { surModifier: (d) => void modifier(d), surSupprimer: setASupprimer };

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
        <Button appearance="primary" icon={<MailArrowUp20Regular />} onClick={() => setFormulaire('nouvelle')}>
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
          brouillon={actionsBrouillon}
        />
      ) : (
        <Text>Aucune demande à signer.</Text>
      )}
      <SignerReponses quoi="demande" documentIds={documentIds} surFini={() => void useEnvoyees.getState().charger()} />
      <Text as="h2" size={400} weight="semibold">
        Suivi ({suivies.length})
      </Text>
      {suivies.length ? (
        <TableEnvoyees titre="Suivi des demandes envoyées" demandes={suivies} surLire={setLue} />
      ) : (
        <EtatVide titre="Aucune demande envoyée">
          Les demandes signées partent à la mise à jour suivante ; leur accusé de réception, puis la réponse de la
          commune, s’affichent ici.
        </EtatVide>
      )}
      <FormulaireDemandeEnvoyee
        // A fresh form (no reasons left from another one) when it changes from one request to another.
        key={formulaire === 'edition' ? `edition-${edition?.id}` : 'nouvelle'}
        ouvert={formulaire !== null}
        mode={formulaire ?? 'nouvelle'}
        surFermer={(ecrite) => {
          const modifiee = formulaire === 'edition';
          setFormulaire(null);
          if (ecrite) {
            notifier(
              'success',
              modifiee ? 'Brouillon modifié' : 'Demande prête à signer',
              `${ecrite.reference} : ${ecrite.destinataire.nom}.`,
            );
            void useEnvoyees.getState().charger();
          }
        }}
      />
      <DialogueSupprimerBrouillon
        demande={aSupprimer}
        surConfirmer={(id) => void supprimer(id)}
        surAnnuler={() => setASupprimer(null)}
      />
      <DialogueReponseRecue id={lue} surFermer={() => setLue(null)} />
    </div>
  );
}

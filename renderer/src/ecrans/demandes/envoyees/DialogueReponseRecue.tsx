import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { DocumentPdf20Regular, Print20Regular } from '@fluentui/react-icons';
import type { LectureReponse } from '../../../../../shared/contract/demandes-envoyees';
import { api } from '../../../api';
import { formaterHorodatage } from '../../../composants/format';
import { messageErreur } from '../../../composants/messageErreur';
import { useNotifier } from '../../../composants/notifications';
import { nomFichierSur, pdfVersBlob, telecharger } from '../../../composants/telechargement';

const useStyles = makeStyles({
  surface: { maxWidth: '860px', width: '92vw' },
  contenu: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
  texte: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    maxHeight: '45vh',
    overflowY: 'auto',
    margin: 0,
  },
  bouton: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/**
 * The answer to a request sent, shown only once its XAdES signature verifies again (the main
 * process re-checks it as of its reception): who signed, for which commune, under which
 * delegation, when, with a certificate valid then; then the extract, to print or to save as PDF
 * for the marriage or PACS file. An answer that does not verify is never shown: the reason is.
 */
export function DialogueReponseRecue(props: { id: number | null; surFermer(): void }) {
  const styles = useStyles();
  const notifier = useNotifier();
  // The result of the last reading, by request: another request's result is never shown.
  const [resultat, setResultat] = useState<{ id: number; lecture: LectureReponse | null; erreur: string | null }>();
  const [pdfEnCours, setPdfEnCours] = useState(false);
  const { id } = props;
  const courant = resultat?.id === id ? resultat : null;
  const lecture = courant?.lecture ?? null;
  const erreur = courant?.erreur ?? null;

  useEffect(() => {
    if (id === null) return;
    let actuel = true;
    api
      .appeler('demandesEnvoyees.reponse', { id })
      .then((l) => actuel && setResultat({ id, lecture: l, erreur: null }))
      .catch((e) => actuel && setResultat({ id, lecture: null, erreur: messageErreur(e) }));
    return () => {
      actuel = false;
    };
  }, [id]);

  const enregistrerPdf = async () => {
    if (id === null) return;
    setPdfEnCours(true);
    try {
      const { nomFichier, pdfBase64 } = await api.appeler('demandesEnvoyees.reponsePdf', { id });
      telecharger(nomFichierSur(nomFichier), pdfVersBlob(pdfBase64));
    } catch (e) {
      notifier('error', 'PDF non produit', messageErreur(e));
    } finally {
      setPdfEnCours(false);
    }
  };

  const v = lecture?.verification;
  return (
    <Dialog open={id !== null} onOpenChange={(_, d) => !d.open && props.surFermer()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{lecture ? `Réponse reçue : ${lecture.titre}` : 'Réponse reçue'}</DialogTitle>
          <DialogContent className={styles.contenu}>
            {!lecture && !erreur && <Spinner label="Vérification de la signature…" />}
            {erreur && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Réponse non présentée</MessageBarTitle>
                  {erreur}
                </MessageBarBody>
              </MessageBar>
            )}
            {lecture && v && (
              <>
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>Signature vérifiée</MessageBarTitle>
                    La signature XAdES de la réponse tient : document intact, certificat valide à la date de signature,
                    signataire officier de la commune interrogée.
                  </MessageBarBody>
                </MessageBar>
                <dl className={styles.details} aria-label="Vérification de la signature">
                  <dt>Signataire</dt>
                  <dd>
                    {v.signataire}
                    {v.titre ? ` (${v.titre})` : ''}
                  </dd>
                  <dt>Commune</dt>
                  <dd>
                    {v.communeReponse.libelle} (INSEE {v.communeReponse.codeInsee}), certificat de la commune{' '}
                    {v.communeCertificat}
                  </dd>
                  <dt>Délégation</dt>
                  <dd>{v.delegation}</dd>
                  <dt>Signée le</dt>
                  <dd>{formaterHorodatage(v.signeeLe)}</dd>
                  <dt>Certificat</dt>
                  <dd>
                    valide du {formaterHorodatage(v.certificatValideDu)} au {formaterHorodatage(v.certificatValideAu)},
                    émis par {v.emetteur}
                  </dd>
                  <dt>Vérifiée le</dt>
                  <dd>{formaterHorodatage(v.verifieeLe)} (réception)</dd>
                </dl>
                <pre className={styles.texte} tabIndex={0} aria-label={`Texte : ${lecture.titre}`} data-impression="">
                  {lecture.texte}
                </pre>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              className={styles.bouton}
              icon={<Print20Regular />}
              disabled={!lecture}
              onClick={() => window.print()}
            >
              Imprimer
            </Button>
            <Button
              className={styles.bouton}
              appearance="primary"
              icon={pdfEnCours ? <Spinner size="tiny" /> : <DocumentPdf20Regular />}
              disabled={!lecture || pdfEnCours}
              onClick={() => void enregistrerPdf()}
            >
              Enregistrer en PDF
            </Button>
            <Button appearance="secondary" onClick={props.surFermer}>
              Fermer
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

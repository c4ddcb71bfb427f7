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
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, DocumentPdf20Regular } from '@fluentui/react-icons';
import type { Extrait, SorteExtrait } from '../../../../shared/contract/registre';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import { useNotifier } from '../../composants/notifications';
import { nomFichierSur, pdfVersBlob, telecharger, texteVersBlob } from '../../composants/telechargement';

export const libelleSorte: Record<SorteExtrait, string> = {
  'copie-integrale': 'Copie intégrale',
  'avec-filiation': 'Extrait avec filiation',
  'sans-filiation': 'Extrait sans filiation',
};

const useStyles = makeStyles({
  surface: { maxWidth: '820px', width: '90vw' },
  bouton: { whiteSpace: 'nowrap', flexShrink: 0 },
  texte: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    maxHeight: '55vh',
    overflowY: 'auto',
    margin: 0,
  },
});

/** An extract or full copy of the act: read on screen, saved as a text file or as a PDF. */
export function DialogueExtrait(props: { idActe: number; sorte: SorteExtrait | null; surFermer(): void }) {
  const styles = useStyles();
  const notifier = useNotifier();
  const [extrait, setExtrait] = useState<Extrait | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [pdfEnCours, setPdfEnCours] = useState(false);
  const { idActe, sorte } = props;

  useEffect(() => {
    if (!sorte) return;
    let actuel = true;
    setExtrait(null);
    setErreur(null);
    api
      .appeler('registre.extrait', { id: idActe, sorte })
      .then((x) => actuel && setExtrait(x))
      .catch((e) => actuel && setErreur(messageErreur(e)));
    return () => {
      actuel = false;
    };
  }, [idActe, sorte]);

  const enregistrerPdf = async () => {
    if (!sorte) return;
    setPdfEnCours(true);
    try {
      const { nomFichier, pdfBase64 } = await api.appeler('registre.extraitPdf', { id: idActe, sorte });
      telecharger(nomFichierSur(nomFichier), pdfVersBlob(pdfBase64));
    } catch (e) {
      notifier('error', 'PDF non produit', messageErreur(e));
    } finally {
      setPdfEnCours(false);
    }
  };

  const titre = extrait?.titre ?? (sorte ? libelleSorte[sorte] : '');
  return (
    <Dialog open={!!sorte} onOpenChange={(_, d) => !d.open && props.surFermer()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{titre}</DialogTitle>
          <DialogContent>
            {!extrait && !erreur && <Spinner label="Préparation de l’extrait…" />}
            {erreur && (
              <MessageBar intent="error">
                <MessageBarBody>{erreur}</MessageBarBody>
              </MessageBar>
            )}
            {extrait && (
              <pre className={styles.texte} tabIndex={0} aria-label={`Texte : ${extrait.titre}`}>
                {extrait.texte}
              </pre>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              className={styles.bouton}
              icon={<ArrowDownload20Regular />}
              disabled={!extrait}
              onClick={() => extrait && telecharger(nomFichierSur(extrait.nomFichier), texteVersBlob(extrait.texte))}
            >
              Enregistrer en texte
            </Button>
            <Button
              className={styles.bouton}
              appearance="primary"
              icon={pdfEnCours ? <Spinner size="tiny" /> : <DocumentPdf20Regular />}
              disabled={!extrait || pdfEnCours}
              onClick={enregistrerPdf}
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

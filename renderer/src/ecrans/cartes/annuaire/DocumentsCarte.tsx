import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentPdf20Regular } from '@fluentui/react-icons';
import type { CarteAgent } from '../../../../../shared/contract/annuaire';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';
import { useNotifier } from '../../../composants/notifications';
import { Section } from '../../../composants/Section';
import { nomFichierSur, pdfVersBlob, telecharger } from '../../../composants/telechargement';
import { ChoixCartePresente } from './ChoixCartePresente';

const useStyles = makeStyles({
  boutons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  ligne: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
});

/** A record's PDF, saved like an extract is (a download in Electron and in the harness alike). */
function useEnregistrerPdf() {
  const notifier = useNotifier();
  const [enCours, setEnCours] = useState(false);
  const enregistrer = async (produire: () => Promise<{ nomFichier: string; pdfBase64: string }>) => {
    setEnCours(true);
    try {
      const { nomFichier, pdfBase64 } = await produire();
      telecharger(nomFichierSur(nomFichier), pdfVersBlob(pdfBase64));
    } catch (e) {
      notifier('error', 'PDF non produit', messageErreur(e));
    } finally {
      setEnCours(false);
    }
  };
  return { enCours, enregistrer };
}

/** The records of one card: handover once handed over, destruction once out of service for good. */
export function DocumentsCarte({ carte }: { carte: CarteAgent }) {
  const styles = useStyles();
  const { enCours, enregistrer } = useEnregistrerPdf();
  const detruisible = carte.etat === 'revoquee' || carte.etat === 'expiree' || carte.etat === 'renouvelee';
  return (
    <div className={styles.boutons}>
      {carte.remiseLe && (
        <Button
          size="small"
          icon={<DocumentPdf20Regular />}
          disabled={enCours}
          aria-label={`Procès-verbal de remise de la carte n° ${carte.id}`}
          onClick={() => void enregistrer(() => api.appeler('annuaire.procesVerbalRemise', { carteId: carte.id }))}
        >
          PV de remise
        </Button>
      )}
      {detruisible && (
        <Button
          size="small"
          icon={<DocumentPdf20Regular />}
          disabled={enCours}
          aria-label={`Procès-verbal de destruction de la carte n° ${carte.id}`}
          onClick={() => void enregistrer(() => api.appeler('annuaire.procesVerbalDestruction', { carteId: carte.id }))}
        >
          PV de destruction
        </Button>
      )}
    </div>
  );
}

/** The card-fault check sheet, read from a card present in a reader (the session's by default). */
export function FicheDysfonctionnement() {
  const styles = useStyles();
  const { enCours, enregistrer } = useEnregistrerPdf();
  const [jeton, setJeton] = useState('');
  return (
    <Section
      id="titre-fiche-dysfonctionnement"
      titre="Fiche de dysfonctionnement"
      description="Ce que Registre voit de la carte (lecteurs, carte, essais de PIN, certificats, bibliothèque PKCS#11), à joindre à une carte défectueuse."
    >
      <div className={styles.ligne}>
        <ChoixCartePresente label="Carte examinée" vide="Celle de la session" valeur={jeton} surChangement={setJeton} />
        <Button
          icon={<DocumentPdf20Regular />}
          disabled={enCours}
          onClick={() =>
            void enregistrer(() => api.appeler('annuaire.ficheDysfonctionnement', { jetonId: jeton || null }))
          }
        >
          Enregistrer la fiche (PDF)
        </Button>
      </div>
    </Section>
  );
}

import { useEffect, useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { RapportLot } from '../../../../../shared/contract/carte';
import { RegistreError } from '../../../../../shared/errors';
import { api } from '../../../api';
import { DialoguePin } from '../../../composants/DialoguePin';
import { messageErreur } from '../../../composants/messageErreur';
import { useCartes } from '../../cartes/store';
import { usePin } from '../../cartes/usePin';

const useStyles = makeStyles({
  ligne: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * "Signer les N réponses": the drafts' documents signed as one batch (`signature.signerLot`
 * with their ids), one PIN entry where the card allows it, progress live, the report after.
 */
export function SignerReponses(props: { documentIds: number[]; surFini: () => void }) {
  const styles = useStyles();
  const etat = useCartes((e) => e.etat);
  const pin = usePin();
  const [progression, setProgression] = useState<{ faits: number; total: number } | null>(null);
  const [rapport, setRapport] = useState<RapportLot | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  useEffect(() => {
    const debrancher = useCartes.getState().brancher();
    void useCartes.getState().charger();
    const arret = api.ecouter('signature.progression', (p) => setProgression({ faits: p.faits, total: p.total }));
    return () => {
      debrancher();
      arret();
    };
  }, []);

  const session = etat?.session;
  const carte = etat?.lecteurs.find((l) => l.carte?.id === session?.jetonId)?.carte ?? null;
  const n = props.documentIds.length;
  const libelle = n === 0 ? 'Signer les réponses' : n === 1 ? 'Signer la réponse' : `Signer les ${n} réponses`;

  const signer = async (code: string | undefined) => {
    setRapport(null);
    setProgression({ faits: 0, total: n });
    try {
      setRapport(await api.appeler('signature.signerLot', { ids: props.documentIds, pin: code }));
    } finally {
      setProgression(null);
      props.surFini();
    }
  };
  const lancer = () => {
    if (!carte || n === 0) return;
    setErreur(null);
    if (!carte.pinRequis) {
      signer(undefined).catch((e) => setErreur(messageErreur(e)));
      return;
    }
    pin.demander({ ...carte }, `pour signer ${n} réponse${n > 1 ? 's' : ''}`, signer, setErreur);
  };
  const arreter = () => void api.appeler('signature.arreterLot', {});

  return (
    <>
      <div className={styles.ligne}>
        <Button
          appearance="primary"
          disabled={!session?.peutSigner || n === 0 || !!etat?.signatureEnCours}
          onClick={lancer}
        >
          {libelle}
        </Button>
        {etat?.signatureEnCours && <Button onClick={arreter}>Arrêter le lot</Button>}
        {!session && <Text>Ouvrez une session avec la carte d’un officier de l’état civil pour signer.</Text>}
        {session && !session.peutSigner && <Text>La carte ouverte ne peut pas signer (pas de délégation).</Text>}
      </div>
      {progression && (
        <ProgressBar
          value={progression.total ? progression.faits / progression.total : 0}
          aria-label={`Signature : ${progression.faits} sur ${progression.total}`}
          aria-valuetext={`${progression.faits} sur ${progression.total}`}
        />
      )}
      <div aria-live="polite">
        {rapport && (
          <MessageBar intent={rapport.interrompu ? 'warning' : 'success'}>
            <MessageBarBody>
              {rapport.signes} réponse(s) signée(s){rapport.echecs ? `, ${rapport.echecs} en échec` : ''}
              {rapport.enAttente ? `, ${rapport.enAttente} toujours à signer` : ''}.
              {rapport.erreur ? ` Lot interrompu : ${RegistreError.fromJSON(rapport.erreur).message}` : ''}
              {rapport.signes > 0 && !rapport.interrompu ? ' Elles partiront à la prochaine mise à jour.' : ''}
            </MessageBarBody>
          </MessageBar>
        )}
        {erreur && (
          <MessageBar intent="error">
            <MessageBarBody>{erreur}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <DialoguePin
        ouvert={pin.ouvert}
        carte={carte ? { ...carte } : (pin.demande?.carte ?? null)}
        motif={pin.demande?.motif ?? ''}
        erreur={pin.erreur}
        enCours={pin.enCours}
        surValider={pin.valider}
        surAnnuler={() => {
          if (pin.enCours) arreter();
          pin.annuler();
        }}
      />
    </>
  );
}

import { useCallback, useEffect, useId, useState } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import { DroitDeSignerDit } from './DroitDeSignerDit';
import { useDroitDeSigner } from './useDroitDeSigner';
import { useLotSignature } from './useLotSignature';

const useStyles = makeStyles({
  ligne: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * Documents waiting for the officer's signature, signed as one batch with one PIN entry.
 * Progress is live; the batch can be stopped; a card pulled out stops it and what was signed
 * stays signed. Without a session, or with a card the directory does not let sign, the button
 * is off and says what to do.
 */
export function SignatureLot() {
  const styles = useStyles();
  const [compte, setCompte] = useState<{ aSigner: number; signes: number } | null>(null);
  const [erreurCompte, setErreurCompte] = useState<string | null>(null);
  const compter = useCallback(async () => {
    try {
      const [aSigner, signes] = await Promise.all([
        api.appeler('signature.lister', { etat: 'a_signer', limite: 1000 }),
        api.appeler('signature.lister', { etat: 'signe', limite: 1000 }),
      ]);
      setCompte({ aSigner: aSigner.length, signes: signes.length });
    } catch (e) {
      setErreurCompte(messageErreur(e));
    }
  }, []);
  const lot = useLotSignature({ surFini: () => void compter() });
  const droit = useDroitDeSigner();
  const idRaison = useId();
  useEffect(() => {
    void compter();
  }, [compter]);

  const n = compte?.aSigner ?? 0;
  const { etat } = lot;

  return (
    <>
      <div className={styles.ligne}>
        <Text>
          {compte
            ? `${compte.aSigner} document(s) à signer, ${compte.signes} signé(s).`
            : (erreurCompte ?? 'Chargement…')}
        </Text>
        <Button
          appearance="primary"
          disabled={!droit.peutSigner || n === 0 || !!etat?.signatureEnCours}
          aria-describedby={droit.raison ? idRaison : undefined}
          onClick={() => lot.lancer(n, `pour signer ${n} document${n > 1 ? 's' : ''}`)}
        >
          Signer les documents en attente
        </Button>
        {etat?.signatureEnCours && <Button onClick={lot.arreter}>Arrêter le lot</Button>}
      </div>
      <DroitDeSignerDit droit={droit} id={idRaison} />
      {lot.suivi()}
    </>
  );
}

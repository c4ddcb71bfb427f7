import { useCallback, useEffect, useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { RapportLot } from '../../../../shared/contract/carte';
import { RegistreError } from '../../../../shared/errors';
import { api } from '../../api';
import { DialoguePin } from '../../composants/DialoguePin';
import { messageErreur } from '../../composants/messageErreur';
import { useCartes } from './store';
import { usePin } from './usePin';

const useStyles = makeStyles({
  ligne: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * Documents waiting for the officer's signature, signed as one batch with one PIN entry.
 * Progress is live; the batch can be stopped; a card pulled out stops it and what was signed
 * stays signed.
 */
export function SignatureLot() {
  const styles = useStyles();
  const etat = useCartes((e) => e.etat);
  const pin = usePin();
  const [compte, setCompte] = useState<{ aSigner: number; signes: number } | null>(null);
  const [progression, setProgression] = useState<{ faits: number; total: number } | null>(null);
  const [rapport, setRapport] = useState<RapportLot | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);

  const compter = useCallback(async () => {
    try {
      const [aSigner, signes] = await Promise.all([
        api.appeler('signature.lister', { etat: 'a_signer', limite: 1000 }),
        api.appeler('signature.lister', { etat: 'signe', limite: 1000 }),
      ]);
      setCompte({ aSigner: aSigner.length, signes: signes.length });
    } catch (e) {
      setErreur(messageErreur(e));
    }
  }, []);
  useEffect(() => {
    void compter();
    return api.ecouter('signature.progression', (p) => setProgression({ faits: p.faits, total: p.total }));
  }, [compter]);

  const session = etat?.session;
  const carte = etat?.lecteurs.find((l) => l.carte?.id === session?.jetonId)?.carte ?? null;
  const n = compte?.aSigner ?? 0;

  const signer = async (code: string | undefined) => {
    setRapport(null);
    setProgression({ faits: 0, total: n });
    try {
      const r = await api.appeler('signature.signerLot', { pin: code });
      setRapport(r);
    } finally {
      setProgression(null);
      void compter();
    }
  };
  const lancer = () => {
    if (!carte) return;
    setErreur(null);
    if (!carte.pinRequis) {
      signer(undefined).catch((e) => setErreur(messageErreur(e)));
      return;
    }
    pin.demander({ ...carte }, `pour signer ${n} document${n > 1 ? 's' : ''}`, signer, setErreur);
  };
  const arreter = () => void api.appeler('signature.arreterLot', {});

  return (
    <>
      <div className={styles.ligne}>
        <Text>{compte ? `${compte.aSigner} document(s) à signer, ${compte.signes} signé(s).` : 'Chargement…'}</Text>
        <Button
          appearance="primary"
          disabled={!session?.peutSigner || n === 0 || !!etat?.signatureEnCours}
          onClick={lancer}
        >
          Signer les documents en attente
        </Button>
        {etat?.signatureEnCours && <Button onClick={arreter}>Arrêter le lot</Button>}
      </div>
      {!session && <Text>Ouvrez une session avec la carte d’un officier de l’état civil pour signer.</Text>}
      {progression && etat?.signatureEnCours && (
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
              {rapport.signes} signé(s){rapport.echecs ? `, ${rapport.echecs} en échec` : ''}
              {rapport.enAttente ? `, ${rapport.enAttente} toujours à signer` : ''}.
              {rapport.erreur ? ` Lot interrompu : ${RegistreError.fromJSON(rapport.erreur).message}` : ''}
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
          // Cancelling while the batch runs stops it: what is signed stays signed.
          if (pin.enCours) arreter();
          pin.annuler();
        }}
      />
    </>
  );
}

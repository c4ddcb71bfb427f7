import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { RapportLot } from '../../../../shared/contract/carte';
import { RegistreError } from '../../../../shared/errors';
import { api } from '../../api';
import { DialoguePin } from '../../composants/DialoguePin';
import { messageErreur } from '../../composants/messageErreur';
import { useCartes } from './store';
import { usePin } from './usePin';

/**
 * One batch signature, wherever it is started (the card's pending documents, the answers to
 * sign): the open session's card, one PIN entry where the card allows it, live progress, a
 * stop, and the report. `ids` restricts the batch; `surFini` runs whatever the outcome.
 */
export function useLotSignature(options: { ids?: () => number[]; surFini?: () => void }) {
  const etat = useCartes((e) => e.etat);
  const pin = usePin();
  const [progression, setProgression] = useState<{ faits: number; total: number } | null>(null);
  const [rapport, setRapport] = useState<RapportLot | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  useEffect(() => api.ecouter('signature.progression', (p) => setProgression({ faits: p.faits, total: p.total })), []);

  const session = etat?.session ?? null;
  const carte = etat?.lecteurs.find((l) => l.carte?.id === session?.jetonId)?.carte ?? null;
  const arreter = () => void api.appeler('signature.arreterLot', {});

  const signer = async (total: number, code: string | undefined) => {
    setRapport(null);
    setProgression({ faits: 0, total });
    try {
      const ids = options.ids?.();
      setRapport(await api.appeler('signature.signerLot', ids ? { ids, pin: code } : { pin: code }));
    } finally {
      setProgression(null);
      options.surFini?.();
    }
  };

  /** Starts the batch of `total` documents; `motif` completes "Saisissez votre code PIN …". */
  const lancer = (total: number, motif: string) => {
    if (!carte || total === 0) return;
    setErreur(null);
    if (!carte.pinRequis) {
      signer(total, undefined).catch((e) => setErreur(messageErreur(e)));
      return;
    }
    pin.demander({ ...carte }, motif, (code) => signer(total, code), setErreur);
  };

  /**
   * Progress, report, error, and the PIN dialog. `signes` names what was signed ("signé(s)",
   * "réponse(s) signée(s)"); `apres` is said after the report.
   */
  const suivi = (o: { signes?: string; apres?: (r: RapportLot) => string } = {}) => (
    <>
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
              {rapport.signes} {o.signes ?? 'signé(s)'}
              {rapport.echecs ? `, ${rapport.echecs} en échec` : ''}
              {rapport.enAttente ? `, ${rapport.enAttente} toujours à signer` : ''}.
              {rapport.erreur ? ` Lot interrompu : ${RegistreError.fromJSON(rapport.erreur).message}` : ''}
              {o.apres?.(rapport) ?? ''}
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

  return { etat, session, carte, lancer, arreter, setErreur, suivi };
}

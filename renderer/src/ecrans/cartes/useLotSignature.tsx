import { useEffect, useRef, useState } from 'react';
import { MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { RapportLot } from '../../../../shared/contract/carte';
import {
  apresAppel,
  arreteLeLot,
  debuterLot,
  libelleProgression,
  pinSaisi,
  restants,
  saisiePin,
  type EtatLot,
} from '../../../../shared/domain/lot-signature';
import { RegistreError } from '../../../../shared/errors';
import { api } from '../../api';
import { DialoguePin } from '../../composants/DialoguePin';
import { messageErreur } from '../../composants/messageErreur';
import { useCartes } from './store';
import { usePin, type SuitePin } from './usePin';

/** In a batch, only a PIN that never reached the card may be typed again in the same dialog. */
const ERREURS_DE_FORME: ReadonlySet<string> = new Set(['pin_longueur', 'saisie_invalide']);

/**
 * One batch signature, wherever it is started (the card's pending documents, the answers to
 * sign): the open session's card, as many PIN entries as the card asks (one for the batch, or
 * one per signature: the dialog comes back at once and the batch goes on), live progress
 * ("signature 2 sur 3"), a stop, and the report. The first wrong PIN stops the batch: what is
 * signed stays signed, the rest is said. `ids` restricts the batch; `surFini` runs at the end.
 */
export function useLotSignature(options: { ids?: () => number[]; surFini?: () => void }) {
  const etat = useCartes((e) => e.etat);
  const pin = usePin();
  const [progression, setProgression] = useState<{ faits: number; total: number } | null>(null);
  const [lot, setLot] = useState<EtatLot | null>(null);
  const [rapport, setRapport] = useState<RapportLot | null>(null);
  const [arret, setArret] = useState<string | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const lotCourant = useRef<EtatLot | null>(null);
  useEffect(() => api.ecouter('signature.progression', (p) => setProgression({ faits: p.faits, total: p.total })), []);

  const session = etat?.session ?? null;
  const carte = etat?.lecteurs.find((l) => l.carte?.id === session?.jetonId)?.carte ?? null;
  const arreter = () => void api.appeler('signature.arreterLot', {});

  const mettreAJour = (e: EtatLot) => {
    lotCourant.current = e;
    setLot(e);
  };

  /** Starts the batch of `total` documents; `motif` completes "Saisissez votre code PIN …". */
  const lancer = (total: number, motif: string) => {
    if (!carte || !session || total === 0) return;
    const saisie = saisiePin({
      pinRequis: carte.pinRequis,
      pinParSignature: session.pinParSignature,
      lecteurAClavier: session.lecteurAClavier || carte.cheminProtege,
    });
    // The certificate the batch starts with: another card in between is refused by the main process.
    const certificatAttendu = session.certificats.find((c) => c.usage === 'signature')?.empreinte;
    const ids = options.ids?.();
    setErreur(null);
    setArret(null);
    setRapport(null);
    mettreAJour(debuterLot(saisie, total));
    const motifDe = (e: EtatLot) =>
      saisie === 'une_par_signature'
        ? `pour la ${libelleProgression(e)} (la carte le demande à chaque signature)`
        : motif;

    const finir = () => {
      setProgression(null);
      options.surFini?.();
    };
    // One call: one PIN, one document or the whole batch as the card decides.
    const appeler = async (code: string | undefined): Promise<void | SuitePin> => {
      let e = pinSaisi(lotCourant.current!);
      mettreAJour(e);
      setProgression({ faits: 0, total: saisie === 'une_par_signature' ? 1 : restants(e) });
      try {
        const r = await api.appeler('signature.signerLot', { ...(ids ? { ids } : {}), pin: code, certificatAttendu });
        setRapport(r);
        e = apresAppel(e, {
          signes: r.signes,
          echecs: r.echecs,
          enAttente: r.enAttente,
          codeErreur: r.erreur?.code ?? null,
        });
        if (r.erreur) setArret(RegistreError.fromJSON(r.erreur).message);
      } catch (x) {
        const code = x instanceof RegistreError ? x.code : 'interne';
        if (ERREURS_DE_FORME.has(code)) throw x;
        e = apresAppel(e, { signes: 0, echecs: 0, enAttente: restants(e), codeErreur: code });
        if (!arreteLeLot(code)) e = { ...e, fin: 'arrete', codeArret: code };
        setArret(messageErreur(x));
      }
      // Cancelled while this call ran: the batch ends here, with what this call signed.
      if (lotCourant.current?.fin && !e.fin) e = { ...e, fin: 'arrete', codeArret: 'operation_annulee' };
      mettreAJour(e);
      if (e.fin) {
        finir();
        return;
      }
      setProgression(null);
      return { motif: motifDe(e), operation: appeler };
    };

    if (saisie === 'aucune') {
      appeler(undefined).catch((x) => setErreur(messageErreur(x)));
      return;
    }
    pin.demander({ ...carte }, motifDe(lotCourant.current!), appeler, setErreur, {
      erreursDeSaisie: ERREURS_DE_FORME,
    });
  };

  /**
   * Progress, report, error, and the PIN dialog. `signes` names what was signed ("signé(s)",
   * "réponse(s) signée(s)"); `apres` is said after the report.
   */
  const suivi = (o: { signes?: string; apres?: (r: RapportLot) => string } = {}) => {
    const fini = lot?.fin ? lot : null;
    const reste = fini ? restants(fini) : 0;
    return (
      <>
        {lot && !lot.fin && (
          <ProgressBar
            value={lot.total ? (lot.signes + lot.echecs + (progression?.faits ?? 0)) / lot.total : 0}
            aria-label={`Lot de signature : ${libelleProgression(lot)}`}
            aria-valuetext={libelleProgression(lot)}
          />
        )}
        <div aria-live="polite">
          {fini && (
            <MessageBar intent={fini.fin === 'arrete' ? 'warning' : 'success'}>
              <MessageBarBody>
                {fini.signes} {o.signes ?? 'signé(s)'}
                {fini.echecs ? `, ${fini.echecs} en échec` : ''}
                {reste ? `, ${reste} toujours à signer` : ''}.{arret ? ` Lot interrompu : ${arret}` : ''}
                {fini.saisie === 'une_par_signature' && fini.saisies > 0
                  ? ` Code PIN saisi ${fini.saisies} fois (la carte le demande à chaque signature).`
                  : ''}
                {rapport && fini.fin === 'termine' ? (o.apres?.(rapport) ?? '') : ''}
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
            const e = lotCourant.current;
            if (e && !e.fin) {
              mettreAJour({ ...e, fin: 'arrete', codeArret: 'operation_annulee' });
              if (!pin.enCours) options.surFini?.();
            }
          }}
        />
      </>
    );
  };

  return { etat, session, carte, lancer, arreter, setErreur, suivi };
}

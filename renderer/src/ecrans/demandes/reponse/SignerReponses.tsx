import { useId } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DroitDeSignerDit } from '../../cartes/DroitDeSignerDit';
import { useDroitDeSigner } from '../../cartes/useDroitDeSigner';
import { useLotSignature } from '../../cartes/useLotSignature';

const useStyles = makeStyles({
  ligne: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * "Signer les N réponses": the drafts' documents signed as one batch (`signature.signerLot`
 * with their ids), one PIN entry where the card allows it, progress live, the report after.
 * An agent's session prepares but does not sign: the button is off and says an officer signs.
 * The requests sent to other communes are signed the same way ("Signer les N demandes").
 */
export function SignerReponses(props: { documentIds: number[]; surFini: () => void; quoi?: 'réponse' | 'demande' }) {
  const styles = useStyles();
  const lot = useLotSignature({ ids: () => props.documentIds, surFini: props.surFini });
  const droit = useDroitDeSigner();
  const idRaison = useId();

  const { etat } = lot;
  const n = props.documentIds.length;
  const quoi = props.quoi ?? 'réponse';
  const libelle = n === 0 ? `Signer les ${quoi}s` : n === 1 ? `Signer la ${quoi}` : `Signer les ${n} ${quoi}s`;

  return (
    <>
      <div className={styles.ligne}>
        <Button
          appearance="primary"
          disabled={!droit.peutSigner || n === 0 || !!etat?.signatureEnCours}
          aria-describedby={droit.raison ? idRaison : undefined}
          onClick={() => lot.lancer(n, `pour signer ${n} ${quoi}${n > 1 ? 's' : ''}`)}
        >
          {libelle}
        </Button>
        {etat?.signatureEnCours && <Button onClick={lot.arreter}>Arrêter le lot</Button>}
      </div>
      <DroitDeSignerDit droit={droit} id={idRaison} />
      {lot.suivi({
        signes: `${quoi}(s) signée(s)`,
        apres: (r) => (r.signes > 0 && !r.interrompu ? ' Elles partiront à la prochaine mise à jour.' : ''),
      })}
    </>
  );
}

import type { SortieAppel } from '../../../../shared/contract';
import type { SessionCarteEtat } from '../../../../shared/contract/carte';

type EtatAnnuaire = SortieAppel<'annuaire.etat'>;

export interface DroitDeSigner {
  peutSigner: boolean;
  /** What the user must do now, in French; null while it is being read, or when they may sign. */
  raison: string | null;
}

export const SANS_SESSION =
  'Pour signer, un officier de l’état civil délégué insère sa carte et ouvre sa session (code PIN, écran Cartes, « Ma carte »).';
const UN_OFFICIER = 'Pour signer, un officier de l’état civil délégué ouvre sa session avec sa propre carte.';

const phrase = (texte: string) => (/[.!?]$/.test(texte) ? texte : `${texte}.`);

/**
 * May the card at the keyboard sign now, and if not, what to do: the card's word (a signature
 * certificate valid today) and the directory's (an active officer with a current delegation),
 * as the main process checks them again at the start of the batch and before each signature.
 * `annuaire`: the directory's state read for this very session, undefined until it is.
 */
export function droitDeSigner(
  session: SessionCarteEtat | null,
  annuaire: EtatAnnuaire | null | undefined,
): DroitDeSigner {
  if (!session) return { peutSigner: false, raison: SANS_SESSION };
  if (annuaire === undefined) return { peutSigner: false, raison: null };
  const poste = annuaire?.existe ? annuaire.poste : null;
  if (poste && (poste.etat === 'carte_inconnue' || poste.etat === 'carte_refusee'))
    return { peutSigner: false, raison: `${phrase(poste.message ?? 'Cette carte ne peut pas signer')} ${UN_OFFICIER}` };
  if (poste?.etat === 'agent' && !poste.peutSigner && poste.refusSignature)
    return {
      peutSigner: false,
      raison: `Cette carte ne peut pas signer : ${phrase(poste.refusSignature.raison)} ${UN_OFFICIER}`,
    };
  if (!session.peutSigner)
    return {
      peutSigner: false,
      raison: `${phrase(session.raisonSansSignature ?? 'Cette carte ne peut pas signer')} ${UN_OFFICIER}`,
    };
  return { peutSigner: true, raison: null };
}

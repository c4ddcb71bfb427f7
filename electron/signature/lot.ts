import { arreteLeLot, documentsParAppel, type SaisiePin } from '../../shared/domain/lot-signature';
import { erreurs, RegistreError, versRegistreError } from '../../shared/errors';
import type { Horloge } from '../horloge';
import { journal } from '../journal';
import { empreinteContenu, type DepotSignature } from './depot-signature';
import type { SignateurXades } from './xades-signer';

export interface ProgressionLot {
  lotId: string;
  total: number;
  faits: number;
  signes: number;
  echecs: number;
  documentId: number;
  etat: 'signe' | 'echec';
}

export interface RapportLot {
  lotId: string | null;
  total: number;
  signes: number;
  echecs: number;
  /** Still to sign after this batch (not reached, or given back when the card went away). */
  enAttente: number;
  interrompu: boolean;
  /** Why the batch stopped early (card withdrawn, PIN refused...). */
  erreur: RegistreError | null;
}

/**
 * Signs the pending documents `ids` (all pending ones if omitted) with ONE signer, i.e. one
 * PIN entry: all of them, or only the first when the card asks for the PIN at each signature
 * (`saisie`: the rest stays pending for the next call, with its own PIN). Each document is taken (en_cours), signed, and stored signed in its own small
 * transaction right away: what was signed stays signed whatever happens next, and a document
 * is only ever taken from `a_signer`, so nothing is signed twice.
 */
export async function signerLot(p: {
  depot: DepotSignature;
  signateur: SignateurXades;
  horloge: Horloge;
  ids?: readonly number[];
  /** How the card takes the PIN (shared/domain/lot-signature.ts); all documents when omitted. */
  saisie?: SaisiePin;
  surProgression?: (e: ProgressionLot) => void;
  /** Asked between two documents: the officer stopped the batch (the rest stays to sign). */
  arretDemande?: () => boolean;
}): Promise<RapportLot> {
  const enAttente = p.depot.aSigner(p.ids);
  const ids = enAttente.slice(0, documentsParAppel(p.saisie ?? 'une_par_lot', enAttente.length));
  if (ids.length === 0)
    return { lotId: null, total: 0, signes: 0, echecs: 0, enAttente: 0, interrompu: false, erreur: null };
  const lotId = p.depot.creerLot(ids.length);
  const certificat = p.signateur.signataire.certificat.empreinte;
  const nature = p.signateur.signataire.nature;
  let signes = 0;
  let echecs = 0;
  let faits = 0;
  let erreur: RegistreError | null = null;

  for (const id of ids) {
    if (p.arretDemande?.()) {
      erreur = erreurs.operationAnnulee();
      break;
    }
    const doc = p.depot.reserver(id, lotId);
    if (!doc) continue;
    let etat: 'signe' | 'echec';
    try {
      if (empreinteContenu(doc.contenu) !== doc.empreinte)
        throw erreurs.importInvalide('contenu altéré depuis sa préparation');
      const signeLe = p.horloge.maintenant();
      const xml = await p.signateur.signer(doc.contenu, { horodatage: signeLe });
      p.depot.enregistrerSigne(id, lotId, { xml, certificat, nature, signeLe });
      signes++;
      etat = 'signe';
    } catch (e) {
      const err = versRegistreError(e);
      if (arreteLeLot(err.code)) {
        p.depot.remettre(id, lotId);
        erreur = err;
        break;
      }
      p.depot.echouer(id, lotId, err.code);
      echecs++;
      etat = 'echec';
    }
    faits++;
    p.surProgression?.({ lotId, total: ids.length, faits, signes, echecs, documentId: id, etat });
  }

  const interrompu = erreur !== null;
  p.depot.terminerLot(lotId, {
    etat: interrompu ? 'interrompu' : 'termine',
    signes,
    echecs,
    motif: erreur?.code ?? null,
  });
  journal.info('lot de signature', { lot: lotId, total: ids.length, signes, echecs, interrompu, code: erreur?.code });
  // What this call did not reach stays pending: the rest of the batch counts too.
  const reste = p.depot.aSigner(enAttente).length;
  return { lotId, total: ids.length, signes, echecs, enAttente: reste, interrompu, erreur };
}

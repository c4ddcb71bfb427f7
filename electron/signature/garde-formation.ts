import { erreurs } from '../../shared/errors';
import { analyserCertificat, estCertificatFormation } from './certificats';

/**
 * The sync adapter for the REAL platform calls this before sending anything: a document signed
 * with the training card, or a connection with its authentication certificate, is refused here,
 * whatever the mode. (The real platform would refuse it too: its trust list does not know the
 * training CA. This makes the refusal ours, early and explicit.)
 */
export function garantirPlateformeReelle(certificatDer: Uint8Array): void {
  if (estCertificatFormation(analyserCertificat(certificatDer))) {
    throw erreurs.droitsInsuffisants(
      'La carte de formation ne peut pas être utilisée avec la plateforme COMEDEC réelle.',
    );
  }
}

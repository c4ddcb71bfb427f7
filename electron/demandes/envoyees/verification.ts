import type { z } from 'zod';
import type { VerificationReponseSchema } from '../../../shared/contract/demandes-envoyees';
import { raisonCommuneReponse } from '../../../shared/domain/commune-reponse';
import { erreurs } from '../../../shared/errors';
import { espaceDeNoms, lireReponse, type Reponse } from '../../comedec';

export type VerificationReponse = z.infer<typeof VerificationReponseSchema>;

/** What the XAdES verifier says of a signature (electron/signature's result, as app.ts hands it). */
export interface SignatureVerifiee {
  titulaire: string;
  titre: string | null;
  /** The commune the certificate names (OU: an INSEE code). */
  commune: string | null;
  emetteur: string;
  debut: Date;
  fin: Date;
  horodatage: Date;
}

export type Verificateur = (
  xml: string,
  racine: { nomLocal: string; espaceNoms: string },
  instant: Date,
) => Promise<SignatureVerifiee>;

/**
 * The answer kept by the sync, verified AGAIN before it is shown or printed, as of its reception
 * (the same checks: value, references, chain, key usage, validity at the signing time and at the
 * reception; then the commune asked and the signer's commune). What does not hold throws
 * signature_invalide: an answer is never shown as valid on the strength of a past check alone.
 */
export async function verifierReponseGardee(
  verifier: Verificateur,
  xml: string,
  attendu: { demandePlateforme: string; communeDemandee: string },
  recueLe: string,
): Promise<{ reponse: Reponse; verification: VerificationReponse }> {
  const reponse = lireReponse(Buffer.from(xml, 'utf8'));
  if (reponse.demandeId !== attendu.demandePlateforme)
    throw erreurs.signatureInvalide('la réponse porte sur une autre demande');
  const s = await verifier(xml, { nomLocal: 'reponse', espaceNoms: espaceDeNoms(reponse.version) }, new Date(recueLe));
  const raison = raisonCommuneReponse({
    communeDemandee: attendu.communeDemandee,
    communeReponse: reponse.commune.codeInsee,
    communeCertificat: s.commune,
  });
  if (raison) throw erreurs.signatureInvalide(raison);
  return {
    reponse,
    verification: {
      signataire: s.titulaire,
      titre: s.titre,
      communeCertificat: s.commune,
      communeReponse: reponse.commune,
      delegation:
        'officier de l’état civil délégué (certificat de signature qualifié, délivré aux seuls officiers délégués)',
      signeeLe: s.horodatage.toISOString(),
      certificatValideDu: s.debut.toISOString(),
      certificatValideAu: s.fin.toISOString(),
      emetteur: s.emetteur,
      verifieeLe: recueLe,
    },
  };
}

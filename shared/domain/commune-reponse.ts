/**
 * Whose answer it is (pure). An answer to a request this commune sent is worth something only
 * if it comes from the commune asked and is signed by one of ITS officers: a valid signature of
 * another commune's officer, or an answer in the name of another commune, attests nothing about
 * the register asked. The signature certificate names its holder's commune by INSEE code
 * (organizational unit, OU); the delegation is the qualified signature certificate itself,
 * checked by the XAdES verifier (key usage), since only a delegated officer is issued one.
 * Returns the reason in French, or null when the answer is the commune's own.
 */
export function raisonCommuneReponse(c: {
  /** The commune the request was sent to (INSEE code). */
  communeDemandee: string;
  /** The commune the answer names as its author. */
  communeReponse: string;
  /** The commune the signer's certificate names (OU), when it names one. */
  communeCertificat: string | null;
}): string | null {
  if (c.communeReponse !== c.communeDemandee)
    return `la réponse se présente comme celle de la commune ${c.communeReponse}, la demande a été adressée à ${c.communeDemandee}`;
  if (c.communeCertificat === null)
    return 'le certificat du signataire ne nomme pas sa commune : rien n’atteste qu’il en est l’officier';
  if (c.communeCertificat !== c.communeReponse)
    return `le signataire est un agent de la commune ${c.communeCertificat}, pas de ${c.communeReponse}`;
  return null;
}

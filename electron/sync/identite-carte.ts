import { estCertificatFormation, versPem, type ServiceCarte } from '../signature';
import type { IdentiteConnexion } from './plateforme/adaptateur';

/**
 * The identity a sync connects with: the AUTHENTICATION certificate and key of the card the
 * officer connected (carte.connecter, with the PIN), through the card service's open session.
 * The sync never asks for a PIN and never opens a session of its own. The training card is a
 * training identity, and so is any certificate carrying the training policy.
 */
export type ActionConnexion = 'mettre à jour' | 'tester la connexion';

export function identiteDepuisCarte(service: ServiceCarte): (action?: ActionConnexion) => Promise<IdentiteConnexion> {
  return async (action = 'mettre à jour') => {
    const a = service.authentifiant(action);
    return {
      formation: a.nature === 'formation' || estCertificatFormation(a.certificat),
      certificatPem: versPem(a.certificat),
      chainePem: a.chaine.map(versPem),
      signer: (donnees) => a.signer(donnees),
    };
  };
}

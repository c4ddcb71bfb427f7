import { webcrypto } from 'node:crypto';
import { creerRacine } from '../../../fixtures/cartes/autorite';
import type { IdentiteConnexion } from '../../../../electron/sync/plateforme/adaptateur';

/**
 * A software identity (a real RSA key and certificate, made here) for tests against a platform
 * that does not check who connects: the hostile platform. Tests against the sandbox use the
 * SoftHSM2 cards instead.
 */
export async function identiteLogicielle(): Promise<IdentiteConnexion> {
  const ac = await creerRacine('CN=Identité de test, O=Registre essais, C=FR', new Date());
  return {
    formation: false,
    certificatPem: ac.pem,
    chainePem: [],
    signer: async (donnees) =>
      new Uint8Array(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', ac.cles.privateKey, donnees)),
  };
}

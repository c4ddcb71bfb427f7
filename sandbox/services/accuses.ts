import { construireAccuse, type VersionFormat } from '../../electron/comedec';
import type { DepotReglages } from '../depots/reglages';

/** Receipt numbers: AR-<year>-<8 digits>, one counter for the platform. */
export function faireAccuse(
  reglages: DepotReglages,
  a: {
    version: VersionFormat;
    objet: 'reponse' | 'demande_emise';
    demandeId: string;
    documentId: string;
    cleIdempotence: string;
    empreinte: string;
  },
  maintenant: Date,
): string {
  const numero = `AR-${maintenant.getUTCFullYear()}-${String(reglages.suivant('accuse')).padStart(8, '0')}`;
  return construireAccuse({ ...a, numero, recuLe: maintenant.toISOString() });
}

/** Request identifiers: DEM-<year>-<8 digits>. */
export function nouvelIdDemande(reglages: DepotReglages, maintenant: Date): string {
  return `DEM-${maintenant.getUTCFullYear()}-${String(reglages.suivant('demande')).padStart(8, '0')}`;
}

/** Idempotency keys: what a client may choose (printable ASCII, 1..200). */
export function cleValide(cle: string | undefined): cle is string {
  return typeof cle === 'string' && /^[\x21-\x7e]{1,200}$/.test(cle);
}

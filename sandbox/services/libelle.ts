import { normaliser } from '../../shared/domain/normalisation';
import { communeParCode } from '../../electron/registre';

/** `MAIRIE-<département>-<COMMUNE>`: upper case, no accents, words joined by hyphens. */
export function libelleCommune(nom: string, departement: string): string {
  return `MAIRIE-${departement}-${normaliser(nom).toUpperCase().replace(/ /g, '-')}`;
}

/** The platform identity of an official commune, or null for an unknown INSEE code. */
export function communeOfficielle(codeInsee: string): { codeInsee: string; libelle: string; nom: string } | null {
  const c = communeParCode(codeInsee);
  return c ? { codeInsee: c.codeInsee, libelle: libelleCommune(c.nom, c.departement), nom: c.nom } : null;
}

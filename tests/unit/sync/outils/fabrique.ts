import { construireDemande, type DemandeSaisie } from '../../../../electron/comedec/format';
import { ouvrirBase, type Base } from '../../../../electron/db/connexion';

/** Test material for the sync engine: a real database with every migration, and requests built by the format module. */
/** The key of the platform the test requests come from. */
export const PLATEFORME_ESSAI = 'registre-bac-a-sable:essai';

export const AUSSILLON = { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' };

export function baseDeTest(): Base {
  return ouvrirBase(':memory:');
}

export function demande(
  id: string,
  autre: Partial<DemandeSaisie> = {},
  dispo = '2026-01-10T09:00:00.000Z',
): DemandeSaisie {
  return {
    version: 2,
    id,
    specimen: false,
    destinataire: AUSSILLON,
    demandeur: {
      type: 'notaire',
      libelle: 'Étude de Maître Lefèvre, Castres',
      reference: `ET-${id}`,
      typeReference: 'reference_etude',
    },
    typeActe: 'naissance',
    personne: { nom: 'CAZALS', prenoms: ['Élise'], sexe: 'F', dateNaissance: '1987-03-12' },
    dates: {
      miseADisposition: dispo,
      echeance: new Date(new Date(dispo).getTime() + 20 * 864e5).toISOString(),
      purge: new Date(new Date(dispo).getTime() + 23 * 864e5).toISOString(),
      echeanceProcedure: null,
    },
    ...autre,
  };
}

export function xmlDemande(id: string, autre: Partial<DemandeSaisie> = {}, dispo?: string): string {
  return construireDemande(demande(id, autre, dispo));
}

import type { DemandeEmiseSaisie, DemandeSaisie, ReponseSaisie } from '../../../electron/comedec/format';

/** Typical documents for the format tests (invented people). */
export const AUSSILLON = { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' };

export function demandeExemple(version: 1 | 2 = 2): DemandeSaisie {
  return {
    version,
    id: 'DEM-2024-000123',
    specimen: false,
    destinataire: AUSSILLON,
    demandeur: {
      type: 'notaire',
      libelle: 'Étude de Maître Lefèvre, Castres',
      reference: 'ET-2024/0457',
      typeReference: 'reference_etude',
    },
    typeActe: 'naissance',
    personne: {
      nom: 'N’DIAYE',
      nomUsage: 'ROUSSEL',
      prenoms: ['Marie-Hélène', 'Zoé'],
      sexe: 'F',
      dateNaissance: '1987-03-12',
      lieuNaissance: { commune: 'Aussillon', codeInsee: '81021', departement: '81' },
    },
    pere: { nom: 'NDIAYE', prenoms: ['Amadou'] },
    mere: { nom: 'CAZALS', prenoms: ['Françoise', 'Élise'] },
    dates: {
      miseADisposition: '2024-03-01T08:00:00.000Z',
      echeance: '2024-03-21T08:00:00.000Z',
      purge: '2024-03-24T08:00:00.000Z',
      echeanceProcedure: '2024-03-15',
    },
  };
}

export const acteNaissance = {
  type: 'naissance' as const,
  annee: 1987,
  numero: 42,
  dateActe: '1987-03-13',
  dateEvenement: '1987-03-12',
  lieuEvenement: { commune: 'Aussillon', codeInsee: '81021', departement: '81' },
  personnes: [
    {
      role: 'titulaire' as const,
      nom: 'NDIAYE',
      prenoms: ['Marie-Hélène', 'Zoé'],
      sexe: 'F' as const,
      dateNaissance: '1987-03-12',
    },
    { role: 'pere' as const, nom: 'NDIAYE', prenoms: ['Amadou'], sexe: 'M' as const, profession: 'mécanicien' },
    {
      role: 'mere' as const,
      nom: 'CAZALS',
      prenoms: ['Françoise', 'Élise'],
      sexe: 'F' as const,
      profession: 'institutrice',
    },
  ],
  mentions: [
    {
      type: 'mariage' as const,
      date: '2012-06-30',
      texte: 'Mariée à Castres (Tarn) le 30 juin 2012 avec Paul ROUSSEL.',
    },
  ],
};

export function reponseExemple(version: 1 | 2 = 2): ReponseSaisie {
  return {
    version,
    id: 'REP-7f3a',
    demandeId: 'DEM-2024-000123',
    commune: AUSSILLON,
    emiseLe: '2024-03-04T09:12:00.000Z',
    resultat: { nature: 'positive', forme: 'copie_integrale', acte: acteNaissance },
  };
}

export function demandeEmiseExemple(version: 1 | 2 = 2): DemandeEmiseSaisie {
  return {
    version,
    id: 'EMI-0001',
    emettrice: AUSSILLON,
    destinataire: { codeInsee: '31555' },
    motif: 'dossier_mariage',
    reference: 'MAR-2024-12',
    typeReference: 'dossier_mariage',
    echeanceProcedure: '2024-06-15',
    emiseLe: '2024-03-02T10:00:00.000Z',
    typeActe: 'naissance',
    personne: {
      nom: 'ROUSSEL',
      prenoms: ['Paul'],
      sexe: 'M',
      dateNaissance: '1985-11-02',
      lieuNaissance: { commune: 'Toulouse', codeInsee: '31555' },
    },
    pere: { nom: 'ROUSSEL', prenoms: ['Henri'] },
    mere: { nom: 'MARTY', prenoms: ['Anne'] },
  };
}

/** Runs `fn` and returns the RegistreError it throws (the test fails if it does not throw). */
export function erreurDe(fn: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; message: string; details?: Record<string, unknown> };
    return { code: err.code, message: err.message, details: err.details ?? {} };
  }
  throw new Error('aucune erreur levée');
}

import {
  construireAccuse,
  construireDemande,
  construireDemandeEmise,
  construireRejet,
  construireReponse,
  lireAccuse,
  lireDemande,
  lireDemandeEmise,
  lireRejet,
  lireReponse,
} from '../../../electron/comedec/format';
import { demandeEmiseExemple, demandeExemple, reponseExemple } from '../../unit/comedec/exemples';

/** The valid documents every hostile one starts from, with the reader and writer of each. */
export interface Base {
  nom: string;
  texte: string;
  lire: (xml: string | Uint8Array) => unknown;
  /** The writer of the same kind: an accepted mutation must read back the same once rewritten. */
  construire: (objet: never) => string;
}

const accuse = {
  version: 2 as const,
  numero: 'ACC-0001',
  objet: 'reponse' as const,
  demandeId: 'DEM-2024-000123',
  documentId: 'REP-7f3a',
  cleIdempotence: 'cle-0001',
  recuLe: '2024-03-04T09:13:00.000Z',
  empreinte: 'a'.repeat(64),
};

const rejet = {
  version: 2 as const,
  motif: 'document_invalide' as const,
  message: 'Le document ne respecte pas le format.',
  horodatage: '2024-03-04T09:13:00.000Z',
  demandeId: 'DEM-2024-000123',
  champ: 'resultat.acte.numero',
};

export function bases(): Base[] {
  const negative = {
    ...reponseExemple(),
    resultat: { nature: 'negative' as const, motif: 'acte_non_detenu' as const, commentaire: 'Aucun acte & rien.' },
  };
  return [
    {
      nom: 'demande v2',
      texte: construireDemande(demandeExemple(2)),
      lire: lireDemande,
      construire: construireDemande,
    },
    {
      nom: 'demande v1',
      texte: construireDemande(demandeExemple(1)),
      lire: lireDemande,
      construire: construireDemande,
    },
    {
      nom: 'réponse positive',
      texte: construireReponse(reponseExemple()),
      lire: lireReponse,
      construire: construireReponse,
    },
    { nom: 'réponse négative', texte: construireReponse(negative), lire: lireReponse, construire: construireReponse },
    { nom: 'accusé', texte: construireAccuse(accuse), lire: lireAccuse, construire: construireAccuse },
    { nom: 'rejet', texte: construireRejet(rejet), lire: lireRejet, construire: construireRejet },
    {
      nom: 'demande émise',
      texte: construireDemandeEmise(demandeEmiseExemple()),
      lire: lireDemandeEmise,
      construire: construireDemandeEmise,
    },
  ] as Base[];
}

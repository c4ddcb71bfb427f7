import { createHash } from 'node:crypto';
import { construireDemande, DemandeSchema, type DemandeSaisie } from '../../../electron/comedec/format';
import type { Base } from '../../../electron/db/connexion';
import { enregistrerLot } from '../../../electron/demandes';
import { commencer } from '../../../electron/sync/stockage/synchros';
import { DepotActes } from '../../../electron/registre/depot';
import { ActeSchema, type ActeSaisi } from '../../../shared/domain/acte';

/** Known acts and requests about them, on top of a synthetic register (invented people). */

export const ALBI = { codeInsee: '81004', libelle: 'MAIRIE-81-ALBI' };

export const acteConnu: ActeSaisi = {
  type: 'naissance',
  annee: 1987,
  numero: 9001,
  dateActe: '1987-03-13',
  dateEvenement: '1987-03-12',
  lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81' },
  personnes: [
    { role: 'titulaire', nom: 'QUÉRÉ-VASSEUR', prenoms: ['Éloïse', 'Marthe'], sexe: 'F', dateNaissance: '1987-03-12' },
    { role: 'pere', nom: 'QUÉRÉ-VASSEUR', prenoms: ['Yann'], sexe: 'M' },
    { role: 'mere', nom: 'ABGRALL', prenoms: ['Nolwenn'], sexe: 'F' },
  ],
  mentions: [{ type: 'mariage', date: '2012-06-30', texte: 'Mariée à Albi le 30 juin 2012 avec Paul TREGUER.' }],
};

export function ajouterActes(db: Base, ...actes: ActeSaisi[]): number[] {
  const depot = new DepotActes(db);
  return actes.map((a) => depot.enregistrer(ActeSchema.parse(a), '2025-01-01T00:00:00.000Z').id);
}

/** A request for `acteConnu`, as a citizen would declare it, changed by `modifs`. */
export function demandeConnue(
  version: 1 | 2 = 2,
  modifs: Partial<DemandeSaisie['personne']> = {},
  id = 'DEM-2025-000001',
): DemandeSaisie {
  return {
    version,
    id,
    specimen: false,
    destinataire: ALBI,
    demandeur: {
      type: 'notaire',
      libelle: 'Étude de Maître Exemple, Castres',
      reference: 'ET-2025/0001',
      typeReference: version === 2 ? 'reference_etude' : null,
    },
    typeActe: 'naissance',
    personne: {
      nom: 'QUÉRÉ-VASSEUR',
      nomUsage: null,
      prenoms: ['Éloïse', 'Marthe'],
      sexe: 'F',
      dateNaissance: '1987-03-12',
      lieuNaissance: { commune: 'Albi', codeInsee: '81004', departement: '81' },
      ...modifs,
    },
    pere: { nom: 'QUÉRÉ-VASSEUR', prenoms: ['Yann'] },
    mere: { nom: 'ABGRALL', prenoms: ['Nolwenn'] },
    dates: {
      miseADisposition: '2025-03-01T08:00:00.000Z',
      echeance: '2025-03-21T08:00:00.000Z',
      purge: '2025-03-24T08:00:00.000Z',
      echeanceProcedure: null,
    },
  };
}

export function xmlDemande(d: DemandeSaisie): string {
  return construireDemande(d);
}

/** Stores requests as the sync engine does when a pull brings them (its own storage code). */
export function recevoir(db: Base, ...demandes: DemandeSaisie[]): number[] {
  const synchro = commencer(db, 'manuel', new Date('2025-03-01T08:00:00.000Z'));
  const bilan = enregistrerLot(
    db,
    'registre-bac-a-sable:essai',
    synchro,
    new Date('2025-03-01T08:00:00.000Z'),
    demandes.map((saisie) => {
      const demande = DemandeSchema.parse(saisie);
      const document = construireDemande(saisie);
      return {
        livraison: demande.id,
        demande,
        document,
        empreinte: createHash('sha256').update(document).digest('hex'),
      };
    }),
    [],
  );
  return bilan.nouvelles.map((n) => n.id);
}

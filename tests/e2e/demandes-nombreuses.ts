import { enregistrerLot } from '../../electron/demandes';
import { ouvrirBase } from '../../electron/db/connexion';
import { commencer, terminer } from '../../electron/sync/stockage/synchros';
import { demande } from '../unit/sync/outils/fabrique';

/**
 * Many received requests (10,000 for the working frame's scenario and the list's bench), stored
 * through the requests room's reception store in the data folder before the app opens it (one
 * transaction: seconds, where 10,000 syncs would take minutes). They come from another platform
 * than the sandbox's, so a sync neither acknowledges nor repeats them.
 *
 * Request i: act type i % 3 (naissance, mariage, décès); asked by the Ministry of the Interior
 * when i % 4 === 0, by a notary otherwise; person NOMS[i % 8] (ZYGMUNT for i === 7777), given
 * name `Prénom<i>`; a specimen when i % (nombre / specimens) === 1; made available i % 15 days
 * ago (every one still to answer).
 */
export const NOMS_DEMANDES = ['MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'RICHARD', 'PETIT', 'DURAND'];
const JOUR = 864e5;
export const UNE_HEURE = 3600e3;

/** Returns the seeding instant: request i was made available (i % 15) days and one hour before it. */
export function stockerDemandes(fichier: string, nombre: number, specimens: number): Date {
  const db = ouvrirBase(fichier);
  try {
    const maintenant = new Date();
    const synchro = commencer(db, 'manuel', maintenant);
    const acceptees = Array.from({ length: nombre }, (_, i) => {
      const d = demande(
        `DEM-${String(i).padStart(5, '0')}`,
        {
          specimen: i % (nombre / specimens) === 1,
          typeActe: (['naissance', 'mariage', 'deces'] as const)[i % 3],
          demandeur: {
            type: i % 4 === 0 ? 'interieur' : 'notaire',
            libelle: 'Demandeur',
            reference: `REF-${i}`,
            typeReference: 'autre',
          },
          personne: {
            nom: i === 7777 ? 'ZYGMUNT' : NOMS_DEMANDES[i % NOMS_DEMANDES.length],
            prenoms: [`Prénom${i}`],
            sexe: 'F',
            dateNaissance: '1987-03-12',
          },
        },
        new Date(maintenant.getTime() - (i % 15) * JOUR - UNE_HEURE).toISOString(),
      );
      return { livraison: d.id, demande: d as never, document: '<demande/>', empreinte: `e${i}` };
    });
    enregistrerLot(db, 'registre-bac-a-sable:e2e-cadre', synchro, maintenant, acceptees, []);
    // then the platform could not be reached: what the status bar shows until the next sync
    terminer(db, commencer(db, 'automatique', maintenant), 'echouee', 'Plateforme injoignable (essai).', maintenant);
    return maintenant;
  } finally {
    db.close();
  }
}

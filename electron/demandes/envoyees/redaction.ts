import type { SaisieDemandeEnvoyeeValidee } from '../../../shared/contract/demandes-envoyees';
import { construireDemandeEmise, type CommunePlateforme } from '../../comedec';

/**
 * The request as it leaves (format version 2, the current one): what the officer wrote, the
 * file's kind as the reference's type, the procedure's date as its deadline. The format's own
 * schema checks it once more on the way out (construireDemandeEmise).
 */
export function redigerDemandeEmise(
  s: SaisieDemandeEnvoyeeValidee,
  c: { id: string; emettrice: CommunePlateforme; emiseLe: string },
): string {
  return construireDemandeEmise({
    version: 2,
    id: c.id,
    emettrice: c.emettrice,
    destinataire: { codeInsee: s.destinataire.codeInsee },
    motif: s.motif,
    reference: s.reference,
    typeReference: s.motif,
    echeanceProcedure: s.dateProcedure,
    emiseLe: c.emiseLe,
    typeActe: s.typeActe,
    personne: {
      nom: s.personne.nom,
      prenoms: s.personne.prenoms,
      sexe: s.personne.sexe,
      dateNaissance: s.personne.dateNaissance,
      lieuNaissance: s.personne.lieuNaissance,
    },
    pere: s.pere,
    mere: s.mere,
  });
}

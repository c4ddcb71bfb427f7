import { z } from 'zod';
import { IssueSchema, ResultatRapprochementSchema } from '../domain/correspondance/types';
import { appel, evenement } from './define';

/** Matching of received requests with the register: candidates, field comparison, outcome. */

const DemandeId = z.number().int().positive();

export const EtatRapprochementSchema = z.object({
  demandeId: z.number().int(),
  resultat: ResultatRapprochementSchema,
  /** When it was computed (ISO instant). */
  calculeLe: z.string(),
  dureeMs: z.number(),
});
export type EtatRapprochement = z.infer<typeof EtatRapprochementSchema>;

export const IssueDemandeSchema = z.object({
  demandeId: z.number().int(),
  /** null: not matched yet (it is being done in the background). */
  issue: IssueSchema.nullable(),
  score: z.number().int().nullable(),
  /** The register changed since: being redone. */
  perime: z.boolean(),
});
export type IssueDemande = z.infer<typeof IssueDemandeSchema>;

export const appelsRapprochement = {
  'rapprochement.lire': appel(
    z.object({ demandeId: DemandeId }),
    EtatRapprochementSchema,
    'Actes du registre candidats pour une demande, comparaison champ par champ et issue (sûr, à vérifier, aucun) ; refait d’abord s’il manque ou si le registre a changé.',
  ),
  'rapprochement.relancer': appel(
    z.object({ demandeId: DemandeId }),
    EtatRapprochementSchema,
    'Refait le rapprochement d’une demande avec le registre tel qu’il est maintenant.',
  ),
  'rapprochement.issues': appel(
    z.object({ demandeIds: z.array(DemandeId).max(500) }),
    z.array(IssueDemandeSchema),
    'Issue du rapprochement de plusieurs demandes, pour les listes (sans recalcul).',
  ),
} as const;

export const evenementsRapprochement = {
  'rapprochement.modifie': evenement(
    z.object({ demandeIds: z.array(z.number().int()) }),
    'Des rapprochements ont été faits ou refaits (à l’arrivée des demandes, après un changement du registre).',
  ),
} as const;

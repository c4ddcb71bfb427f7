import type { DemandeEnvoyee, MotifDemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { libelleSuiviDemandeEnvoyee } from '../../../../../shared/domain/cycle-demande-envoyee';
import { jourFr } from '../libelles';

export const libelleMotifEnvoyee: Record<MotifDemandeEnvoyee, string> = {
  dossier_mariage: 'Dossier de mariage',
  dossier_pacs: 'Dossier de PACS',
};

/** "Reçue par la commune : réponse attendue au plus tard le 25/12/2026". */
export function libelleSuivi(d: DemandeEnvoyee): string {
  const etat = libelleSuiviDemandeEnvoyee(d.etat);
  const base = `${etat.charAt(0).toLocaleUpperCase('fr-FR')}${etat.slice(1)}`;
  if ((d.etat === 'accusee' || d.etat === 'en_retard') && d.jourLimite)
    return `${base} : réponse attendue au plus tard le ${jourFr(d.jourLimite)}`;
  return base;
}

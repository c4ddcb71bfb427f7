import { libellePlateforme, type Commune } from '../../../shared/contract/parametres';
import type { TypeActe } from '../../../shared/domain/acte';
import { journal } from '../../journal';
import type { BilanReception } from '../reception';
import { courrielNouvellesDemandes, type NouvellesDemandes } from './message';
import { envoyerCourriel, type ConfigurationMessagerie } from './messagerie';
import type { SourceRenouvellements } from './renouvellements';

export { alerterRenouvellements, type CarteARenouveler, type SourceRenouvellements } from './renouvellements';

export type IssueCourriel = 'envoye' | 'echec' | 'non_configure';

export interface DependancesAlertes {
  commune(): Commune | null;
  smtp(): ConfigurationMessagerie | null;
  /** The agents' cards to renew (the directory, wired by app.ts); absent: no renewal warning. */
  renouvellements?: SourceRenouvellements;
  /** The desktop notification, through the contract's event. */
  notifier(n: NouvellesDemandes & { quarantaine: number }): void;
}

/** The new requests counted (real ones), and the specimens apart: a specimen is never counted. */
export function resumer(bilan: BilanReception): NouvellesDemandes {
  const parType: Partial<Record<TypeActe, number>> = {};
  let nombre = 0;
  let specimens = 0;
  let jourLimitePlusProche: string | null = null;
  for (const n of bilan.nouvelles) {
    if (n.demande.specimen) {
      specimens++;
      continue;
    }
    nombre++;
    parType[n.demande.typeActe] = (parType[n.demande.typeActe] ?? 0) + 1;
    if (!jourLimitePlusProche || n.jourLimite < jourLimitePlusProche) jourLimitePlusProche = n.jourLimite;
  }
  return { nombre, specimens, parType, jourLimitePlusProche };
}

/**
 * New requests: a desktop notification (always), and an e-mail to the office's functional
 * address when the SMTP settings are complete and active. The e-mail carries counts and the
 * earliest deadline only (see message.ts). A failed e-mail is reported, never retried in a
 * loop, and never undoes the sync.
 */
export async function alerter(dep: DependancesAlertes, bilan: BilanReception): Promise<IssueCourriel | null> {
  if (bilan.nouvelles.length === 0 && bilan.quarantaine === 0) return null;
  const resume = resumer(bilan);
  dep.notifier({ ...resume, quarantaine: bilan.quarantaine });
  // Specimens alone still make a message: they wait for an answer like any request.
  if (resume.nombre === 0 && resume.specimens === 0) return null;
  const commune = dep.commune();
  const smtp = dep.smtp();
  if (!commune || !smtp?.active) return 'non_configure';
  try {
    await envoyerCourriel(
      smtp,
      commune.emailFonctionnel,
      courrielNouvellesDemandes(resume, libellePlateforme(commune)),
    );
    return 'envoye';
  } catch {
    journal.avertir('alerte par courriel non envoyée', { nombre: resume.nombre, specimens: resume.specimens });
    return 'echec';
  }
}

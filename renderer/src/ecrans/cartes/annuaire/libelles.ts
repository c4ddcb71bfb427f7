import type { CarteAgent } from '../../../../../shared/contract/annuaire';
import { LIBELLES_MOTIF_COMMANDE, formaterMontantHt } from '../../../../../shared/domain/cout-cartes';
import {
  LIBELLES_MOTIF_REVOCATION,
  libelleEtatCarte,
  type ActionCarte,
} from '../../../../../shared/domain/cycle-carte';
import type { QualiteOfficier, RoleAgent } from '../../../../../shared/domain/droits-agent';
import { formaterDate } from '../../../../../shared/domain/dates';

export const LIBELLES_ROLE: Record<RoleAgent, string> = {
  officier: 'Officier de l’état civil',
  agent: 'Agent',
  responsable_cartes: 'Responsable cartes',
  delegue: 'Délégué du responsable cartes',
};

export const LIBELLES_QUALITE: Record<QualiteOfficier, string> = {
  maire: 'Maire',
  adjoint: 'Adjoint',
  agent_delegue: 'Agent délégué',
};

export const LIBELLES_ACTION: Record<Exclude<ActionCarte, 'remettre'>, string> = {
  activer: 'Activée par son titulaire',
  changer_pin: 'PIN changé',
  debloquer_pin: 'PIN débloqué',
  revoquer: 'Révoquer',
  constater_expiration: 'Expirée',
  renouveler: 'Renouvelée',
};

export { LIBELLES_MOTIF_COMMANDE, LIBELLES_MOTIF_REVOCATION, formaterMontantHt };

export function etatCarte(c: CarteAgent): string {
  const etat = libelleEtatCarte(c.etat);
  return c.motifRevocation ? `${etat} (${LIBELLES_MOTIF_REVOCATION[c.motifRevocation]})` : etat;
}

export function alerteCarte(c: CarteAgent): string {
  if (!c.alerte) return '';
  return c.alerte.niveau === 'expiree'
    ? `Expirée depuis ${c.alerte.joursDepuis} jour${c.alerte.joursDepuis > 1 ? 's' : ''} : à renouveler`
    : `À renouveler : ${c.alerte.joursRestants} jour${c.alerte.joursRestants > 1 ? 's' : ''} restants`;
}

export function coutCarte(c: CarteAgent): string {
  return c.coutHtCentimes ? formaterMontantHt(c.coutHtCentimes) : 'gratuite';
}

export { formaterDate };

import type { Delegation, QualiteOfficier, RoleAgent } from '../../shared/domain/droits-agent';

/** The journal's words for roles and delegations (what a reader of the journal sees, in French). */
export const LIBELLES_ROLE: Record<RoleAgent, string> = {
  officier: 'officier de l’état civil',
  agent: 'agent',
  responsable_cartes: 'responsable cartes',
  delegue: 'délégué du responsable cartes',
};

export const LIBELLES_QUALITE: Record<QualiteOfficier, string> = {
  maire: 'maire',
  adjoint: 'adjoint',
  agent_delegue: 'agent délégué',
};

export function decrireRoles(roles: readonly RoleAgent[], delegation: Delegation | null): string {
  const texte = roles.map((r) => LIBELLES_ROLE[r]).join(', ') || 'aucun rôle';
  if (!delegation) return texte;
  const fin = delegation.fin ? `, jusqu’au ${delegation.fin}` : '';
  return `${texte} (${LIBELLES_QUALITE[delegation.qualite]}, arrêté ${delegation.reference} du ${delegation.arreteLe}, ${delegation.portee}${fin})`;
}

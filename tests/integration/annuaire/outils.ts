import type { AppCartes } from '../signature/outils';

/** What `annuaire.creer` takes for the first officer: Jeanne MARTIN, deputy mayor, delegated. */
export const PREMIERE_OFFICIERE = {
  agent: { nom: 'MARTIN', prenoms: 'Jeanne', dateNaissance: '1968-03-14', fonction: 'Maire adjointe', email: null },
  delegation: {
    qualite: 'adjoint',
    arreteLe: '2026-01-05',
    reference: 'A-2026-03',
    portee: 'état civil',
    fin: null,
  },
} as const;

/**
 * The directory created from the officer's open session, and Paul DURAND, agent without
 * delegation, with his card AGENT-0002 registered: the agent record is returned.
 */
export async function annuaireAvecAgent(t: AppCartes) {
  await t.appeler('annuaire.creer', PREMIERE_OFFICIERE);
  const durand = await t.appeler('annuaire.enregistrerAgent', {
    nom: 'DURAND',
    prenoms: 'Paul',
    dateNaissance: '1990-11-02',
    fonction: 'Agent d’accueil',
    email: null,
  });
  await t.appeler('annuaire.enregistrerCarte', { agentId: durand.id, jetonId: await t.jetonId('AGENT-0002') });
  return durand;
}

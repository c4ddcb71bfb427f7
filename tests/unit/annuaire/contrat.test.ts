import { describe, expect, it } from 'vitest';
import { appels } from '../../../shared/contract';
import '../../../shared/zod-fr';

/** The directory's calls validate their input before any handler runs (messages in French). */
const raisons = (nom: keyof typeof appels, entree: unknown) => {
  const r = appels[nom].entree.safeParse(entree);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`);
};

const DELEGATION = { qualite: 'adjoint', arreteLe: '2026-01-05', reference: 'A-1', portee: 'état civil', fin: null };
const AGENT = { nom: 'DURAND', prenoms: 'Paul', dateNaissance: '1990-11-02', fonction: 'Agent', email: null };

describe('contrat de l’annuaire', () => {
  it('un officier a une délégation, et seul un officier en a une ; pas de rôle en double', () => {
    expect(raisons('annuaire.definirRoles', { agentId: 1, roles: ['officier'], delegation: DELEGATION })).toEqual([]);
    expect(raisons('annuaire.definirRoles', { agentId: 1, roles: ['officier'], delegation: null })).toEqual([
      'delegation : un officier a une délégation (arrêté), et seul un officier en a une',
    ]);
    expect(raisons('annuaire.definirRoles', { agentId: 1, roles: ['agent'], delegation: DELEGATION })).toHaveLength(1);
    expect(raisons('annuaire.definirRoles', { agentId: 1, roles: ['agent', 'agent'], delegation: null })).toEqual([
      'roles : un rôle figure deux fois',
    ]);
    expect(raisons('annuaire.definirRoles', { agentId: 1, roles: [], delegation: null })).toEqual([
      'roles : au moins un rôle',
    ]);
  });

  it('une délégation ne finit pas avant son arrêté ; les dates sont au format aaaa-mm-jj', () => {
    expect(raisons('annuaire.creer', { agent: AGENT, delegation: { ...DELEGATION, fin: '2025-12-31' } })).toEqual([
      'delegation.fin : la fin de la délégation précède la date de l’arrêté',
    ]);
    expect(
      raisons('annuaire.creer', { agent: { ...AGENT, dateNaissance: '02/11/1990' }, delegation: DELEGATION }),
    ).toEqual(['agent.dateNaissance : date attendue au format aaaa-mm-jj']);
    expect(raisons('annuaire.enregistrerAgent', { ...AGENT, nom: ' ', email: 'pas-une-adresse' })).toEqual([
      'nom : le nom est obligatoire',
      'email : adresse électronique invalide',
    ]);
  });

  it('une révocation a un motif, et seule une révocation en a un ; la remise passe par l’enregistrement de la carte', () => {
    expect(raisons('annuaire.changerEtatCarte', { carteId: 1, action: 'revoquer', motif: 'vol' })).toEqual([]);
    expect(raisons('annuaire.changerEtatCarte', { carteId: 1, action: 'revoquer' })).toHaveLength(1);
    expect(raisons('annuaire.changerEtatCarte', { carteId: 1, action: 'activer', motif: 'vol' })).toHaveLength(1);
    expect(raisons('annuaire.changerEtatCarte', { carteId: 1, action: 'remettre' })).toHaveLength(1);
    expect(appels['annuaire.enregistrerCarte'].entree.parse({ agentId: 3 })).toEqual({
      agentId: 3,
      jetonId: null,
      motif: 'premiere',
      pieceIdentite: null,
    });
    // the identity document's number is bounded; the directory keeps only its last 4 characters
    expect(
      raisons('annuaire.enregistrerCarte', { agentId: 3, pieceIdentite: { nature: 'passeport', numero: '12' } }),
    ).toHaveLength(1);
  });
});

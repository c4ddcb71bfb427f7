import { describe, expect, it } from 'vitest';
import {
  controlerDroitDeSigner,
  delegationEnCours,
  erreurSignature,
  peutGererAnnuaire,
  refusSession,
  type AgentDroits,
  type CarteDroits,
  type CertificatPresente,
  type ContexteSignature,
} from '../../../shared/domain/droits-agent';

const AC = 'CN=AC Agents';
const auth: CertificatPresente = {
  usage: 'authentification',
  titulaire: 'Jeanne MARTIN',
  emetteur: AC,
  serie: '0a',
  empreinte: 'a'.repeat(64),
  debut: '2025-01-01T00:00:00.000Z',
  fin: '2028-01-01T00:00:00.000Z',
};
const sign: CertificatPresente = { ...auth, usage: 'signature', serie: '0b', empreinte: 'b'.repeat(64) };
const officier: AgentDroits = {
  id: 1,
  nom: 'MARTIN',
  prenoms: 'Jeanne',
  actif: true,
  roles: ['officier', 'responsable_cartes'],
  delegation: {
    qualite: 'adjoint',
    arreteLe: '2025-06-01',
    reference: 'A-2025-12',
    portee: 'état civil',
    fin: '2026-12-31',
  },
};
const carte: CarteDroits = {
  id: 7,
  agentId: 1,
  etat: 'activee',
  motifRevocation: null,
  signature: { emetteur: AC, serie: '0b', empreinte: sign.empreinte },
};
const ctx = (m: Partial<ContexteSignature> = {}): ContexteSignature => ({
  session: [auth, sign],
  carte,
  agent: officier,
  maintenant: '2026-02-01T10:00:00.000Z',
  jour: '2026-02-01',
  ...m,
});
const controle = (m: Partial<ContexteSignature>) => controlerDroitDeSigner(ctx(m))?.controle;

describe('le droit de signer : un officier actif, délégué ce jour, avec SA carte et un certificat de signature valide', () => {
  it('tout est en règle : aucun refus, et le même certificat signe le lot', () => {
    expect(controlerDroitDeSigner(ctx())).toBeNull();
    expect(controlerDroitDeSigner(ctx({ empreinteSignataire: sign.empreinte }))).toBeNull();
  });

  it('chaque refus nomme le contrôle qui a échoué, dans l’ordre', () => {
    expect(controle({ session: null })).toBe('session');
    expect(controle({ carte: null, agent: null })).toBe('carte_enregistree');
    expect(controle({ carte: { ...carte, etat: 'revoquee', motifRevocation: 'perte' } })).toBe('carte_en_service');
    expect(controle({ carte: { ...carte, etat: 'commandee' } })).toBe('carte_en_service');
    expect(controle({ agent: { ...officier, actif: false } })).toBe('agent_actif');
    expect(controle({ agent: { ...officier, roles: ['agent'], delegation: null } })).toBe('officier');
    expect(controle({ jour: '2027-01-01' })).toBe('delegation_en_cours');
    expect(controle({ jour: '2025-05-31' })).toBe('delegation_en_cours');
    expect(controle({ carte: { ...carte, signature: null } })).toBe('certificat_de_la_carte');
    expect(controle({ session: [auth] })).toBe('certificat_de_la_carte');
    expect(controle({ empreinteSignataire: 'c'.repeat(64) })).toBe('certificat_de_la_carte');
    expect(controle({ session: [auth, { ...sign, usage: 'autre' }] })).toBe('non_repudiation');
    expect(controle({ maintenant: '2028-01-02T00:00:00.000Z', jour: '2026-02-01' })).toBe('certificat_valide');
  });

  it('la délégation vaut jusqu’à son dernier jour inclus, ou sans fin', () => {
    const d = officier.delegation;
    expect(delegationEnCours(d, '2026-12-31')).toBeNull();
    expect(delegationEnCours(d, '2025-06-01')).toBeNull();
    expect(delegationEnCours({ ...d!, fin: null }, '2090-01-01')).toBeNull();
    expect(delegationEnCours(null, '2026-01-01')?.raison).toBe('aucune délégation enregistrée');
    expect(delegationEnCours(d, '2027-01-01')?.raison).toBe('la délégation (A-2025-12) a pris fin le 2026-12-31');
  });

  it('le refus devient une erreur typée, en français, qui garde le contrôle dans ses détails', () => {
    const r = controlerDroitDeSigner(
      ctx({ agent: { ...officier, prenoms: 'Paul', nom: 'DURAND', roles: ['agent'], delegation: null } }),
    )!;
    const e = erreurSignature(r);
    expect(e.code).toBe('droits_insuffisants');
    expect(e.details).toMatchObject({ controle: 'officier' });
    expect(e.message).toBe(
      'Signature non autorisée : Paul DURAND n’est pas officier de l’état civil : il prépare les réponses, un officier délégué les signe',
    );
  });
});

describe('qui ouvre une session, qui tient l’annuaire', () => {
  it('une carte révoquée, expirée ou remplacée n’ouvre plus de session ; une inconnue non plus', () => {
    expect(refusSession(carte, officier)).toBeNull();
    expect(refusSession({ ...carte, etat: 'remise' }, officier)).toBeNull();
    expect(refusSession(null, null)?.controle).toBe('carte_enregistree');
    expect(refusSession({ ...carte, etat: 'revoquee', motifRevocation: 'vol' }, officier)?.raison).toBe(
      'cette carte est révoquée (vol) : elle ne peut plus ouvrir de session',
    );
    expect(refusSession({ ...carte, etat: 'expiree' }, officier)?.controle).toBe('carte_en_service');
    expect(refusSession(carte, { ...officier, actif: false })?.controle).toBe('agent_actif');
  });

  it('le responsable cartes et son délégué, actifs, gèrent l’annuaire ; personne d’autre', () => {
    expect(peutGererAnnuaire(officier)).toBe(true);
    expect(peutGererAnnuaire({ ...officier, roles: ['agent', 'delegue'] })).toBe(true);
    expect(peutGererAnnuaire({ ...officier, roles: ['officier'] })).toBe(false);
    expect(peutGererAnnuaire({ ...officier, actif: false })).toBe(false);
    expect(peutGererAnnuaire(null)).toBe(false);
  });
});

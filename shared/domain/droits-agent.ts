import { erreurs, type RegistreError } from '../errors';
import { carteEnService, libelleEtatCarte, type EtatCarte, type MotifRevocation } from './cycle-carte';

/**
 * Who is at the keyboard, and whether they may sign: pure rules over what the directory holds
 * and what the card in the reader shows. The directory's service (electron/annuaire/) looks the
 * card up and calls these; the composition root asks them at the start of a batch and again
 * before each signature.
 */

export const RolesAgent = ['officier', 'agent', 'responsable_cartes', 'delegue'] as const;
export type RoleAgent = (typeof RolesAgent)[number];

/** The officer's standing: the mayor, a deputy, or an agent holding a written delegation. */
export const QualitesOfficier = ['maire', 'adjoint', 'agent_delegue'] as const;
export type QualiteOfficier = (typeof QualitesOfficier)[number];

/** The arrêté (or the installation record, for the mayor) that makes the officer: from, to. */
export interface Delegation {
  qualite: QualiteOfficier;
  arreteLe: string;
  reference: string;
  portee: string;
  fin: string | null;
}

/** What the card in the reader shows of one certificate (the contract's view, shared/contract/carte.ts). */
export interface CertificatPresente {
  usage: 'authentification' | 'signature' | 'autorite' | 'autre';
  titulaire: string;
  emetteur: string;
  serie: string;
  empreinte: string;
  /** ISO instants. */
  debut: string;
  fin: string;
}

export interface CertificatEnregistre {
  emetteur: string;
  serie: string;
  empreinte: string;
}

export interface AgentDroits {
  id: number;
  nom: string;
  prenoms: string;
  actif: boolean;
  roles: readonly RoleAgent[];
  delegation: Delegation | null;
}

export interface CarteDroits {
  id: number;
  agentId: number;
  etat: EtatCarte;
  motifRevocation: MotifRevocation | null;
  signature: CertificatEnregistre | null;
}

/** The checks of the right to sign, in the order they are made; a refusal names the first that failed. */
export const ControlesSignature = [
  'session',
  'carte_enregistree',
  'carte_en_service',
  'agent_actif',
  'officier',
  'delegation_en_cours',
  'certificat_de_la_carte',
  'non_repudiation',
  'certificat_valide',
] as const;
export type ControleSignature = (typeof ControlesSignature)[number];

export const LIBELLES_CONTROLE: Record<ControleSignature, string> = {
  session: 'session de carte ouverte',
  carte_enregistree: 'carte enregistrée dans l’annuaire',
  carte_en_service: 'carte en service (ni révoquée, ni expirée, ni remplacée)',
  agent_actif: 'agent actif',
  officier: 'officier de l’état civil',
  delegation_en_cours: 'délégation en cours',
  certificat_de_la_carte: 'certificat de signature de la carte enregistrée',
  non_repudiation: 'certificat de non-répudiation',
  certificat_valide: 'certificat valide aujourd’hui',
};

export function nomComplet(a: Pick<AgentDroits, 'nom' | 'prenoms'>): string {
  return `${a.prenoms} ${a.nom}`;
}

export type Refus = { controle: ControleSignature; raison: string };

/** Why this card may not open a session, or null. Without a directory nothing is refused (first start). */
export function refusSession(carte: CarteDroits | null, agent: AgentDroits | null): Refus | null {
  if (!carte || !agent) return { controle: 'carte_enregistree', raison: 'carte inconnue de l’annuaire' };
  if (!carteEnService(carte.etat)) {
    const motif = carte.motifRevocation ? ` (${carte.motifRevocation})` : '';
    return {
      controle: 'carte_en_service',
      raison: `cette carte est ${libelleEtatCarte(carte.etat)}${motif} : elle ne peut plus ouvrir de session`,
    };
  }
  if (!agent.actif)
    return { controle: 'agent_actif', raison: `${nomComplet(agent)} n’est plus un agent actif de l’annuaire` };
  return null;
}

/** Is the delegation in force on `jour` (aaaa-mm-jj)? Its end day is still in it. */
export function delegationEnCours(d: Delegation | null, jour: string): Refus | null {
  if (!d) return { controle: 'delegation_en_cours', raison: 'aucune délégation enregistrée' };
  if (d.arreteLe > jour)
    return {
      controle: 'delegation_en_cours',
      raison: `la délégation (${d.reference}) ne commence que le ${d.arreteLe}`,
    };
  if (d.fin !== null && d.fin < jour)
    return { controle: 'delegation_en_cours', raison: `la délégation (${d.reference}) a pris fin le ${d.fin}` };
  return null;
}

export interface ContexteSignature {
  /** The certificates of the open card session; null without a session. */
  session: readonly CertificatPresente[] | null;
  carte: CarteDroits | null;
  agent: AgentDroits | null;
  /** ISO instant, and the office's calendar day (Europe/Paris). */
  maintenant: string;
  jour: string;
  /** The certificate the running batch signs with (before each signature): it must be the card's. */
  empreinteSignataire?: string;
}

/** The right to sign, checked in order; the first check that fails is the refusal. */
export function controlerDroitDeSigner(c: ContexteSignature): Refus | null {
  if (!c.session) return { controle: 'session', raison: 'ouvrez une session avec la carte de l’officier' };
  const refus = refusSession(c.carte, c.agent);
  if (refus) return refus;
  const agent = c.agent!;
  const carte = c.carte!;
  if (!agent.roles.includes('officier'))
    return {
      controle: 'officier',
      raison: `${nomComplet(agent)} n’est pas officier de l’état civil : il prépare les réponses, un officier délégué les signe`,
    };
  const delegation = delegationEnCours(agent.delegation, c.jour);
  if (delegation) return delegation;
  const enregistre = carte.signature;
  const present = enregistre
    ? c.session.find((x) => x.emetteur === enregistre.emetteur && x.serie === enregistre.serie)
    : undefined;
  if (!enregistre || !present || (c.empreinteSignataire !== undefined && c.empreinteSignataire !== present.empreinte))
    return {
      controle: 'certificat_de_la_carte',
      raison: enregistre
        ? 'le certificat de signature présenté n’est pas celui enregistré pour cette carte'
        : 'aucun certificat de signature n’est enregistré pour cette carte',
    };
  if (present.usage !== 'signature')
    return {
      controle: 'non_repudiation',
      raison: 'le certificat de signature ne porte pas l’usage « non-répudiation »',
    };
  if (present.debut > c.maintenant || present.fin < c.maintenant)
    return {
      controle: 'certificat_valide',
      raison: `le certificat de signature n’est pas valide aujourd’hui (du ${present.debut.slice(0, 10)} au ${present.fin.slice(0, 10)})`,
    };
  return null;
}

export function erreurSignature(r: Refus): RegistreError {
  return erreurs.nonAutorise('Signature', r.controle, r.raison);
}

/** Only the card manager and their deputy keep the directory. */
export function peutGererAnnuaire(agent: AgentDroits | null): boolean {
  return !!agent && agent.actif && (agent.roles.includes('responsable_cartes') || agent.roles.includes('delegue'));
}

import type { AgentSaisie } from '../../shared/contract/annuaire';
import type { AgentDroits, Delegation, QualiteOfficier, RoleAgent } from '../../shared/domain/droits-agent';
import { RolesAgent } from '../../shared/domain/droits-agent';
import { erreurs } from '../../shared/errors';
import type { Base } from '../db';

/**
 * The directory's agents, roles and journal (migration 0008). Plain SQL, no rule: the service
 * (service.ts) checks rights and writes the journal in the same transaction.
 */

export interface AgentLigne extends AgentSaisie, Omit<AgentDroits, 'roles'> {
  roles: RoleAgent[];
}

interface LigneAgent {
  id: number;
  nom: string;
  prenoms: string;
  date_naissance: string;
  fonction: string;
  email: string | null;
  actif: 0 | 1;
}

interface LigneRole {
  agent_id: number;
  role: RoleAgent;
  qualite: QualiteOfficier | null;
  arrete_le: string | null;
  arrete_reference: string | null;
  arrete_portee: string | null;
  fin: string | null;
}

export function annuaireCree(db: Base): { creeLe: string; creePar: string } | null {
  const l = db.prepare('SELECT cree_le, cree_par FROM annuaire WHERE id = 1').get() as
    { cree_le: string; cree_par: string } | undefined;
  return l ? { creeLe: l.cree_le, creePar: l.cree_par } : null;
}

export function marquerAnnuaireCree(db: Base, le: string, par: string): void {
  db.prepare('INSERT INTO annuaire (id, cree_le, cree_par) VALUES (1, ?, ?)').run(le, par);
}

function assembler(a: LigneAgent, roles: readonly LigneRole[]): AgentLigne {
  const officier = roles.find((r) => r.role === 'officier');
  const delegation: Delegation | null = officier
    ? {
        qualite: officier.qualite!,
        arreteLe: officier.arrete_le!,
        reference: officier.arrete_reference!,
        portee: officier.arrete_portee!,
        fin: officier.fin,
      }
    : null;
  return {
    id: a.id,
    nom: a.nom,
    prenoms: a.prenoms,
    dateNaissance: a.date_naissance,
    fonction: a.fonction,
    email: a.email,
    actif: a.actif === 1,
    // In the order of RolesAgent, whatever the order they were given in.
    roles: RolesAgent.filter((r) => roles.some((x) => x.role === r)),
    delegation,
  };
}

export function lireAgent(db: Base, id: number): AgentLigne {
  const a = db.prepare('SELECT * FROM agents WHERE id = ?').get(id) as LigneAgent | undefined;
  if (!a) throw erreurs.introuvable('Agent', id);
  return assembler(a, db.prepare('SELECT * FROM roles_agents WHERE agent_id = ?').all(id) as LigneRole[]);
}

export function listerAgents(db: Base): AgentLigne[] {
  const agents = db.prepare('SELECT * FROM agents ORDER BY nom, prenoms, id').all() as LigneAgent[];
  const roles = db.prepare('SELECT * FROM roles_agents').all() as LigneRole[];
  return agents.map((a) =>
    assembler(
      a,
      roles.filter((r) => r.agent_id === a.id),
    ),
  );
}

export function insererAgent(db: Base, s: AgentSaisie & { actif: boolean }, le: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO agents (nom, prenoms, date_naissance, fonction, email, actif, cree_le, modifie_le)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.nom, s.prenoms, s.dateNaissance, s.fonction, s.email, s.actif ? 1 : 0, le, le).lastInsertRowid,
  );
}

export function modifierAgent(db: Base, id: number, s: AgentSaisie & { actif: boolean }, le: string): void {
  const r = db
    .prepare(
      `UPDATE agents SET nom = ?, prenoms = ?, date_naissance = ?, fonction = ?, email = ?, actif = ?, modifie_le = ?
       WHERE id = ?`,
    )
    .run(s.nom, s.prenoms, s.dateNaissance, s.fonction, s.email, s.actif ? 1 : 0, le, id);
  if (r.changes === 0) throw erreurs.introuvable('Agent', id);
}

export function remplacerRoles(
  db: Base,
  agentId: number,
  roles: readonly RoleAgent[],
  delegation: Delegation | null,
): void {
  db.prepare('DELETE FROM roles_agents WHERE agent_id = ?').run(agentId);
  const inserer = db.prepare(
    `INSERT INTO roles_agents (agent_id, role, qualite, arrete_le, arrete_reference, arrete_portee, fin)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const role of roles) {
    const d = role === 'officier' ? delegation : null;
    inserer.run(
      agentId,
      role,
      d?.qualite ?? null,
      d?.arreteLe ?? null,
      d?.reference ?? null,
      d?.portee ?? null,
      d?.fin ?? null,
    );
  }
}

// ---- the journal of rights changes ----

export interface Auteur {
  nom: string;
  certificat: string | null;
}

export function journaliser(db: Base, le: string, par: Auteur, agentId: number | null, quoi: string): void {
  db.prepare('INSERT INTO journal_droits (le, par, par_certificat, agent_id, quoi) VALUES (?, ?, ?, ?, ?)').run(
    le,
    par.nom,
    par.certificat,
    agentId,
    quoi.slice(0, 1000),
  );
}

export function lireJournal(db: Base, limite: number) {
  const lignes = db
    .prepare(
      `SELECT j.id, j.le, j.par, j.agent_id, j.quoi, a.prenoms, a.nom FROM journal_droits j
       LEFT JOIN agents a ON a.id = j.agent_id ORDER BY j.id DESC LIMIT ?`,
    )
    .all(limite) as {
    id: number;
    le: string;
    par: string;
    agent_id: number | null;
    quoi: string;
    prenoms: string | null;
    nom: string | null;
  }[];
  return lignes.map((l) => ({
    id: l.id,
    le: l.le,
    par: l.par,
    agentId: l.agent_id,
    agent: l.nom ? `${l.prenoms} ${l.nom}` : null,
    quoi: l.quoi,
  }));
}

import { createHash } from 'node:crypto';
import type { BasePlateforme } from '../base/ouvrir';

const empreinte = (jeton: string) => createHash('sha256').update(jeton).digest('hex');

/** Challenges (one use each) and session tokens (only their SHA-256 is stored). */
export class DepotSessions {
  constructor(private readonly db: BasePlateforme) {}

  ajouterDefi(defi: string, expireLe: Date): void {
    this.db.prepare('INSERT INTO defis (defi, expire_le) VALUES (?, ?)').run(defi, expireLe.toISOString());
  }

  /** Marks the challenge used; false when unknown, expired or already used. */
  consommerDefi(defi: string, maintenant: Date): boolean {
    const r = this.db
      .prepare('UPDATE defis SET utilise = 1 WHERE defi = ? AND utilise = 0 AND expire_le > ?')
      .run(defi, maintenant.toISOString());
    return r.changes === 1;
  }

  ajouterSession(jeton: string, agentId: number, codeInsee: string, expireLe: Date): void {
    this.db
      .prepare('INSERT INTO sessions (empreinte_jeton, agent_id, code_insee, expire_le) VALUES (?, ?, ?, ?)')
      .run(empreinte(jeton), agentId, codeInsee, expireLe.toISOString());
  }

  session(jeton: string): { agentId: number; codeInsee: string; expireLe: string } | null {
    const l = this.db
      .prepare('SELECT agent_id, code_insee, expire_le FROM sessions WHERE empreinte_jeton = ?')
      .get(empreinte(jeton)) as { agent_id: number; code_insee: string; expire_le: string } | undefined;
    return l ? { agentId: l.agent_id, codeInsee: l.code_insee, expireLe: l.expire_le } : null;
  }

  /** Drops what has expired (called now and then; the checks never rely on it). */
  nettoyer(maintenant: Date): void {
    const t = maintenant.toISOString();
    this.db.prepare('DELETE FROM defis WHERE expire_le <= ?').run(t);
    this.db.prepare('DELETE FROM sessions WHERE expire_le <= ?').run(t);
  }
}

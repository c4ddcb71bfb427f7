import { createHash } from 'node:crypto';
import type { BasePlateforme } from '../base/ouvrir';
import type { CommunePlateforme, VersionFormat } from '../../electron/comedec';

export interface CommuneBoite extends CommunePlateforme {
  versionFormat: VersionFormat;
  simulee: boolean;
}

export interface AgentInscrit {
  id: number;
  codeInsee: string;
  nom: string;
  delegation: boolean;
}

interface LigneCommune {
  code_insee: string;
  libelle: string;
  version_format: VersionFormat;
  simulee: 0 | 1;
}

const versCommune = (l: LigneCommune): CommuneBoite => ({
  codeInsee: l.code_insee,
  libelle: l.libelle,
  versionFormat: l.version_format,
  simulee: l.simulee === 1,
});

export function empreinteDer(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/** Mailboxes (communes) and their habilitated agents, known by their certificates. */
export class DepotCommunes {
  constructor(private readonly db: BasePlateforme) {}

  lire(codeInsee: string): CommuneBoite | null {
    const l = this.db.prepare('SELECT * FROM communes WHERE code_insee = ?').get(codeInsee) as LigneCommune | undefined;
    return l ? versCommune(l) : null;
  }

  lister(): CommuneBoite[] {
    return (this.db.prepare('SELECT * FROM communes ORDER BY code_insee').all() as LigneCommune[]).map(versCommune);
  }

  /** Creates or updates a mailbox; `agents` (when given) replace the previous list. */
  enregistrer(
    c: CommuneBoite,
    agents: { nom: string; delegation: boolean; certificats: Uint8Array[] }[] | null,
    maintenant: Date,
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO communes (code_insee, libelle, version_format, simulee, cree_le) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (code_insee) DO UPDATE SET libelle = excluded.libelle, version_format = excluded.version_format, simulee = excluded.simulee`,
        )
        .run(c.codeInsee, c.libelle, c.versionFormat, c.simulee ? 1 : 0, maintenant.toISOString());
      if (!agents) return;
      this.db.prepare('DELETE FROM agents WHERE code_insee = ?').run(c.codeInsee);
      const ajouterAgent = this.db.prepare('INSERT INTO agents (code_insee, nom, delegation) VALUES (?, ?, ?)');
      // A certificate belongs to one agent: re-registering it elsewhere moves it.
      const ajouterCert = this.db.prepare(
        'INSERT INTO certificats_agents (empreinte, agent_id, der) VALUES (?, ?, ?) ON CONFLICT (empreinte) DO UPDATE SET agent_id = excluded.agent_id',
      );
      for (const a of agents) {
        const id = Number(ajouterAgent.run(c.codeInsee, a.nom, a.delegation ? 1 : 0).lastInsertRowid);
        for (const der of a.certificats) ajouterCert.run(empreinteDer(der), id, Buffer.from(der));
      }
    })();
  }

  /** The agent holding the certificate of this fingerprint, whatever its commune. */
  agentParCertificat(empreinte: string): AgentInscrit | null {
    const l = this.db
      .prepare(
        `SELECT a.id, a.code_insee, a.nom, a.delegation FROM certificats_agents c JOIN agents a ON a.id = c.agent_id WHERE c.empreinte = ?`,
      )
      .get(empreinte) as { id: number; code_insee: string; nom: string; delegation: 0 | 1 } | undefined;
    return l ? { id: l.id, codeInsee: l.code_insee, nom: l.nom, delegation: l.delegation === 1 } : null;
  }

  agent(id: number): AgentInscrit | null {
    const l = this.db.prepare('SELECT id, code_insee, nom, delegation FROM agents WHERE id = ?').get(id) as
      { id: number; code_insee: string; nom: string; delegation: 0 | 1 } | undefined;
    return l ? { id: l.id, codeInsee: l.code_insee, nom: l.nom, delegation: l.delegation === 1 } : null;
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { racine } from '../support/frontieres';
import { violationsTable, type RegleTable } from '../support/proprietaires-tables';

const DEMANDES: RegleTable = {
  table: 'demandes',
  proprietaire: 'electron/demandes/',
  exemptes: ['electron/db/migrations/'],
};

let temporaire: string | null = null;
afterEach(() => {
  if (temporaire) fs.rmSync(temporaire, { recursive: true, force: true });
  temporaire = null;
});

function arbre(fichiers: Record<string, string>): string {
  temporaire = fs.mkdtempSync(path.join(os.tmpdir(), 'proprietaires-'));
  for (const [f, texte] of Object.entries(fichiers)) {
    fs.mkdirSync(path.dirname(path.join(temporaire, f)), { recursive: true });
    fs.writeFileSync(path.join(temporaire, f), texte);
  }
  return temporaire;
}

/** The directory's tables (migration 0008): written and read by electron/annuaire/ only. */
const ANNUAIRE: RegleTable[] = [
  'annuaire',
  'agents',
  'roles_agents',
  'cartes_agents',
  'historique_cartes',
  'journal_droits',
].map((table) => ({ table, proprietaire: 'electron/annuaire/', exemptes: ['electron/db/migrations/'] }));

describe('chaque table a une pièce : la table demandes', () => {
  it('aucun SQL sur la table demandes hors de electron/demandes/', () => {
    expect(violationsTable(racine, 'electron', DEMANDES)).toEqual([]);
  });

  it('aucun SQL sur les tables de l’annuaire hors de electron/annuaire/', () => {
    for (const regle of ANNUAIRE) expect(violationsTable(racine, 'electron', regle), regle.table).toEqual([]);
  });

  it('aucun SQL sur la table demandes_envoyees hors de electron/demandes/envoyees/', () => {
    const regle = {
      table: 'demandes_envoyees',
      proprietaire: 'electron/demandes/envoyees/',
      exemptes: ['electron/db/migrations/'],
    };
    expect(violationsTable(racine, 'electron', regle)).toEqual([]);
  });

  it('la vérification attrape une écriture ou une lecture hors de la pièce, et pas les autres tables', () => {
    const r = arbre({
      'electron/sync/envoi.ts': `db.prepare("UPDATE demandes SET cycle = 'accusee' WHERE id = ?");\nconst n = 'SELECT count(*) FROM demandes_emises';`,
      'electron/sync/lecture.ts': 'const sql = `SELECT d.id FROM envois e\n  JOIN demandes d ON d.id = e.demande_id`;',
      'electron/demandes/stockage/reception.ts': "db.prepare('INSERT INTO demandes (id) VALUES (?)');",
      'electron/db/migrations/0006-x.ts': 'INSERT INTO demandes_0006 SELECT * FROM demandes;',
    });
    expect(violationsTable(r, 'electron', DEMANDES)).toEqual([
      {
        fichier: 'electron/sync/envoi.ts',
        ligne: 1,
        texte: `db.prepare("UPDATE demandes SET cycle = 'accusee' WHERE id = ?");`,
      },
      { fichier: 'electron/sync/lecture.ts', ligne: 2, texte: 'JOIN demandes d ON d.id = e.demande_id`;' },
    ]);
  });
});

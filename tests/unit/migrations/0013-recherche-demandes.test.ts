import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';

const T = '2026-01-01T00:00:00Z';

function baseEnVersion12() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrer(db, migrations.slice(0, 12));
  const inserer = db.prepare(
    `INSERT INTO demandes (plateforme, id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition,
       jour_limite, retard_des, purge_le, donnees, document, empreinte, recue_le)
     VALUES ('p', ?, 2, 0, 'naissance', 'notaire', ?, '2026-01-21', ?, ?, ?, '<demande/>', 'e', ?)`,
  );
  inserer.run(
    'DEM-1',
    T,
    T,
    T,
    JSON.stringify({ personne: { nom: 'N’DIAYE', nomUsage: 'Roussel', prenoms: ['Marie-Hélène'] } }),
    T,
  );
  inserer.run('DEM-2', T, T, T, JSON.stringify({ autre: 1 }), T);
  return db;
}

describe('migration 0013 : la recherche des demandes par personne et par date', () => {
  it('ajoute la clé de recherche, remplie depuis les données des demandes déjà là ; une ligne sans personne reste vide', () => {
    const db = baseEnVersion12();
    expect(migrer(db, migrations.slice(0, 13))).toEqual({ avant: 12, apres: 13 });
    expect(db.prepare('SELECT id_plateforme, personne_recherche FROM demandes ORDER BY id').all()).toEqual([
      { id_plateforme: 'DEM-1', personne_recherche: ' ndiaye roussel marie helene' },
      { id_plateforme: 'DEM-2', personne_recherche: '' },
    ]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM demandes WHERE mise_a_disposition >= '2026-01-01T00:00:00.000Z'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/demandes_mise_a_disposition/);
  });

  it('une personne sans nom lisible dans les données : la ligne reste, introuvable par le nom seulement', () => {
    const db = baseEnVersion12();
    db.prepare(
      'UPDATE demandes SET donnees = json(\'{"personne": {"nom": 1}}\') WHERE id_plateforme = \'DEM-2\'',
    ).run();
    expect(migrer(db, migrations.slice(0, 13))).toEqual({ avant: 12, apres: 13 });
    expect(db.prepare("SELECT personne_recherche FROM demandes WHERE id_plateforme = 'DEM-2'").pluck().get()).toBe('');
  });
});

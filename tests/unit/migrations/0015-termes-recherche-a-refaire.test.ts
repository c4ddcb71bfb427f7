import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrer } from '../../../electron/db/migrer';
import { migrations } from '../../../electron/db/migrations';
import { Mondes } from '../../../electron/mondes';
import { DepotActes, reconstruireTermesEnAttente, rechercherDans } from '../../../electron/registre';
import { termesActe } from '../../../electron/registre/recherche/termes-acte';
import type { Acte } from '../../../shared/domain/acte';
import { naissance } from '../registre/actes-exemples';

const HORODATAGE = '2025-01-01T00:00:00Z';

function neAParis20(numero: number): Acte {
  const acte = naissance(1990, numero, { nom: 'MOREAU', prenoms: ['Jean'], date: '1990-04-02' });
  const lieu = { commune: 'Paris 20e Arrondissement', codeInsee: '75120', departement: '75', pays: null };
  acte.lieuEvenement = lieu;
  acte.personnes[0].lieuNaissance = lieu;
  return acte;
}

/**
 * A register as the application left it before the place normaliser: the act is stored, but
 * its row in the search index holds the terms of that time (names, type, dates: no place).
 */
function registreAncien(db: Database.Database, actes: Acte[]): number[] {
  migrer(db, migrations.slice(0, 14));
  const depot = new DepotActes(db);
  return actes.map((acte) => {
    const { id } = depot.enregistrer(acte, HORODATAGE);
    const sansLieux = termesActe({
      ...acte,
      lieuEvenement: null,
      personnes: acte.personnes.map((p) => ({ ...p, lieuNaissance: null })),
    });
    db.prepare('DELETE FROM actes_recherche WHERE rowid = ?').run(id);
    db.prepare('INSERT INTO actes_recherche (rowid, termes) VALUES (?, ?)').run(id, sansLieux.texte);
    return id;
  });
}

const trouves = (db: Database.Database, texte: string) =>
  rechercherDans(db, { texte, limite: 50 })
    .resultats.map((r) => r.id)
    .sort((a, b) => a - b);

const travaux = (db: Database.Database) =>
  db.prepare<[], { travail: string }>('SELECT travail FROM travaux_registre').all();

describe('migration 0015 : les termes de recherche des actes d’avant les lieux sont réécrits', () => {
  it('un acte stocké avec les anciens termes est trouvé par son lieu après la migration et la réécriture', () => {
    const db = new Database(':memory:');
    const [paris20, autre] = registreAncien(db, [
      neAParis20(1),
      naissance(1991, 2, { nom: 'MOREAU', prenoms: ['Luc'] }),
    ]);
    // The symptom: the place search misses the old act, the name search finds it.
    expect(trouves(db, 'Moreau à Paris 20e ')).toEqual([]);
    expect(trouves(db, 'Moreau')).toEqual([paris20, autre]);

    expect(migrer(db, migrations.slice(0, 15))).toEqual({ avant: 14, apres: 15 });
    expect(travaux(db)).toEqual([{ travail: 'termes-recherche' }]);

    expect(reconstruireTermesEnAttente(db)).toMatchObject({ actes: 2 });
    for (const ecrit of ['Moreau à Paris 20e ', 'Moreau à Paris XXe ', 'à 75120 ', 'à 75020 ', 'Moreau à Paris '])
      expect(trouves(db, ecrit), ecrit).toEqual([paris20]);
    // The rest of the index is as it was: names and dates, the other act (born in Albi).
    expect(trouves(db, 'Moreau')).toEqual([paris20, autre]);
    expect(trouves(db, 'Moreau 1991')).toEqual([autre]);
    expect(trouves(db, 'Luc à Albi ')).toEqual([autre]);
    // Once: the work's row is gone, a second start does nothing.
    expect(travaux(db)).toEqual([]);
    expect(reconstruireTermesEnAttente(db)).toBeNull();
  });

  it('un registre sans acte n’a rien à réécrire', () => {
    const db = new Database(':memory:');
    migrer(db, migrations.slice(0, 14));
    expect(migrer(db, migrations.slice(0, 15))).toEqual({ avant: 14, apres: 15 });
    expect(travaux(db)).toEqual([]);
    expect(reconstruireTermesEnAttente(db)).toBeNull();
  });

  it('si la réécriture échoue, rien ne change et elle reste à faire', () => {
    const db = new Database(':memory:');
    registreAncien(db, [neAParis20(1)]);
    migrer(db, migrations.slice(0, 15));
    // An act whose JSON cannot be read: the transaction rolls back, the old index stays.
    db.prepare("UPDATE actes SET donnees = '{' WHERE numero = 1").run();
    expect(() => reconstruireTermesEnAttente(db)).toThrow();
    expect(travaux(db)).toEqual([{ travail: 'termes-recherche' }]);
    const index = (jeton: string) =>
      db.prepare('SELECT rowid FROM actes_recherche WHERE actes_recherche MATCH ?').all(jeton).length;
    expect(index('moreau')).toBe(1);
    expect(index('l75120')).toBe(0);
  });

  it('l’application la fait à l’ouverture du registre d’un monde', () => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-0015-'));
    try {
      const ancien = new Database(path.join(dossier, 'registre.db'));
      const [paris20] = registreAncien(ancien, [neAParis20(1)]);
      ancien.close();
      const mondes = new Mondes(dossier);
      try {
        expect(travaux(mondes.db())).toEqual([]);
        expect(trouves(mondes.db(), 'Moreau à 75120 ')).toEqual([paris20]);
      } finally {
        mondes.fermer();
      }
    } finally {
      fs.rmSync(dossier, { recursive: true, force: true });
    }
  });
});

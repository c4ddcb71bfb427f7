import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { importerCsv, importerCsvEnTravailleur } from '../../../electron/registre/import';
import { moteurPour } from '../../../electron/registre/recherche';
import { ecrireRegistreCsv, enteteCsv, genererActes, ligneCsv } from '../../../electron/registre/synthetique';
import { dossierTemporaire } from '../../support/app-temporaire';

/**
 * The bulk import (reading thread + batched writes, depot-lots.ts) against the act-by-act
 * path of the store: same register, same index, same searches; all or nothing when it fails
 * half-way; the register searchable while it runs.
 */
const H = '2025-01-01T00:00:00.000Z';
const AUJOURDHUI = '2025-01-01';
const SYNTH = { actes: 5000, graine: 7 };

const dossier = dossierTemporaire('registre-lots-');
afterAll(() => dossier.detruire());
const csvSynthetique = path.join(dossier.chemin, 'synthetique.csv');
beforeAll(async () => {
  await ecrireRegistreCsv(csvSynthetique, SYNTH);
});

function avec<T>(fichier: string, f: (db: Base) => T): T {
  const db = ouvrirBase(fichier);
  try {
    return f(db);
  } finally {
    db.close();
  }
}

/** Queries of every kind, drawn from the register: names, prefixes, a typo, dates, types. */
function requetes(db: Base): string[] {
  const depot = new DepotActes(db);
  const ids = db.prepare('SELECT id FROM actes WHERE indexe = 1 ORDER BY id LIMIT 40').pluck().all() as number[];
  const liste: string[] = ['naissance 1950', 'décès', 'mariage 03/1987', '1920'];
  for (const id of ids) {
    const a = depot.lire(id)!;
    const p = a.personnes[0];
    liste.push(`${p.nom} ${p.prenoms[0] ?? ''} `, p.nom.slice(0, 4), `${p.prenoms[0] ?? ''} ${a.annee}`);
    if (p.nom.length > 5) liste.push(`${p.nom.slice(0, 2)}${p.nom[3]}${p.nom[2]}${p.nom.slice(4)} `);
    if (a.dateEvenement) liste.push(a.dateEvenement.split('-').reverse().join('/'));
  }
  return liste;
}

/** Everything a user can see of the register, and its index seen through searches. */
function etat(db: Base, questions: string[]) {
  const moteur = moteurPour(db);
  return {
    actes: db.prepare('SELECT * FROM actes ORDER BY id').all(),
    vocabulaire: db.prepare('SELECT id, mot, cle_phonetique FROM vocabulaire ORDER BY id').all(),
    variantes: db.prepare('SELECT variante, mot_id FROM vocabulaire_variantes ORDER BY 1, 2').all(),
    trigrammes: db
      .prepare(`SELECT rowid FROM vocabulaire_trigrammes WHERE mot MATCH 'ber' ORDER BY rowid`)
      .pluck()
      .all(),
    lignesIndex: db.prepare(`SELECT count(*) FROM actes_recherche`).pluck().get(),
    recherches: questions.map((texte) => ({
      texte,
      resultats: moteur.rechercher({ texte, limite: 30 }).resultats,
    })),
  };
}

describe('import en lots', () => {
  it('donne le même registre, le même index et les mêmes recherches que l’enregistrement acte par acte', async () => {
    const enLots = path.join(dossier.chemin, 'lots.db');
    const unParUn = path.join(dossier.chemin, 'un-par-un.db');
    const rapport = await importerCsv(enLots, csvSynthetique, {
      horodatage: H,
      aujourdhui: AUJOURDHUI,
      lectureEnTravailleur: true,
    });
    expect(rapport).toMatchObject({ lignesLues: SYNTH.actes, actesAjoutes: SYNTH.actes, lignesRejetees: 0 });
    avec(unParUn, (db) => {
      const depot = new DepotActes(db);
      db.transaction(() => {
        for (const acte of genererActes(SYNTH)) depot.enregistrer({ ...acte, origine: 'import' }, H);
      })();
    });
    const questions = avec(enLots, requetes);
    expect(questions.length).toBeGreaterThan(100);
    const attendu = avec(unParUn, (db) => etat(db, questions));
    const obtenu = avec(enLots, (db) => {
      // FTS5's own check of the index built in bulk.
      db.exec(`INSERT INTO actes_recherche (actes_recherche) VALUES ('integrity-check')`);
      return etat(db, questions);
    });
    expect(obtenu.recherches.filter((r) => r.resultats.length).length).toBeGreaterThan(questions.length / 2);
    expect(obtenu).toEqual(attendu);
  });

  it('un fichier réimporté avec des actes changés et nouveaux : mêmes effets qu’acte par acte', async () => {
    const enLots = path.join(dossier.chemin, 'reimport-lots.db');
    const unParUn = path.join(dossier.chemin, 'reimport-un-par-un.db');
    const actes = [...genererActes({ actes: 3000, graine: 9 })];
    const premier = path.join(dossier.chemin, 'premier.csv');
    // The first import holds every other act: the second file's batches mix known and new acts.
    fs.writeFileSync(premier, [enteteCsv(), ...actes.filter((_, i) => i % 2 === 0).map(ligneCsv)].join('\n'));
    await importerCsv(enLots, premier, { horodatage: H, aujourdhui: AUJOURDHUI, lectureEnTravailleur: true });
    const changes = actes.map((a, i) =>
      i % 6 === 0 && a.personnes.length
        ? { ...a, personnes: a.personnes.map((p, k) => (k === 0 ? { ...p, nom: 'VERCINGÉTORIX' } : p)) }
        : a,
    );
    const second = path.join(dossier.chemin, 'second.csv');
    fs.writeFileSync(second, [enteteCsv(), ...changes.map(ligneCsv)].join('\n'));
    const rapport = await importerCsv(enLots, second, {
      horodatage: '2025-02-01T00:00:00.000Z',
      aujourdhui: AUJOURDHUI,
      lectureEnTravailleur: true,
    });
    // Acts known only by their number have no person to rename: they come back unchanged.
    const modifies = actes.filter((a, i) => i % 6 === 0 && a.personnes.length).length;
    expect(modifies).toBeGreaterThan(400);
    expect(rapport).toMatchObject({
      actesAjoutes: 1500,
      actesModifies: modifies,
      actesInchanges: 1500 - modifies,
      lignesRejetees: 0,
    });

    avec(unParUn, (db) => {
      const depot = new DepotActes(db);
      db.transaction(() => {
        for (const [i, a] of actes.entries()) if (i % 2 === 0) depot.enregistrer({ ...a, origine: 'import' }, H);
        for (const a of changes) depot.enregistrer({ ...a, origine: 'import' }, '2025-02-01T00:00:00.000Z');
      })();
    });
    const questions = [...avec(enLots, requetes), 'vercingetorix', 'Vercingétorix 1930'];
    const obtenu = avec(enLots, (db) => etat(db, questions));
    expect(obtenu.recherches.at(-2)!.resultats.length).toBe(30);
    expect(obtenu).toEqual(avec(unParUn, (db) => etat(db, questions)));
  });
});

describe('import en lots : tout ou rien', () => {
  const base = path.join(dossier.chemin, 'tout-ou-rien.db');
  let questions: string[];
  let avant: ReturnType<typeof etat>;
  beforeAll(async () => {
    const petit = path.join(dossier.chemin, 'petit.csv');
    fs.writeFileSync(petit, [enteteCsv(), ...[...genererActes({ actes: 400, graine: 3 })].map(ligneCsv)].join('\n'));
    await importerCsv(base, petit, { horodatage: H, aujourdhui: AUJOURDHUI });
    questions = avec(base, requetes);
    avant = avec(base, (db) => etat(db, questions));
  });

  it('une panne d’écriture après plusieurs lots laisse le registre exactement comme avant, sans fichier de rejets', async () => {
    const actes = [...genererActes(SYNTH)];
    const panne = actes[4500];
    // A bad row first (a rejects file is written), then the store fails on the 4,501st act,
    // after two batches of 2,000 acts were written in the transaction.
    const csv = path.join(dossier.chemin, 'panne.csv');
    fs.writeFileSync(
      csv,
      [enteteCsv(), ligneCsv(actes[0]).replace(/^naissance/, 'baptême'), ...actes.map(ligneCsv)].join('\n'),
    );
    avec(base, (db) =>
      db.exec(`CREATE TRIGGER panne BEFORE INSERT ON actes
               WHEN NEW.type = '${panne.type}' AND NEW.annee = ${panne.annee} AND NEW.numero = ${panne.numero}
               BEGIN SELECT RAISE(ABORT, 'panne simulée'); END`),
    );
    const rejets = path.join(dossier.chemin, 'panne-rejets.csv');
    try {
      await expect(
        importerCsv(base, csv, { aujourdhui: AUJOURDHUI, fichierRejets: rejets, lectureEnTravailleur: true }),
      ).rejects.toThrow(/panne simulée/);
    } finally {
      avec(base, (db) => db.exec('DROP TRIGGER panne'));
    }
    expect(fs.existsSync(rejets)).toBe(false);
    expect(avec(base, (db) => etat(db, questions))).toEqual(avant);
  });

  it('un fichier endommagé en fin de lecture (après plusieurs lots écrits) ne laisse rien', async () => {
    const csv = path.join(dossier.chemin, 'endommage.csv');
    const lignes = [...genererActes(SYNTH)].map(ligneCsv);
    fs.writeFileSync(csv, [enteteCsv(), ...lignes, 'naissance;1990;"9999'].join('\n'));
    await expect(importerCsv(base, csv, { aujourdhui: AUJOURDHUI, lectureEnTravailleur: true })).rejects.toMatchObject({
      code: 'import_invalide',
    });
    expect(avec(base, (db) => etat(db, questions))).toEqual(avant);
  });

  it('le registre reste cherchable pendant l’import : les recherches voient l’état d’avant, puis le nouveau', async () => {
    const csv = path.join(dossier.chemin, 'pendant.csv');
    const corps = Array.from(
      { length: 20_000 },
      (_, i) =>
        `naissance;${1900 + (i % 120)};${10_000 + Math.floor(i / 120)};PÉTRONILLE;Zoé;F;02/01/${1900 + (i % 120)};Albi (81)`,
    );
    fs.writeFileSync(csv, ['type;annee;numero;nom;prenoms;sexe;date_naissance;lieu_naissance', ...corps].join('\n'));
    const lecteur = ouvrirBase(base);
    const pendant: { nouveaux: number; anciennes: unknown }[] = [];
    try {
      const moteur = moteurPour(lecteur);
      const rapport = await importerCsvEnTravailleur(base, csv, {
        aujourdhui: AUJOURDHUI,
        lectureEnTravailleur: true,
        intervalleProgressionMs: 10,
        onProgression: (p) => {
          if (p.lignesLues === 0 || p.lignesLues >= 20_000) return;
          pendant.push({
            nouveaux: moteur.rechercher({ texte: 'petronille', limite: 10 }).resultats.length,
            anciennes: questions.slice(0, 12).map((texte) => moteur.rechercher({ texte, limite: 30 }).resultats),
          });
        },
      });
      expect(rapport).toMatchObject({ actesAjoutes: 20_000 });
      expect(pendant.length).toBeGreaterThan(0);
      const anciennes = avant.recherches.slice(0, 12).map((r) => r.resultats);
      for (const vu of pendant) expect(vu).toEqual({ nouveaux: 0, anciennes });
      expect(moteur.rechercher({ texte: 'petronille', limite: 10 }).resultats).toHaveLength(10);
    } finally {
      lecteur.close();
    }
  });
});

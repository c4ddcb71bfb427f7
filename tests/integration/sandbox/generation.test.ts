import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personnesPrincipales } from '../../../shared/domain/acte';
import { normaliser } from '../../../shared/domain/normalisation';
import { construireDemande, lireDemande } from '../../../electron/comedec/format';
import { ouvrirBase } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { remplirRegistre } from '../../../electron/registre/synthetique';
import { demarrerPlateforme, type PlateformeDemarree } from '../../../sandbox';
import { genererDemandes } from '../../../sandbox/generation/generateur';
import { sourceRegistre, sourceSynthetique } from '../../../sandbox/generation/source-actes';

const AUSSILLON = { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' };

describe('plateforme bac à sable : génération de demandes réalistes', () => {
  let dossier: string;
  let registre: string;
  beforeAll(() => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-generation-'));
    registre = path.join(dossier, 'registre.sqlite');
    const db = ouvrirBase(registre);
    remplirRegistre(db, { actes: 1500, graine: 11, commune: '81021' }, '2024-01-01T00:00:00.000Z');
    db.close();
  });
  afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

  it('depuis une graine : mélange de demandeurs, bruit, actes non détenus ; même graine, mêmes demandes', () => {
    const gen = () =>
      genererDemandes({
        commune: AUSSILLON,
        nombre: 120,
        graine: 9,
        source: sourceSynthetique('81021', 4, 2000),
        proportionNonDetenus: 0.15,
        annee: 2024,
      });
    const a = gen();
    expect(a).toHaveLength(120);
    const par = (f: (x: (typeof a)[number]) => string) =>
      a.reduce<Record<string, number>>((m, x) => ({ ...m, [f(x)]: (m[f(x)] ?? 0) + 1 }), {});
    const demandeurs = par((x) => x.demande.demandeur.type);
    expect(demandeurs.interieur).toBeGreaterThan(demandeurs.notaire);
    expect(demandeurs.notaire).toBeGreaterThan(20);
    expect((demandeurs.commune ?? 0) + (demandeurs.autre ?? 0)).toBeGreaterThan(0);
    // The Ministry of the Interior asks only for birth acts (passports, identity cards).
    expect(
      a.filter((x) => x.demande.demandeur.type === 'interieur').every((x) => x.demande.typeActe === 'naissance'),
    ).toBe(true);
    const bruits = new Set(a.flatMap((x) => x.bruits));
    for (const b of ['sans_accents', 'prenom_manquant', 'faute_de_frappe']) expect(bruits).toContain(b);
    expect(a.filter((x) => !x.attendu.detenu).length).toBeGreaterThan(5);
    expect(gen()).toEqual(a);
    // Every generated request is a valid document in both versions.
    for (const x of a.slice(0, 30)) {
      const { echeanceProcedureJours: _e, ...d } = x.demande;
      const dates = {
        miseADisposition: '2024-03-01T08:00:00.000Z',
        echeance: '2024-03-21T08:00:00.000Z',
        purge: '2024-03-24T08:00:00.000Z',
        echeanceProcedure: null,
      };
      for (const version of [1, 2] as const)
        expect(lireDemande(construireDemande({ ...d, version, id: 'DEM-1', dates })).typeActe).toBe(d.typeActe);
    }
  });

  it('depuis le registre du client (lecture seule) : les actes détenus y sont, les « non détenus » n’y sont vraiment pas', () => {
    const avant = fs.statSync(registre).mtimeMs;
    const source = sourceRegistre(registre);
    let demandes;
    try {
      demandes = genererDemandes({
        commune: AUSSILLON,
        nombre: 60,
        graine: 3,
        source,
        proportionNonDetenus: 0.3,
        annee: 2024,
      });
    } finally {
      source.fermer();
    }
    const db = ouvrirBase(registre, { lectureSeule: true });
    try {
      const depot = new DepotActes(db);
      let retrouves = 0;
      for (const d of demandes) {
        if (d.attendu.detenu) {
          const acte = depot.parCle(d.attendu.type as 'naissance', d.attendu.annee, d.attendu.numero);
          expect(acte).toBeDefined();
          // The declared surname is the act's, give or take the noise (accents, one typo, married name).
          const noms = personnesPrincipales(acte!).map((p) => normaliser(p.nom));
          if (noms.includes(normaliser(d.demande.personne.nom))) retrouves++;
        } else {
          const date =
            d.demande.typeActe === 'naissance' ? d.demande.personne.dateNaissance : d.demande.evenement?.date;
          const memes = db
            .prepare('SELECT id FROM actes WHERE type = ? AND date_evenement = ?')
            .pluck()
            .all(d.demande.typeActe, date) as number[];
          for (const id of memes) {
            const noms = personnesPrincipales(depot.lire(id)!).map((p) => normaliser(p.nom));
            expect(noms).not.toContain(normaliser(d.demande.personne.nom));
          }
        }
      }
      expect(retrouves).toBeGreaterThan(demandes.filter((d) => d.attendu.detenu).length * 0.7);
    } finally {
      db.close();
    }
    expect(fs.statSync(registre).mtimeMs).toBe(avant);
  });

  describe('par l’API d’administration', () => {
    let p: PlateformeDemarree;
    beforeAll(async () => {
      p = await demarrerPlateforme({});
    });
    afterAll(async () => p?.arreter());
    const admin = async (chemin: string, corps: unknown) => {
      const r = await fetch(`${p.url}${chemin}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${p.jetonAdmin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(corps),
      });
      return {
        statut: r.status,
        json: (await r.json().catch(() => null)) as Record<string, unknown> | null,
        motif: r.headers.get('x-comedec-motif'),
      };
    };

    it('génère depuis un registre et dépose des spécimens ; registre illisible refusé', async () => {
      expect((await admin('/v1/admin/communes', { codeInsee: '81021' })).statut).toBe(201);
      const g = await admin('/v1/admin/communes/81021/demandes/generer', { nombre: 15, graine: 2, registre });
      expect(g.statut).toBe(201);
      expect(g.json!.ids).toHaveLength(15);
      const s = await admin('/v1/admin/communes/81021/specimens', { nombre: 2 });
      expect(s.json!.ids).toHaveLength(2);
      const spec = p.plateforme.demandes.lire((s.json!.ids as string[])[0])!;
      expect(spec.specimen).toBe(true);
      expect(spec.donnees.personne.nom).toBe('SPECIMEN');
      const ko = await admin('/v1/admin/communes/81021/demandes/generer', {
        nombre: 5,
        registre: path.join(dossier, 'absent.sqlite'),
      });
      expect(ko.statut).toBe(400);
      expect(ko.motif).toBe('requete_invalide');
      expect((await admin('/v1/admin/communes/75056/demandes/generer', { nombre: 5 })).motif).toBe('commune_inconnue');
    });
  });
});

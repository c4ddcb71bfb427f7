import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db/connexion';
import { remplirRegistre } from '../../../electron/registre/synthetique';
import { dossierTemporaire } from '../../support/app-temporaire';
import { registreCli } from '../../support/cli';
import { acteConnu, ajouterActes, demandeConnue, xmlDemande } from './outils';

const registre = (cwd: string, ...args: string[]) => registreCli(cwd, args);

interface SortieMatch {
  demande: { id: string; version: number; typeActe: string };
  issue: string;
  explication: string;
  candidats: {
    acteId: number;
    annee: number;
    numero: number;
    score: number;
    concordant: boolean;
    comparaisons: { champ: string; verdict: string; natures: string[] }[];
  }[];
  dureeMs: number;
}

describe('registre match', () => {
  const dossier = dossierTemporaire('registre-match-');
  const cwd = dossier.chemin;
  let idConnu = 0;
  afterAll(() => dossier.detruire());

  beforeAll(() => {
    const db = ouvrirBase(path.join(cwd, 'registre.db'));
    remplirRegistre(db, { actes: 3000, graine: 11 }, '2025-01-01T00:00:00.000Z');
    [idConnu] = ajouterActes(db, acteConnu);
    db.close();
    fs.writeFileSync(path.join(cwd, 'exacte.xml'), xmlDemande(demandeConnue(2)));
    fs.writeFileSync(
      path.join(cwd, 'bruitee-v1.xml'),
      xmlDemande(demandeConnue(1, { nom: 'Treguer', prenoms: ['Eloise'], dateNaissance: '1987-12-03' })),
    );
    fs.writeFileSync(
      path.join(cwd, 'inconnue.xml'),
      xmlDemande(
        demandeConnue(
          2,
          { nom: 'ZYGOMAR', prenoms: ['Ulrich'], dateNaissance: '1912-07-01', sexe: 'M' },
          'DEM-2025-000099',
        ),
      ),
    );
  });

  it('--json : demande lue (v2), un seul candidat, comparaison champ par champ, issue « sûr »', async () => {
    const r = await registre(cwd, 'match', '--db', 'registre.db', '--request', 'exacte.xml', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sortie = JSON.parse(r.stdout) as SortieMatch;
    expect(sortie.demande).toMatchObject({ id: 'DEM-2025-000001', version: 2, typeActe: 'naissance' });
    expect(sortie.issue).toBe('sur');
    expect(sortie.candidats).toHaveLength(1);
    expect(sortie.candidats[0]).toMatchObject({
      acteId: idConnu,
      annee: 1987,
      numero: 9001,
      score: 100,
      concordant: true,
    });
    expect(sortie.candidats[0].comparaisons.map((c) => c.champ)).toEqual(
      expect.arrayContaining(['nom', 'prenoms', 'dateNaissance', 'mere.nom']),
    );
    expect(sortie.explication).toContain('Un seul acte correspond');
    expect(typeof sortie.dureeMs).toBe('number');
  });

  it('format v1 bruité (nom d’usage, accents, jour et mois inversés) : le bon acte, « à vérifier », écarts nommés', async () => {
    const r = await registre(cwd, 'match', '--db', 'registre.db', '--request', 'bruitee-v1.xml', '--json');
    expect(r.code).toBe(0);
    const sortie = JSON.parse(r.stdout) as SortieMatch;
    expect(sortie.demande.version).toBe(1);
    expect(sortie.issue).toBe('a_verifier');
    const c = sortie.candidats.find((x) => x.acteId === idConnu)!;
    expect(c).toBeDefined();
    const champ = (n: string) => c.comparaisons.find((x) => x.champ === n)!;
    expect(champ('nom').natures).toEqual(['nom_usage']);
    expect(champ('dateNaissance').natures).toEqual(['jour_mois_inverses']);
    expect(sortie.explication).toContain('Date de naissance');
  });

  it('acte non détenu : « aucun », avec la situation des actes non indexés de l’année', async () => {
    const r = await registre(cwd, 'match', '--db', 'registre.db', '--request', 'inconnue.xml', '--json');
    expect(r.code).toBe(0);
    const sortie = JSON.parse(r.stdout) as SortieMatch;
    expect(sortie.issue).toBe('aucun');
    expect(sortie.candidats).toEqual([]);
    expect(sortie.explication).toMatch(/Aucun acte de naissance du registre ne correspond/);
    expect(sortie.explication).toMatch(/1912/);
  });

  it('sans --json : un texte lisible, en français', async () => {
    const r = await registre(cwd, 'match', '--db', 'registre.db', '--request', 'exacte.xml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Demande DEM-2025-000001 \(naissance, format v2\) : Sûr/);
    expect(r.stdout).toContain('Naissance 1987/9001');
    expect(r.stdout).toMatch(/Nom de la mère\s+ABGRALL\s+ABGRALL\s+identique/);
  });

  it('erreurs claires, base intacte : XML illisible, version inconnue, fichiers absents', async () => {
    const base = path.join(cwd, 'registre.db');
    const avant = fs.statSync(base).mtimeMs;
    fs.writeFileSync(path.join(cwd, 'casse.xml'), '<demande xmlns="urn:registre:comedec:2" version="2"><oups>');
    fs.writeFileSync(
      path.join(cwd, 'v9.xml'),
      xmlDemande(demandeConnue(2))
        .replace('version="2"', 'version="9"')
        .replace('urn:registre:comedec:2', 'urn:registre:comedec:9'),
    );
    const casse = await registre(cwd, 'match', '--db', 'registre.db', '--request', 'casse.xml', '--json');
    expect(casse.code).not.toBe(0);
    expect(casse.stdout).toBe('');
    expect(casse.stderr).toMatch(/^registre : Document COMEDEC invalide \(demande\) : XML mal formé/);
    const v9 = await registre(cwd, 'match', '--db', 'registre.db', '--request', 'v9.xml');
    expect(v9.code).not.toBe(0);
    expect(v9.stderr).toMatch(/Version de format inconnue : « 9 »/);
    const absente = await registre(cwd, 'match', '--db', 'registre.db', '--request', 'nulle-part.xml');
    expect(absente.stderr).toMatch(/Fichier de demande introuvable/);
    const sansBase = await registre(cwd, 'match', '--db', 'absente.db', '--request', 'exacte.xml');
    expect(sansBase.stderr).toMatch(/Base de données introuvable/);
    expect(fs.existsSync(path.join(cwd, 'absente.db'))).toBe(false);
    expect(fs.statSync(base).mtimeMs).toBe(avant);
  });
});

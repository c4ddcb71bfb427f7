import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLONNES } from '../../../electron/registre/import/colonnes';
import { ecrireRegistreCsv, genererActes } from '../../../electron/registre/synthetique';
import type { Acte } from '../../../shared/domain/acte';
import { validerActe } from '../../../shared/domain/validation';
import { dossierTemporaire } from '../../support/app-temporaire';

const N = 4000;

describe('registre synthétique', () => {
  let actes: Acte[];
  beforeAll(() => {
    actes = [...genererActes({ actes: N, graine: 11 })];
  });

  it('même graine, même registre ; autre graine, autre registre', () => {
    const a = [...genererActes({ actes: 300, graine: 11 })];
    const b = [...genererActes({ actes: 300, graine: 12 })];
    expect(a).toEqual([...genererActes({ actes: 300, graine: 11 })]);
    expect(a).not.toEqual(b);
  });

  it('exactement le nombre demandé, numérotés sans trou dans chaque registre annuel', () => {
    expect(actes).toHaveLength(N);
    const parRegistre = new Map<string, number[]>();
    for (const a of actes) {
      const cle = `${a.type}/${a.annee}`;
      parRegistre.set(cle, [...(parRegistre.get(cle) ?? []), a.numero]);
    }
    for (const numeros of parRegistre.values()) expect(numeros).toEqual(numeros.map((_, i) => i + 1));
  });

  it('chaque acte passe la validation du registre', () => {
    const invalides = actes.map((a) => validerActe(a, { aujourdhui: '2025-01-01' })).filter((e) => e.length);
    expect(invalides).toEqual([]);
  });

  it('proportions réalistes sur un siècle, et quelques actes non indexés', () => {
    const part = (f: (a: Acte) => boolean) => actes.filter(f).length / N;
    expect(part((a) => a.type === 'naissance')).toBeCloseTo(0.45, 1);
    expect(part((a) => a.type === 'deces')).toBeCloseTo(0.38, 1);
    expect(part((a) => a.type === 'mariage')).toBeCloseTo(0.17, 1);
    expect(part((a) => !a.indexe)).toBeGreaterThan(0.005);
    expect(part((a) => !a.indexe)).toBeLessThan(0.03);
    const annees = actes.map((a) => a.annee);
    expect(Math.min(...annees)).toBe(1925);
    expect(Math.max(...annees)).toBe(2024);
  });

  it('des noms comme dans les vrais registres : accents, particules, apostrophes, noms composés, longues listes de prénoms', () => {
    const noms = actes.flatMap((a) => a.personnes.map((p) => p.nom));
    const prenoms = actes.flatMap((a) => a.personnes.map((p) => p.prenoms));
    expect(noms.some((n) => /[éèêëàâîïôûüç]/i.test(n))).toBe(true);
    expect(noms.some((n) => /^(de|du|le) /i.test(n))).toBe(true);
    expect(noms.some((n) => /^(de la) /i.test(n))).toBe(true);
    expect(noms.some((n) => /^[ND]’/i.test(n))).toBe(true);
    expect(noms.some((n) => /\p{L}-\p{L}/u.test(n))).toBe(true);
    expect(noms.some((n) => n === n.toUpperCase()) && noms.some((n) => n !== n.toUpperCase())).toBe(true);
    expect(prenoms.some((p) => p.length >= 6)).toBe(true);
    expect(prenoms.some((p) => p.some((x) => x.includes('-')))).toBe(true);
  });

  it('des parents, des lieux réels (code INSEE) ou étrangers, des mentions marginales', () => {
    const naissances = actes.filter((a) => a.type === 'naissance' && a.indexe);
    expect(
      naissances.filter((a) => a.personnes.some((p) => p.role === 'pere')).length / naissances.length,
    ).toBeGreaterThan(0.85);
    const lieux = actes.flatMap((a) => a.personnes.map((p) => p.lieuNaissance)).filter((l) => l !== null);
    expect(lieux.some((l) => l.codeInsee === '81004')).toBe(true);
    expect(lieux.some((l) => l.codeInsee && l.codeInsee !== '81004')).toBe(true);
    expect(lieux.some((l) => l.pays !== null && l.codeInsee === null)).toBe(true);
    const types = new Set(actes.flatMap((a) => a.mentions.map((m) => m.type)));
    for (const t of ['mariage', 'divorce', 'deces', 'pacs']) expect(types).toContain(t);
  });

  describe('fichier CSV au format d’import', () => {
    const dossier = dossierTemporaire();
    afterAll(() => dossier.detruire());

    it('écrit l’en-tête du format d’import et une ligne par acte', async () => {
      const fichier = path.join(dossier.chemin, 'registre.csv');
      const r = await ecrireRegistreCsv(fichier, { actes: 500, graine: 11 });
      const lignes = fs.readFileSync(fichier, 'utf8').trimEnd().split('\n');
      expect(r.actes).toBe(500);
      expect(lignes).toHaveLength(501);
      expect(lignes[0].split(';')).toEqual(COLONNES.map((c) => c.nom));
      expect(lignes.slice(1).every((l) => l.split(';').length === COLONNES.length)).toBe(true);
      expect(lignes[1]).toMatch(/^naissance;1925;1;/);
    });
  });
});

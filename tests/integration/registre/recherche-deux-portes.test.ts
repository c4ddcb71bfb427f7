import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enveloppe } from '../../../shared/contract';
import type { ResultatRecherche } from '../../../shared/contract/registre';
import { creerApp, type App } from '../../../electron/app';
import { registreCli } from '../../support/cli';

/**
 * One search, one answer, whichever door: the Registre screen's call (through the contract's
 * dispatcher, as both transports call it) and `registre search --json` give the same acts,
 * in the same order, with the same kind of match. "zzzz" once gave 200 phonetic results on
 * screen (every Zoé: its Phonex key "Z" was taken as a prefix) and none in the terminal.
 */
const REQUETES = [
  'zzzz',
  'bbbb',
  'zoe',
  'lefev',
  'mar',
  'martin',
  'dupnot',
  'Marie 1987',
  '1987/42',
  'naissance durand',
  'é',
  'xq',
];

describe('recherche : l’écran et la ligne de commande donnent la même réponse', () => {
  let dossier: string;
  let app: App;
  beforeAll(async () => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-deux-portes-'));
    const r = await registreCli(dossier, ['seed', '--db', 'registre.db', '--acts', '3000', '--seed', '11']);
    expect(r.code).toBe(0);
    app = creerApp({ dossierDonnees: dossier, transport: 'navigateur' });
  });
  afterAll(() => {
    app?.fermer();
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it.each(REQUETES)('« %s »', async (texte) => {
    const e = (await app.repartir('registre.rechercher', { texte, limite: 50 })) as Enveloppe<{
      resultats: ResultatRecherche[];
    }>;
    if (!e.ok) throw new Error(e.erreur.message);
    const r = await registreCli(dossier, ['search', '--db', 'registre.db', '--json', '--limit', '50', texte]);
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.stdout) as { id: number; correspondance: string }[];
    expect(cli.map((x) => [x.id, x.correspondance])).toEqual(e.valeur.resultats.map((x) => [x.id, x.correspondance]));
  });

  it('« zzzz » et « bbbb » ne ramènent rien : une clé phonétique d’une lettre ne vaut pas un début de nom', async () => {
    for (const texte of ['zzzz', 'bbbb']) {
      const e = (await app.repartir('registre.rechercher', { texte, limite: 200 })) as Enveloppe<{
        resultats: ResultatRecherche[];
      }>;
      expect(e.ok && e.valeur.resultats.length).toBe(0);
    }
    // while a real name's beginning still finds it by its sound
    const e = (await app.repartir('registre.rechercher', { texte: 'lefev', limite: 200 })) as Enveloppe<{
      resultats: ResultatRecherche[];
    }>;
    expect(e.ok && e.valeur.resultats.length).toBeGreaterThan(0);
  });
});

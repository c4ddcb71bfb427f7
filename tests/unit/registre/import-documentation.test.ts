import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLONNES } from '../../../electron/registre/import/colonnes';
import { analyserEntete } from '../../../electron/registre/import/entete';
import { LecteurLignes } from '../../../electron/registre/import/ligne-vers-acte';

// The README's CSV section is what users read: it must follow colonnes.ts.
const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const debut = readme.indexOf('## Importer des actes depuis un fichier CSV');
const doc = readme.slice(debut, readme.indexOf('\n## ', debut + 10));

describe('README : section « Importer des actes depuis un fichier CSV »', () => {
  it('existe', () => {
    expect(debut).toBeGreaterThan(0);
  });

  it('décrit chaque colonne importée', () => {
    const absentes = COLONNES.map((c) => c.nom).filter((nom) => !doc.includes(`\`${nom}\``));
    expect(absentes).toEqual([]);
  });

  it('donne un exemple que l’import accepte tel quel', () => {
    const exemple = /```csv\n([\s\S]*?)```/
      .exec(doc)![1]
      .trim()
      .split('\n')
      .map((l) => l.split(';'));
    const lecteur = new LecteurLignes(analyserEntete(exemple[0]), { aujourdhui: '2025-06-05' });
    const resultats = exemple.slice(1).map((l) => lecteur.lire(l));
    expect(resultats.map((r) => r.erreurs)).toEqual([null, null, null, null]);
    expect(resultats.map((r) => r.acte!.type)).toEqual(['naissance', 'mariage', 'deces', 'naissance']);
  });
});

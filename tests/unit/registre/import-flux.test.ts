import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { lireCsv, type LigneCsv } from '../../../electron/registre/import/flux';
import { citer } from '../../../electron/registre/import/rejets';
import type { FormatCsv } from '../../../electron/registre/import/detection';
import { dossierTemporaire } from '../../support/app-temporaire';

const dossier = dossierTemporaire('registre-flux-');
afterAll(() => dossier.detruire());
let n = 0;
async function lire(
  contenu: string | Buffer,
  format: FormatCsv = { encodage: 'utf-8', bom: false, separateur: ';' },
): Promise<LigneCsv[]> {
  const f = path.join(dossier.chemin, `f${n++}.csv`);
  fs.writeFileSync(f, contenu);
  const lignes: LigneCsv[] = [];
  await lireCsv(f, format, { surLigne: (l) => lignes.push(l), surOctets: () => {} });
  return lignes;
}

describe('lecture en flux', () => {
  it('numérote les lignes malgré les lignes vides, les lignes de séparateurs et les champs sur plusieurs lignes', async () => {
    const lignes = await lire('a;b\r\n1;2\r\n\r\n;\r\n"x\r\ny\nz";3\r\n4;5\r\n');
    expect(lignes.map((l) => [l.ligne, l.champs])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [5, ['x\r\ny\nz', '3']],
      [8, ['4', '5']],
    ]);
  });

  it('enlève le BOM et garde un guillemet isolé dans un champ', async () => {
    const lignes = await lire('\ufeffa;b\n1;Dupont "dit" Martin\n');
    expect(lignes.map((l) => l.champs)).toEqual([
      ['a', 'b'],
      ['1', 'Dupont "dit" Martin'],
    ]);
  });

  it('décode le Windows-1252 (œ, €, ’)', async () => {
    const lignes = await lire(iconv.encode('a,b\nCœur,l’an 1 €\n', 'win1252'), {
      encodage: 'windows-1252',
      bom: false,
      separateur: ',',
    });
    expect(lignes[1].champs).toEqual(['Cœur', 'l’an 1 €']);
  });

  it('garde les lignes au nombre de colonnes faux (rejetées plus loin)', async () => {
    const lignes = await lire('a;b;c\n1;2\n1;2;3;4\n');
    expect(lignes.map((l) => l.champs.length)).toEqual([3, 2, 4]);
  });

  it('s’arrête sur un guillemet jamais refermé en donnant la ligne', async () => {
    await expect(lire('a;b\n1;2\n3;"ouvert\n5;6\n')).rejects.toMatchObject({
      code: 'import_invalide',
      message: expect.stringMatching(/guillemet ouvert n’est jamais refermé \(ligne \d+\)/),
    });
  });

  it('arrête la lecture si le traitement d’une ligne échoue', async () => {
    const f = path.join(dossier.chemin, 'echec.csv');
    fs.writeFileSync(f, 'a\n' + '1\n'.repeat(10_000));
    let vues = 0;
    const promesse = lireCsv(
      f,
      { encodage: 'utf-8', bom: false, separateur: ';' },
      {
        surOctets: () => {},
        surLigne: () => {
          if (++vues === 100) throw new Error('disque plein');
        },
      },
    );
    await expect(promesse).rejects.toThrow('disque plein');
    expect(vues).toBe(100);
  });
});

describe('écriture des rejets', () => {
  it('cite seulement ce qui doit l’être', () => {
    expect(citer('Dupont', ';')).toBe('Dupont');
    expect(citer('a;b', ';')).toBe('"a;b"');
    expect(citer('a,b', ';')).toBe('a,b');
    expect(citer('dit "le grand"', ',')).toBe('"dit ""le grand"""');
    expect(citer('deux\nlignes', ',')).toBe('"deux\nlignes"');
  });
});

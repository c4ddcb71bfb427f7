import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
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

/**
 * The reading of reference: csv-parse over the whole text, with the options the import used
 * before its own splitter (and still uses for lines with quotes), lines counted the same way.
 */
function reference(texte: string, separateur: string): { lignes: LigneCsv[] } | { erreur: string } {
  let enregistrements: string[][];
  try {
    enregistrements = parse(texte, {
      delimiter: separateur,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: 1_000_000,
    }) as string[][];
  } catch (e) {
    return { erreur: (e as { code: string }).code };
  }
  const lignes: LigneCsv[] = [];
  let suivante = 1;
  for (const champs of enregistrements) {
    const ligne = suivante;
    suivante += 1;
    for (const c of champs) suivante += c.split('\n').length - 1 + c.replace(/\r\n/g, '').split('\r').length - 1;
    if (champs.some((c) => c.trim() !== '')) lignes.push({ champs, ligne });
  }
  return { lignes };
}

/** Seeded generator (mulberry32): a failure comes back with the same file. */
function hasard(graine: number): () => number {
  let a = graine;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('découpage rapide des lignes sans guillemets', () => {
  it('lit comme csv-parse des fichiers au hasard (guillemets, sauts de ligne, CR, morceaux coupés partout)', async () => {
    const morceaux = ['a', 'é', 'Dupont', ' ', ';', ';', ',', '"', '"', '""', '\n', '\n', '\r\n', '\r', '😀'];
    let comparees = 0;
    for (let graine = 1; graine <= 400; graine++) {
      const h = hasard(graine);
      const fin = ['\n', '\r\n', '\r'][graine % 3];
      // Mostly well-formed lines (the hot path), with a few hostile pieces in some.
      let texte = graine % 5 === 0 ? '\ufeff' : '';
      const lignes = 1 + Math.floor(h() * 30);
      for (let l = 0; l < lignes; l++) {
        const cellules = 1 + Math.floor(h() * 5);
        const ligne: string[] = [];
        for (let c = 0; c < cellules; c++) {
          let cellule = '';
          const longueur = Math.floor(h() * 6);
          for (let k = 0; k < longueur; k++)
            cellule += h() < 0.85 ? 'abé '[Math.floor(h() * 4)] : morceaux[Math.floor(h() * morceaux.length)];
          // The header has no quote before its first line break (see Decoupeur.trouverFin).
          if (l === 0) cellule = cellule.replace(/["\r\n]/g, 'q');
          ligne.push(l > 0 && h() < 0.1 ? `"${cellule.replace(/"/g, '""')}"` : cellule);
        }
        texte += ligne.join(';') + (l < lignes - 1 || h() < 0.7 ? fin : '');
      }
      const attendu = reference(texte, ';');
      const f = path.join(dossier.chemin, `hasard${graine}.csv`);
      fs.writeFileSync(f, texte);
      for (const taille of [1, 3, 7, 64 * 1024]) {
        const lues: LigneCsv[] = [];
        let obtenu: { lignes: LigneCsv[] } | { erreur: string };
        try {
          await lireCsv(
            f,
            { encodage: 'utf-8', bom: false, separateur: ';' },
            { surLigne: (l) => lues.push(l), surOctets: () => {} },
            taille,
          );
          obtenu = { lignes: lues };
        } catch (e) {
          const message = (e as Error).message;
          obtenu = {
            erreur: /jamais refermé/.test(message)
              ? 'CSV_QUOTE_NOT_CLOSED'
              : /dépasse/.test(message)
                ? 'CSV_MAX_RECORD_SIZE'
                : message,
          };
        }
        expect(obtenu, `graine ${graine}, morceaux de ${taille} octets : ${JSON.stringify(texte)}`).toEqual(attendu);
        comparees++;
      }
    }
    expect(comparees).toBe(1600);
  });

  it('donne la ligne du guillemet jamais refermé comme csv-parse', async () => {
    const texte = 'a;b\n1;2\n3;4\n5;"ouvert\n6;7\n8;9\n';
    const f = path.join(dossier.chemin, 'ouvert.csv');
    fs.writeFileSync(f, texte);
    let attendu = '';
    try {
      parse(texte, { delimiter: ';', relax_column_count: true, relax_quotes: true });
    } catch (e) {
      attendu = `(ligne ${(e as { lines: number }).lines})`;
    }
    expect(attendu).toMatch(/ligne \d+/);
    await expect(
      lireCsv(f, { encodage: 'utf-8', bom: false, separateur: ';' }, { surLigne: () => {}, surOctets: () => {} }, 5),
    ).rejects.toThrow(attendu);
  });

  it('refuse une ligne démesurée sans la garder entière en mémoire', async () => {
    const f = path.join(dossier.chemin, 'demesuree.csv');
    fs.writeFileSync(f, 'a;b\n1;' + 'x'.repeat(3_000_000) + '\n2;3\n');
    await expect(lire(fs.readFileSync(f))).rejects.toMatchObject({
      code: 'import_invalide',
      message: expect.stringMatching(/dépasse 1000000 caractères/),
    });
  });
});

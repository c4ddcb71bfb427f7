import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detecterFormat, detecterSeparateur, premiereLigne } from '../../../electron/registre/import/detection';
import { dossierTemporaire } from '../../support/app-temporaire';

const dossier = dossierTemporaire('registre-detection-');
afterAll(() => dossier.detruire());
let n = 0;
const fichier = (octets: Buffer | string) => {
  const f = path.join(dossier.chemin, `f${n++}.csv`);
  fs.writeFileSync(f, octets);
  return f;
};

describe('séparateur', () => {
  it('prend celui de la ligne d’en-tête, hors guillemets', () => {
    expect(detecterSeparateur('type;annee;numero')).toBe(';');
    expect(detecterSeparateur('type,annee,numero')).toBe(',');
    expect(detecterSeparateur('"nom, prénoms";type;annee')).toBe(';');
    expect(detecterSeparateur('"a;b",type,annee')).toBe(',');
  });
  it('refuse une ligne sans séparateur', () => {
    expect(() => detecterSeparateur('type annee numero')).toThrow(/« ; » ou « , »/);
  });
  it('lit la première ligne sans BOM, quelle que soit la fin de ligne', () => {
    expect(premiereLigne('\ufefftype;annee\r\nx')).toBe('type;annee');
    expect(premiereLigne('type;annee\rx')).toBe('type;annee');
  });
});

describe('encodage', () => {
  const texte = 'type;annee;numero;nom\nnaissance;1990;1;Hélène Cœur\n';
  it('UTF-8 avec BOM', async () => {
    expect(await detecterFormat(fichier('\ufeff' + texte))).toEqual({ encodage: 'utf-8', bom: true, separateur: ';' });
  });
  it('UTF-8 sans BOM', async () => {
    expect(await detecterFormat(fichier(texte))).toEqual({ encodage: 'utf-8', bom: false, separateur: ';' });
  });
  it('Windows-1252', async () => {
    expect(await detecterFormat(fichier(iconv.encode(texte.replace(/;/g, ','), 'win1252')))).toEqual({
      encodage: 'windows-1252',
      bom: false,
      separateur: ',',
    });
  });
  it('Windows-1252 dont le premier accent est loin dans le fichier', async () => {
    const debut = 'type;annee;numero;nom\n' + 'naissance;1990;1;Martin\n'.repeat(100_000);
    const octets = Buffer.concat([Buffer.from(debut), iconv.encode('naissance;1990;2;Hélène\n', 'win1252')]);
    expect(octets.length).toBeGreaterThan(2 << 20);
    expect((await detecterFormat(fichier(octets))).encodage).toBe('windows-1252');
  });
  it('UTF-8 coupé au milieu d’un caractère à la fin : Windows-1252', async () => {
    const octets = Buffer.concat([Buffer.from('type;annee;numero\n'), Buffer.from([0xc3])]);
    expect((await detecterFormat(fichier(octets))).encodage).toBe('windows-1252');
  });
  it('refuse un fichier vide ou sans en-tête', async () => {
    await expect(detecterFormat(fichier(''))).rejects.toThrow('Le fichier est vide.');
    await expect(detecterFormat(fichier('\n\ntype;annee'))).rejects.toThrow(/en-tête\) est vide/);
  });
});

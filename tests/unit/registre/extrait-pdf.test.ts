import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { ActeSchema } from '../../../shared/domain/acte';
import { composerExtrait } from '../../../shared/domain/extraits';
import { extraitEnPdf } from '../../../electron/registre/extraits/pdf';
import { lignesPdf, pdftotext } from '../../support/texte-pdf';

const ctx = { commune: { nom: 'Albi', departement: '81', nomDepartement: 'Tarn' }, dateDelivrance: '2025-06-05' };
const acte = ActeSchema.parse({
  type: 'naissance',
  annee: 1962,
  numero: 3,
  dateActe: '1962-01-09',
  dateEvenement: '1962-01-08',
  lieuEvenement: { commune: 'Albi', codeInsee: '81004', departement: '81' },
  personnes: [
    { role: 'titulaire', nom: 'du Bellay', prenoms: ['Œdipe', 'Hervé'], sexe: 'M' },
    { role: 'pere', nom: 'Cœur', prenoms: ['Benoît'] },
    { role: 'mere', nom: 'Nguyễn', prenoms: ['Thị'] },
  ],
  mentions: Array.from({ length: 40 }, (_, i) => ({
    type: 'rectification',
    date: '1990-01-01',
    texte: `Rectification n° ${i + 1} par jugement du tribunal d’Albi « sœur » — ` + 'texte long '.repeat(12),
  })),
});
const creeLe = new Date('2025-06-05T10:00:00Z');

describe('extrait en PDF', () => {
  it('produit un PDF que pdf-lib relit, avec accents, œ et Œ', async () => {
    const { octets, caracteresRemplaces } = await extraitEnPdf(composerExtrait(acte, 'avec-filiation', ctx), creeLe);
    const pdf = await PDFDocument.load(octets);
    expect(pdf.getTitle()).toBe('EXTRAIT D’ACTE DE NAISSANCE AVEC FILIATION');
    expect(pdf.getPageCount()).toBeGreaterThan(1); // 40 long mentions do not fit on one page
    const lignes = await lignesPdf(octets);
    expect(lignes).toContain('RÉPUBLIQUE FRANÇAISE');
    expect(lignes).toContain('Mairie d’Albi (Tarn)');
    expect(lignes).toContain('Œdipe Hervé DU BELLAY');
    expect(lignes.join(' ')).toContain('fils de Benoît CŒUR, et de Thi NGUYEN.');
    expect(lignes.join(' ')).toContain('« sœur » —');
    expect(lignes.join(' ')).toContain('Rectification n° 40');
    // ễ and ị are not in WinAnsi: written without their diacritics, and counted.
    expect(caracteresRemplaces).toBe(2);
  });

  it('coupe les lignes dans la largeur de la page', async () => {
    const { octets } = await extraitEnPdf(composerExtrait(acte, 'copie-integrale', ctx), creeLe);
    const lignes = await lignesPdf(octets);
    expect(Math.max(...lignes.map((l) => l.length))).toBeLessThan(110);
  });

  it('est lisible par pdftotext quand poppler-utils est installé', async (t) => {
    const { octets } = await extraitEnPdf(composerExtrait(acte, 'sans-filiation', ctx), creeLe);
    const texte = pdftotext(octets);
    if (texte === null) t.skip();
    expect(texte).toContain('EXTRAIT D’ACTE DE NAISSANCE SANS FILIATION');
    expect(texte).toContain('Œdipe Hervé DU BELLAY');
    expect(texte).not.toContain('CŒUR');
  });

  it('ne met aucun nom dans les métadonnées ni en clair dans le fichier', async () => {
    const { octets } = await extraitEnPdf(composerExtrait(acte, 'copie-integrale', ctx), creeLe);
    const brut = Buffer.from(octets).toString('latin1');
    expect(brut).not.toMatch(/Bellay|BELLAY/);
  });
});

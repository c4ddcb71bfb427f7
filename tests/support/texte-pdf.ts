import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFStream } from 'pdf-lib';

/**
 * The text drawn on each page of a PDF made with pdf-lib's standard fonts: re-loads the file
 * with pdf-lib (so it must parse), inflates the content streams and decodes the hex strings
 * of the `Tj` operators from WinAnsi. One string per drawn line, in drawing order.
 */
export async function lignesPdf(octets: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(octets);
  const lignes: string[] = [];
  for (const page of pdf.getPages()) {
    const contenus = page.node.Contents();
    const flux: PDFStream[] =
      contenus instanceof PDFArray
        ? contenus.asArray().map((r) => pdf.context.lookup(r) as PDFStream)
        : contenus
          ? [contenus]
          : [];
    for (const f of flux) {
      if (!(f instanceof PDFRawStream)) throw new Error('flux de contenu inattendu');
      const filtre = f.dict.get(PDFName.of('Filter'));
      const brut = filtre?.toString() === '/FlateDecode' ? zlib.inflateSync(f.contents) : f.contents;
      const texte = Buffer.from(brut).toString('latin1');
      for (const m of texte.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
        lignes.push(iconv.decode(Buffer.from(m[1], 'hex'), 'win1252'));
    }
  }
  return lignes;
}

/** `pdftotext` (poppler-utils) when installed: an independent reader's view of the same file. */
export function pdftotext(octets: Uint8Array): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-pdf-'));
  try {
    const fichier = path.join(dossier, 'x.pdf');
    fs.writeFileSync(fichier, octets);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', fichier, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DocumentExtrait } from '../../../shared/domain/extraits';
import { sansAccents } from '../../../shared/domain/normalisation';

/**
 * The extract as a PDF, with pdf-lib and its standard fonts (Times, nothing to ship).
 * Standard fonts encode text in WinAnsi (Windows-1252), which covers French entirely
 * (é, ç, œ, Œ, ’, «, », —). A character outside it (a Vietnamese or Polish letter) is written
 * without its accent rather than making the document fail: `caracteresRemplaces` says how
 * many, so the caller can log it (never the characters themselves: they come from names).
 */

const A4 = { largeur: 595.28, hauteur: 841.89 };
const MARGE = 64;
const LARGEUR_UTILE = A4.largeur - 2 * MARGE;

export interface PdfExtrait {
  octets: Uint8Array;
  caracteresRemplaces: number;
}

export async function extraitEnPdf(doc: DocumentExtrait, creeLe: Date): Promise<PdfExtrait> {
  const pdf = await PDFDocument.create();
  // Metadata carry the document's kind, never the person's name.
  pdf.setTitle(doc.titre);
  pdf.setLanguage('fr-FR');
  pdf.setProducer('Registre');
  pdf.setCreator('Registre');
  pdf.setCreationDate(creeLe);
  pdf.setModificationDate(creeLe);

  const normale = await pdf.embedFont(StandardFonts.TimesRoman);
  const grasse = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const italique = await pdf.embedFont(StandardFonts.TimesRomanItalic);
  const encodeur = new Encodeur(normale);
  const mise = new MiseEnPage(pdf, encodeur);

  for (const ligne of doc.entete) mise.ligne(ligne, { police: grasse, taille: 10, centre: true });
  mise.espace(28);
  mise.ligne(doc.titre, { police: grasse, taille: 14, centre: true });
  mise.espace(6);
  mise.ligne(doc.reference, { police: italique, taille: 11, centre: true });
  mise.espace(24);
  for (const paragraphe of doc.corps) mise.paragraphe(paragraphe, { police: normale, taille: 12 });
  mise.espace(18);
  doc.mentions.forEach((m, i) => mise.paragraphe(m, { police: i === 0 ? grasse : normale, taille: 11 }));
  mise.espace(36);
  for (const ligne of doc.pied) mise.paragraphe(ligne, { police: normale, taille: 11 });

  return { octets: await pdf.save(), caracteresRemplaces: encodeur.remplaces };
}

interface Style {
  police: PDFFont;
  taille: number;
  centre?: boolean;
}

class MiseEnPage {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly encodeur: Encodeur,
  ) {
    this.page = this.nouvellePage();
    this.y = A4.hauteur - MARGE;
  }

  private nouvellePage(): PDFPage {
    const page = this.pdf.addPage([A4.largeur, A4.hauteur]);
    this.y = A4.hauteur - MARGE;
    return page;
  }

  espace(points: number): void {
    this.y -= points;
  }

  ligne(texte: string, style: Style): void {
    const t = this.encodeur.adapter(texte);
    const hauteur = style.taille * 1.35;
    if (this.y - hauteur < MARGE) this.page = this.nouvellePage();
    this.y -= hauteur;
    const largeur = style.police.widthOfTextAtSize(t, style.taille);
    const x = style.centre ? (A4.largeur - largeur) / 2 : MARGE;
    this.page.drawText(t, { x, y: this.y, size: style.taille, font: style.police, color: rgb(0, 0, 0) });
  }

  /** Word-wrapped paragraph; a word longer than the line is cut. */
  paragraphe(texte: string, style: Style): void {
    const t = this.encodeur.adapter(texte);
    let courante = '';
    for (const mot of t.split(/ +/)) {
      const essai = courante ? `${courante} ${mot}` : mot;
      if (style.police.widthOfTextAtSize(essai, style.taille) <= LARGEUR_UTILE) {
        courante = essai;
        continue;
      }
      if (courante) this.ligne(courante, style);
      courante = mot;
      while (style.police.widthOfTextAtSize(courante, style.taille) > LARGEUR_UTILE) {
        let n = courante.length - 1;
        while (n > 1 && style.police.widthOfTextAtSize(courante.slice(0, n), style.taille) > LARGEUR_UTILE) n--;
        this.ligne(courante.slice(0, n), style);
        courante = courante.slice(n);
      }
    }
    if (courante) this.ligne(courante, style);
    this.y -= style.taille * 0.3;
  }
}

/** Keeps what WinAnsi can show; otherwise the letter without its diacritics, or "?". */
class Encodeur {
  private readonly permis: Set<number>;
  remplaces = 0;

  constructor(police: PDFFont) {
    this.permis = new Set(police.getCharacterSet());
  }

  adapter(texte: string): string {
    let sortie = '';
    const propre = texte
      .normalize('NFC')
      .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
      .replace(/\s*[\r\n]+\s*|\t/g, ' ');
    for (const c of propre) {
      if (this.permis.has(c.codePointAt(0)!)) {
        sortie += c;
        continue;
      }
      this.remplaces++;
      const base = sansAccents(c);
      sortie += [...base].every((b) => this.permis.has(b.codePointAt(0)!)) && base ? base : '?';
    }
    return sortie;
  }
}
